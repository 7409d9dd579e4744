import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: string;
  wardCode: string | null;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  summary: Record<string, unknown>;
}

/** JSON with object keys sorted, so a value hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Each record's hash covers its own fields and the previous record's hash: an edit breaks every later link. */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  const normalised: ChainedFields = {
    at: new Date(fields.at).toISOString(),
    wardCode: fields.wardCode,
    actorId: fields.actorId,
    actorName: fields.actorName,
    actorRole: fields.actorRole,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    ip: fields.ip,
    userAgent: fields.userAgent,
    summary: fields.summary,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(normalised)).digest('hex');
}
