/**
 * `/danh-gia/<code>?t=<token>`: the citizen rates a returned dossier from the QR code on its papers.
 * `/quay/<counter>/danh-gia?k=<key>`: the tablet of a counter, no sign-in: it shows the dossier the officer at
 * that counter offered (POST /api/v1/counters/<counter>/rating-session), reloads itself every few seconds while
 * there is none (a `Refresh` header: no script), and takes the citizen's choice. Both are plain form POSTs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../../../platform/http/deps';
import { auditContext } from '../../../platform/http/context';
import { AppError, type ErrorCode } from '../../../platform/http/errors';
import { queryText, sendHtml, wardInfoCache, type WardInfo } from '../../../platform/http/html';
import { kioskPath } from '../api';
import { COMMENT_MAX_LENGTH, parseCounterId, type Counter } from '../rules';
import { findSession } from '../store';
import { BALLOT, castBallot, ratedOfficer, ratingTarget, type Ballot, type Channel } from '../submit';
import { isKioskKey, isRatingToken } from '../token';
import { MESSAGES, messagePage, ratingPage, type FormState, type FormTarget } from './views';
import { acceptFormBodies } from '../../../platform/http/form-body';

const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };
const NO_STORE = 'no-store';
/** Seconds between two reloads of an idle tablet, and before a tablet's thank-you page gives way. */
const IDLE_REFRESH = 5;
const THANKS_REFRESH = 10;

type Form = Record<string, string | undefined>;
type Message = (typeof MESSAGES)[keyof typeof MESSAGES];

/** The API's refusals of a ballot, as pages. */
const REFUSALS: Partial<Record<ErrorCode, { status: number; text: Message }>> = {
  ALREADY_RATED: { status: 409, text: MESSAGES.alreadyRated },
  INVALID_TRANSITION: { status: 409, text: MESSAGES.notReturned },
  NOT_FOUND: { status: 404, text: MESSAGES.notFound },
};

const LEVEL_MISSING = 'Xin Ông/Bà chọn một mức hài lòng với việc giải quyết hồ sơ.';
const COMMENT_TOO_LONG = `Ý kiến góp ý tối đa ${COMMENT_MAX_LENGTH.toLocaleString('vi-VN')} ký tự.`;

/** The form's fields → a ballot, or the state to show the form again with its error. */
function readBallot(form: Form): { ballot: Ballot } | { state: FormState } {
  const values = {
    level: form.level,
    officerLevel: form.officerLevel || undefined,
    comment: form.comment || undefined,
  };
  const parsed = BALLOT.safeParse(values);
  if (parsed.success) return { ballot: parsed.data };
  const commentTooLong = parsed.error.issues.some((issue) => issue.path[0] === 'comment');
  const error = commentTooLong
    ? ({ field: 'comment', message: COMMENT_TOO_LONG } as const)
    : ({ field: 'level', message: LEVEL_MISSING } as const);
  return { state: { ...values, error } };
}

