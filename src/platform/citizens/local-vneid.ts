/**
 * A real OpenID Connect provider (oidc-provider) standing in for VNeID outside production when `VNEID_ISSUER` is
 * not set, so VNeID sign-in works offline on a developer's machine and in tests. It is served by this server under
 * /dev-vneid, knows the invented people of demo-citizens.ts, and is reached by the platform's own OpenID client
 * over HTTP at the server's own address, exactly like the real one. It keeps its state in memory.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Configuration, default as Provider } from 'oidc-provider';
import type { Config } from '../config';
import type { Deps } from '../http/deps';
import { esc, layout } from '../http/html';
import { lazy } from '../lazy';
import { DEMO_CITIZENS } from './demo-citizens';
import { memoryStore } from './local-vneid-store';
import { ID_NUMBER_CLAIM } from './rules';
import { VNEID_CALLBACK_PATH, type VneidSettings } from './vneid';

export const LOCAL_VNEID_PATH = '/dev-vneid';

/** oidc-provider (with koa and jose) takes about 400 ms and 20 MB to load: loaded by the first sign-in. */
const oidcProvider = lazy(() => import('oidc-provider').then((m) => m.default));

/** The server's own address: PUBLIC_URL, else where it listens; null before it listens (tests using inject). */
function ownUrl(config: Pick<Config, 'publicUrl'>, server: { address(): AddressInfo | string | null }) {
  if (config.publicUrl) return config.publicUrl;
  const address = server.address();
  if (!address || typeof address === 'string') return null;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** `+84912345678`, as OpenID Connect writes a phone number (E.164). */
function e164(phone: string): string {
  return `+84${phone.slice(1)}`;
}

function configuration(clientId: string, clientSecret: string, redirectUri: string): Configuration {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'local-vneid', alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      phone: ['phone_number', 'phone_number_verified'],
      [ID_NUMBER_CLAIM]: [ID_NUMBER_CLAIM],
    },
    adapter: memoryStore(),
    // Seconds. Short: a stand-in on a developer's machine.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      AccessToken: 300,
      IdToken: 300,
    },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${LOCAL_VNEID_PATH}/interaction/${interaction.uid}` },
    findAccount: (_ctx, subject) => {
      const person = DEMO_CITIZENS.find((p) => p.subject === subject);
      if (!person) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          name: person.fullName,
          phone_number: e164(person.phone),
          phone_number_verified: true,
          [ID_NUMBER_CLAIM]: person.idNumber,
        }),
      };
    },
    // The platform is VNeID's only client here: what it asks for is granted without a consent page.
    loadExistingGrant: async (ctx) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = layout({
        title: 'Không đăng nhập được bằng VNeID',
        main:
          '<h1>Không đăng nhập được bằng VNeID</h1>' +
          '<p>Xin lỗi, máy chủ VNeID thử nghiệm không xử lý được yêu cầu này.</p>' +
          `<p class="hint">Mã lỗi: ${esc(String(out.error))}</p>` +
          '<p><a href="/dang-nhap">Quay lại trang đăng nhập</a></p>',
      });
    },
  };
}

export class LocalVneid {
  readonly clientId = 'chinh-quyen-than-thien';
  private readonly clientSecret = randomBytes(32).toString('base64url');
  private current?: {
    issuer: string;
    made: Promise<{ provider: Provider; handle: ReturnType<Provider['callback']> }>;
  };

  constructor(private readonly ownUrl: () => string | null) {}

  /** How the platform's client reaches this provider; null before the server listens. */
  settings(): VneidSettings | null {
    const url = this.ownUrl();
    if (!url) return null;
    return {
      issuer: `${url}${LOCAL_VNEID_PATH}`,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      appUrl: url,
    };
  }

  /** The provider for the server's current address, made at the first request that needs it. */
  private made() {
    const settings = this.settings();
    if (!settings) return null;
    if (this.current?.issuer !== settings.issuer) {
      const redirectUri = `${settings.appUrl}${VNEID_CALLBACK_PATH}`;
      const made = oidcProvider().then((OidcProvider) => {
        const provider = new OidcProvider(
          settings.issuer,
          configuration(this.clientId, this.clientSecret, redirectUri),
        );
        return { provider, handle: provider.callback() };
      });
      this.current = { issuer: settings.issuer, made };
    }
    return this.current.made;
  }

  /** null before the server listens. */
  async provider(): Promise<Provider | null> {
    return (await this.made())?.provider ?? null;
  }

  /** Hands a request under /dev-vneid to the provider, which sees the path below it and its mount point. */
  async handle(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): Promise<boolean> {
    const made = await this.made();
    if (!made) return false;
    const url = req.url ?? '/';
    req.originalUrl = url;
    req.url = url.slice(LOCAL_VNEID_PATH.length) || '/';
    void made.handle(req, res);
    return true;
  }
}

const instances = new WeakMap<Deps, LocalVneid>();

/**
 * The local provider of this platform instance, shared by the pages that serve it and the routes that sign in
 * with it; null in production and wherever a real VNeID issuer is configured.
 */
export function localVneid(
  deps: Deps,
  server: { address(): AddressInfo | string | null },
): LocalVneid | null {
  if (deps.config.production || deps.config.vneid) return null;
  let local = instances.get(deps);
  if (!local) instances.set(deps, (local = new LocalVneid(() => ownUrl(deps.config, server))));
  return local;
}
