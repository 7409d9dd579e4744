/**
 * Sign-in with VNeID as an OpenID Connect relying party (openid-client): the authorization code flow with PKCE
 * (S256), state and nonce. The provider is found by discovery at its issuer, over HTTP like any other.
 */
import * as oidc from 'openid-client';
import { identityFromClaims, ID_NUMBER_CLAIM, type VneidIdentity } from './rules';

const VNEID_SCOPE = `openid profile phone ${ID_NUMBER_CLAIM}`;
export const VNEID_CALLBACK_PATH = '/api/v1/citizen/auth/vneid/callback';

export interface VneidSettings {
  issuer: string;
  clientId: string;
  /** Absent: a public client, authenticated by PKCE alone. */
  clientSecret?: string;
  /** Where the platform's callback is served; absent: the address of the request. */
  appUrl?: string;
}

/** What the callback must check the provider's answer against; kept server-side. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

const DISCOVERY_TIMEOUT_SECONDS = 10;

export class VneidClient {
  /** Discovery per issuer, kept once it succeeds; a failure is forgotten so the next sign-in tries again. */
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();

  /** `settings` answers null while VNeID cannot be used (not configured, or the local provider not yet up). */
  constructor(readonly settings: () => VneidSettings | null) {}

  private configuration(settings: VneidSettings): Promise<oidc.Configuration> {
    let found = this.discovered.get(settings.issuer);
    if (!found) {
      const { issuer, clientId, clientSecret } = settings;
      // Plain HTTP only for an issuer configured so outside production (config.ts) or the local stand-in.
      const insecure = new URL(issuer).protocol === 'http:';
      found = oidc.discovery(
        new URL(issuer),
        clientId,
        clientSecret,
        clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
        { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: DISCOVERY_TIMEOUT_SECONDS },
      );
      found.catch(() => this.discovered.delete(issuer));
      this.discovered.set(issuer, found);
    }
    return found;
  }

  /** The provider's authorization URL for a new sign-in, and what to keep until its callback. */
  async start(settings: VneidSettings, redirectUri: string): Promise<{ url: URL; pending: PendingLogin }> {
    const configuration = await this.configuration(settings);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, redirectUri };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: VNEID_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      // Always ask VNeID who is there: citizens often use a shared or borrowed phone.
      prompt: 'login',
    });
    return { url, pending };
  }

  /**
   * Checks the provider's answer (`query`: the callback's query string) against the pending sign-in, exchanges
   * the code with the PKCE verifier, validates the ID token (signature, issuer, audience, nonce, expiry) and
   * reads the person's claims from the userinfo endpoint.
   */
  async finish(settings: VneidSettings, pending: PendingLogin, query: string): Promise<VneidIdentity> {
    const configuration = await this.configuration(settings);
    const tokens = await oidc.authorizationCodeGrant(
      configuration,
      new URL(`${pending.redirectUri}?${query}`),
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
    );
    const subject = tokens.claims()?.sub;
    if (!subject) throw new Error('VNeID: no subject in the ID token');
    const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, subject);
    return identityFromClaims({ ...userInfo, sub: subject });
  }
}