export const ratingPages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const secret = deps.config.ratingSecret;
  const wardInfo = wardInfoCache(db);
  const portalWard = () => wardInfo(deps.config.portalWard);

  // HTML forms post `application/x-www-form-urlencoded`; only these pages take it.
  acceptFormBodies(app);

  const show = (reply: FastifyReply, html: string, status = 200) =>
    sendHtml(reply, html, { status, cache: NO_STORE });
  const message = (
    reply: FastifyReply,
    status: number,
    text: Message,
    ward: WardInfo | undefined,
    kiosk = false,
  ) => show(reply, messagePage(text.title, text.text, ward, kiosk), status);

  /** Casts the ballot in a transaction; the refusal to show instead, if any (other errors go to the handler). */
  async function cast(request: FastifyRequest, code: string, ballot: Ballot, channel: Channel) {
    const ctx = { audit: auditContext(request), now: deps.clock.now() };
    try {
      await db.transaction((tx) => castBallot({ ...ctx, db: tx }, code, ballot, channel));
      return undefined;
    } catch (error) {
      const refusal = error instanceof AppError ? REFUSALS[error.code] : undefined;
      if (!refusal) throw error;
      return refusal;
    }
  }

  // The citizen's page.

  const linkTarget = (code: string, token: string): FormTarget => ({
    action: `/danh-gia/${code}`,
    hidden: { t: token },
    kiosk: false,
  });

  app.get('/danh-gia/:code', PAGE, async (request, reply) => {
    const { code } = request.params as { code: string };
    const token = queryText(request.query, 't');
    if (!isRatingToken(secret, code, token))
      return message(reply, 403, MESSAGES.linkInvalid, await portalWard());
    const target = await ratingTarget(db, code);
    if (!target) return message(reply, 404, MESSAGES.notFound, await portalWard());
    const ward = await wardInfo(target.dossier.wardCode);
    if (target.rated) return message(reply, 200, MESSAGES.alreadyRated, ward);
    if (target.dossier.status !== 'returned') return message(reply, 200, MESSAGES.notReturned, ward);
    const subject = { ...target.dossier, officerName: ratedOfficer(target.dossier).name };
    return show(reply, ratingPage(subject, linkTarget(code, token), {}, ward));
  });

  app.post('/danh-gia/:code', PAGE, async (request, reply) => {
    const { code } = request.params as { code: string };
    const form = (request.body ?? {}) as Form;
    const token = form.t ?? '';
    if (!isRatingToken(secret, code, token))
      return message(reply, 403, MESSAGES.linkInvalid, await portalWard());
    const target = await ratingTarget(db, code);
    if (!target) return message(reply, 404, MESSAGES.notFound, await portalWard());
    const ward = await wardInfo(target.dossier.wardCode);
    const read = readBallot(form);
    if ('state' in read) {
      const subject = { ...target.dossier, officerName: ratedOfficer(target.dossier).name };
      return show(reply, ratingPage(subject, linkTarget(code, token), read.state, ward), 400);
    }
    const refused = await cast(request, code, read.ballot, { kind: 'link' });
    if (refused) return message(reply, refused.status, refused.text, ward);
    return reply.redirect(`/danh-gia/${code}/cam-on`, 303);
  });

  app.get('/danh-gia/:code/cam-on', PAGE, async (_request, reply) =>
    message(reply, 200, MESSAGES.thanks, await portalWard()),
  );

  // The tablet of a counter.

  /** The counter the path names when the key is its own; undefined after answering 403. */
  async function counterOf(
    request: { params: unknown; query: unknown },
    reply: FastifyReply,
  ): Promise<(Counter & { path: string }) | undefined> {
    const counter = parseCounterId((request.params as { counter: string }).counter);
    const key = queryText(request.query, 'k');
    if (counter && isKioskKey(secret, counter.id, key))
      return { ...counter, path: kioskPath(counter.id, secret) };
    await message(reply, 403, MESSAGES.kioskInvalid, await portalWard(), true);
    return undefined;
  }

  const heading = (counter: Counter) => `${counter.label}: đánh giá mức độ hài lòng`;

  /** The dossier the counter offers now, when it can still be rated. */
  async function offered(counter: Counter) {
    const session = await findSession(db, counter.id, deps.clock.now());
    if (!session) return undefined;
    const target = await ratingTarget(db, session.dossierCode);
    if (!target || target.rated || target.dossier.status !== 'returned') return undefined;
    return { ...target.dossier, officerName: ratedOfficer(target.dossier).name };
  }

  app.get('/quay/:counter/danh-gia', PAGE, async (request, reply) => {
    const counter = await counterOf(request, reply);
    if (!counter) return reply;
    const ward = await wardInfo(counter.wardCode);
    const subject = await offered(counter);
    if (!subject) {
      reply.header('refresh', String(IDLE_REFRESH));
      return show(reply, messagePage(heading(counter), MESSAGES.kioskIdle.text, ward, true));
    }
    const target = { action: counter.path, hidden: { dossier: subject.code }, kiosk: true };
    return show(reply, ratingPage(subject, target, {}, ward, heading(counter)));
  });

  app.post('/quay/:counter/danh-gia', PAGE, async (request, reply) => {
    const counter = await counterOf(request, reply);
    if (!counter) return reply;
    const ward = await wardInfo(counter.wardCode);
    const form = (request.body ?? {}) as Form;
    const subject = await offered(counter);
    // The tablet may show a page older than the officer's latest offer: only the dossier offered now is rated.
    if (!subject || subject.code !== form.dossier) {
      reply.header('refresh', `${THANKS_REFRESH};url=${counter.path}`);
      return message(reply, 409, MESSAGES.kioskExpired, ward, true);
    }
    const read = readBallot(form);
    if ('state' in read) {
      const target = { action: counter.path, hidden: { dossier: subject.code }, kiosk: true };
      return show(reply, ratingPage(subject, target, read.state, ward, heading(counter)), 400);
    }
    reply.header('refresh', `${THANKS_REFRESH};url=${counter.path}`);
    const refused = await cast(request, subject.code, read.ballot, { kind: 'kiosk', counterId: counter.id });
    if (refused) return message(reply, refused.status, refused.text, ward, true);
    return message(reply, 200, MESSAGES.thanks, ward, true);
  });
};
