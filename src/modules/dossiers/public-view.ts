/**
 * The public view of a dossier, what `/tra-cuu/<code>` and `GET /api/v1/dossiers/<code>/public` show: kept in
 * memory for a few seconds, with its HTML and JSON rendered once, so a code that many ask for (a receipt's QR
 * code scanned at the counter, a page refreshed, many citizens following their dossiers) costs one read per TTL.
 * The codes missing during one turn of the event loop are read together, in one query by the unique code index.
 *
 * Why a few seconds of staleness are acceptable: the view holds no personal data (the name is masked), so one
 * copy may serve everyone who asks for the code, and a dossier changes state a few times over days. A change
 * committed by this process forgets the code at once (`forgetPublicView` after the commit), so the officer who
 * acted and the citizen who looks next see the new status. Another process (a second server) does not hear of
 * it: its copy lasts at most the TTL, and browsers and proxies may keep an answer as long again
 * (`Cache-Control: max-age` below), so a status is at most about ten seconds old anywhere. With a one-second TTL
 * re-reading and re-rendering every code a citizen follows took a fifth of the server's time under load.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect';
import { publicView } from './presenters';
import { findPublicByCodes, type PublicDossier } from './store';

export const PUBLIC_VIEW_TTL_MS = 5_000;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_VIEW_TTL_MS / 1000}`;
/** Some 9 kB each (view, page, JSON): at most about 45 MB, more codes than the database can be asked a second. */
const MAX_ENTRIES = 5_000;

/** A body as sent, with its ETag; bytes, so that serving it again neither measures nor encodes the text. */
export interface Rendered {
  body: Buffer;
  etag: string;
}

export interface PublicEntry {
  wardCode: string;
  view: ReturnType<typeof publicView>;
  /** performance.now() after which the entry is read again. */
  expires: number;
  html?: Rendered;
  json?: Rendered;
}

export class PublicViewCache {
  /** 0 reads every request from the database (the benchmark's uncached rows). */
  ttlMs = PUBLIC_VIEW_TTL_MS;
  /** In order of insertion, which is the order of expiry: the first entry is the one to drop. */
  private readonly entries = new Map<string, PublicEntry>();
  /** Reads under way: concurrent requests for one code share one query. */
  private readonly reading = new Map<string, Promise<PublicEntry | undefined>>();
  /** Counts forget(): a read that was under way when a change committed is answered but not kept. */
  private forgets = 0;
  /**
   * The codes asked for during this turn of the event loop, read together after it: one round trip for many
   * codes (under load, half the CPU per uncached request of one query each).
   */
  private batch: { codes: Set<string>; read: Promise<Map<string, PublicDossier>> } | null = null;

  constructor(private readonly db: Db) {}

  /** The code's view when it is in memory and fresh, at once: most requests, answered without a promise. */
  peek(code: string): PublicEntry | undefined {
    const hit = this.entries.get(code);
    return hit && hit.expires > performance.now() ? hit : undefined;
  }

  /** The code's view, or undefined when no dossier has the code (which is not remembered). */
  get(code: string): Promise<PublicEntry | undefined> {
    const hit = this.peek(code);
    if (hit) return Promise.resolve(hit);
    if (this.ttlMs <= 0) return this.read(code);
    let reading = this.reading.get(code);
    if (!reading) {
      const forgets = this.forgets;
      const read = this.read(code).then((entry) => {
        if (entry && forgets === this.forgets) this.keep(code, entry);
        return entry;
      });
      const done = () => {
        if (this.reading.get(code) === read) this.reading.delete(code);
      };
      read.then(done, done);
      this.reading.set(code, (reading = read));
    }
    return reading;
  }

  forget(code: string): void {
    this.forgets++;
    this.entries.delete(code);
    this.reading.delete(code);
  }

  private async read(code: string): Promise<PublicEntry | undefined> {
    const batch = (this.batch ??= this.nextBatch());
    batch.codes.add(code);
    const found = (await batch.read).get(code);
    if (!found) return undefined;
    return {
      wardCode: found.wardCode,
      view: publicView(found, found.events),
      expires: performance.now() + this.ttlMs,
    };
  }

  private nextBatch() {
    const codes = new Set<string>();
    const read = new Promise((next) => setImmediate(next)).then(() => {
      this.batch = null;
      return findPublicByCodes(this.db, [...codes]);
    });
    return { codes, read };
  }

  private keep(code: string, entry: PublicEntry): void {
    this.entries.delete(code);
    this.entries.set(code, entry);
    const now = performance.now();
    for (const [oldest, { expires }] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && expires > now) break;
      this.entries.delete(oldest);
    }
  }
}

const caches = new WeakMap<Db, PublicViewCache>();

/** The cache of one database's public views (one per platform built in the process). */
export function publicViewCache(db: Db): PublicViewCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PublicViewCache(db)));
  return cache;
}

/** Call right after a change to the dossier commits: the next request reads it again. */
export function forgetPublicView(db: Db, code: string): void {
  caches.get(db)?.forget(code);
}

export function rendered(text: string): Rendered {
  const body = Buffer.from(text);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** 200 with the body, or 304 when the client already holds this version (If-None-Match). */
export function sendRendered(
  request: FastifyRequest,
  reply: FastifyReply,
  { body, etag }: Rendered,
  type: string,
): FastifyReply {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag);
  if (request.headers['if-none-match']?.includes(etag)) return reply.status(304).send();
  return reply.type(type).send(body);
}
