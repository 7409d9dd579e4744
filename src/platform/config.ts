import { createHash } from 'node:crypto';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  production: boolean;
  /** The ward whose portal is served at `/`. */
  portalWard: string;
  logLevel: string;
  /** Start of the server's clock for demos and tests (`APP_NOW`); refused in production. */
  appNow?: string;
  /** Background jobs (lateness sweep, reminders) on pg-boss; `JOBS=0` turns them off. */
  jobs: boolean;
  /**
   * `PUBLIC_URL`: the address citizens reach the platform at (e.g. `https://dichvucong.thanhdong.haiphong.gov.vn`),
   * encoded in QR codes; without a trailing slash. Absent: the address of the request.
   */
  publicUrl?: string;
  /** SMTP server for e-mail to citizens (`SMTP_URL`, smtp:// or smtps://); absent: .eml files in DATA_DIR/mail. */
  smtpUrl?: string;
  /** Sender of e-mail to citizens (`MAIL_FROM`). */
  mailFrom: string;
  /** The payment gateway citizens pay fees through; null when none is configured (production default). */
  paymentGateway: PaymentGatewayConfig | null;
  /** `RATING_SECRET`: signs the satisfaction rating links and the counter tablets' addresses; required in production. */
  ratingSecret: string;
  /**
   * VNeID, the national identity's OpenID Connect provider: `VNEID_ISSUER`, `VNEID_CLIENT_ID`, `VNEID_CLIENT_SECRET`.
   * Absent: outside production a local stand-in is served at /dev-vneid; in production, no VNeID sign-in.
   */
  vneid?: VneidConfig;
  /** `UPLOAD_MAX_MB`: the largest paper a citizen may upload with an online filing, in bytes (default 10 MB). */
  uploadMaxBytes: number;
  /**
   * `IDENTITY_KEY`: 32 bytes (64 hex digits or base64) that seal denouncers' identities (AES-256-GCM); required in
   * production. Outside production, unset, a development key is derived from a fixed phrase: fine for demo data,
   * never for real identities. Sealed values stay readable only while the key does not change.
   */
  identityKey: Buffer;
}

export interface VneidConfig {
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE only). */
  clientSecret?: string;
}

/** A gateway speaking VNPay's protocol: where citizens are sent, our merchant code, the shared signing secret. */
export interface PaymentGatewayConfig {
  url: string;
  merchantCode: string;
  secret: string;
}

/** The local gateway simulator (modules/payments/pages), the default gateway outside production. */
export const PAYMENT_SIMULATOR_URL = '/thanh-toan-thu/vpcpay.html';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    production: env.NODE_ENV === 'production',
    portalWard: env.PORTAL_WARD ?? '10507',
    logLevel: env.LOG_LEVEL ?? 'info',
    appNow: env.APP_NOW || undefined,
    jobs: env.JOBS !== '0',
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Chính quyền thân thiện <khong-tra-loi@localhost>',
    paymentGateway: readPaymentGateway(env, env.NODE_ENV === 'production'),
    ratingSecret: readRatingSecret(env.RATING_SECRET, env.NODE_ENV === 'production'),
    vneid: readVneid(env, env.NODE_ENV === 'production'),
    uploadMaxBytes: readUploadLimit(env.UPLOAD_MAX_MB),
    identityKey: readIdentityKey(env.IDENTITY_KEY, env.NODE_ENV === 'production'),
  };
}

/**
 * `PAYMENT_GATEWAY_URL`, `PAYMENT_GATEWAY_MERCHANT`, `PAYMENT_GATEWAY_SECRET`. Outside production they default to
 * the local simulator and its demo secret; in production there is no gateway until all are set, so that no
 * simulator nor publicly known secret can ever mark a fee paid there.
 */
function readPaymentGateway(env: NodeJS.ProcessEnv, production: boolean): PaymentGatewayConfig | null {
  const url = env.PAYMENT_GATEWAY_URL || (production ? undefined : PAYMENT_SIMULATOR_URL);
  const secret = env.PAYMENT_GATEWAY_SECRET || (production ? undefined : 'mo-phong-cong-thanh-toan');
  if (!url || !secret) return null;
  return { url, merchantCode: env.PAYMENT_GATEWAY_MERCHANT || 'CQTTDEMO', secret };
}

/** A value of the environment the server cannot start with. */
export class ConfigError extends Error {}

function readPublicUrl(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`PUBLIC_URL must start with http:// or https://: ${raw}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A printed rating link stays valid as long as the secret does: a development default, never in production. */
const DEVELOPMENT_RATING_SECRET = 'chinh-quyen-than-thien-development-rating-secret';
const MIN_SECRET_LENGTH = 32;

function readRatingSecret(value: string | undefined, production: boolean): string {
  const secret = value?.trim();
  if (!secret) {
    if (production)
      throw new ConfigError(`RATING_SECRET is required in production (${MIN_SECRET_LENGTH}+ characters)`);
    return DEVELOPMENT_RATING_SECRET;
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new ConfigError(`RATING_SECRET must have ${MIN_SECRET_LENGTH} characters or more`);
  return secret;
}

/** The issuer must be https:// in production; plain http:// is accepted elsewhere (a provider on a test machine). */
function readVneid(env: NodeJS.ProcessEnv, production: boolean): VneidConfig | undefined {
  // Kept exactly as given: the issuer must match, to the character, the one the provider states.
  const issuer = env.VNEID_ISSUER?.trim();
  if (!issuer) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`VNEID_ISSUER is not a URL: ${issuer}`);
  }
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:'))
    throw new ConfigError(
      `VNEID_ISSUER must start with https://${production ? ' in production' : ''}: ${issuer}`,
    );
  const clientId = env.VNEID_CLIENT_ID?.trim();
  if (!clientId) throw new ConfigError('VNEID_CLIENT_ID is required with VNEID_ISSUER');
  return { issuer, clientId, clientSecret: env.VNEID_CLIENT_SECRET || undefined };
}

function readUploadLimit(value: string | undefined): number {
  const megabytes = Number(value || 10);
  if (!Number.isFinite(megabytes) || megabytes <= 0 || megabytes > 100)
    throw new ConfigError(`UPLOAD_MAX_MB phải là số MB từ 0 đến 100, không phải "${value}".`);
  return Math.round(megabytes * 1_048_576);
}

const DEVELOPMENT_IDENTITY_PHRASE = 'chinh-quyen-than-thien-development-identity-key';

function readIdentityKey(value: string | undefined, production: boolean): Buffer {
  const raw = value?.trim();
  if (!raw) {
    if (production) throw new ConfigError('IDENTITY_KEY is required in production (32 bytes, hex or base64)');
    return createHash('sha256').update(DEVELOPMENT_IDENTITY_PHRASE).digest();
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError('IDENTITY_KEY must be 32 bytes: 64 hex digits or 44 base64 characters');
  return key;
}
