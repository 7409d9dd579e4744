/**
 * `/phan-anh`: the citizen files a feedback item from a plain HTML form (photos as multipart files, no script),
 * follows it by its tracking code, rates the answer, and reads the answers the ward published.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { auditContext } from '../../../platform/http/context';
import type { RouteOptions } from '../../../platform/http/deps';
import { AppError } from '../../../platform/http/errors';
import { queryText, sendHtml, wardInfoCache } from '../../../platform/http/html';
import { CITIZEN_FIELDS, RATING, trackingPath } from '../inputs';
import { fileForWard, rateItem } from '../items';
import { publicView, publishedView } from '../presenters';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, normaliseTrackingCode, TRACKING_CODE } from '../rules';
import * as store from '../store';
import { formPage, lookupPage, publishedPage, trackingPage, type Field, type FormState } from './views';
import { acceptFormBodies } from '../../../platform/http/form-body';

const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };
const NO_STORE = { cache: 'no-store' };
const PAGE_SIZE = 20;
const TOO_MANY_PHOTOS = `Xin gửi tối đa ${MAX_PHOTOS} ảnh, mỗi ảnh không quá ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`;

/** The form's fields and files; `tooMany` when the browser sent more files than the form takes. */
async function readForm(request: FastifyRequest) {
  const values: Record<string, string> = {};
  const photos: Buffer[] = [];
  let tooLarge = false;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated) tooLarge = true;
      // A file input left empty still sends one part, without a name or bytes.
      else if (part.filename || bytes.length > 0) photos.push(bytes);
    } else if (typeof part.value === 'string') values[part.fieldname] = part.value.trim();
  }
  return { values, photos, tooLarge };
}

/** The form's fields → the API's item, or the errors to show beside each field. */
function parseForm(values: Record<string, string>) {
  const anonymous = values.anonymous === 'on';
  const parsed = CITIZEN_FIELDS.safeParse({
    kind: values.kind,
    category: values.category,
    text: values.text ?? '',
    address: values.address || undefined,
    anonymous,
    contact: anonymous
      ? undefined
      : { name: values.name ?? '', phone: values.phone || undefined, email: values.email || undefined },
    publishConsent: values.publishConsent === 'on',
  });
  return parsed.success ? { data: parsed.data } : { errors: fieldErrors(parsed.error) };
}

const PICK: Partial<Record<string, string>> = {
  kind: 'Xin chọn phản ánh hoặc kiến nghị.',
  category: 'Xin chọn lĩnh vực của nội dung.',
};

function fieldErrors(error: z.ZodError): FormState['errors'] {
  const errors: FormState['errors'] = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') as Field;
    errors[field] ??= PICK[field] ?? issue.message;
  }
  return errors;
}

export const feedbackPages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const wardInfo = wardInfoCache(db);
  const portalWard = () => wardInfo(deps.config.portalWard);

  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 20, fieldSize: 8000, parts: 30 },
  });
  // The rating form posts `application/x-www-form-urlencoded`.
  acceptFormBodies(app);

  const show = (reply: FastifyReply, html: string, status = 200) =>
    sendHtml(reply, html, { status, ...NO_STORE });

  app.get('/phan-anh', PAGE, async (_request, reply) =>
    show(reply, formPage({ values: { kind: 'phan_anh' }, errors: {} }, await portalWard())),
  );

  app.post(
    '/phan-anh',
    { ...PAGE, bodyLimit: MAX_PHOTOS * MAX_PHOTO_BYTES + 256 * 1024 },
    async (request, reply) => {
      const ward = await portalWard();
      let form;
      try {
        form = await readForm(request);
      } catch (error) {
        // Too many files or parts: busboy stops reading, the form is shown again.
        request.log.info({ err: { message: (error as Error).message } }, 'feedback form refused');
        return show(reply, formPage({ values: {}, errors: { photos: TOO_MANY_PHOTOS } }, ward), 400);
      }
      const parsed = parseForm(form.values);
      const errors: FormState['errors'] = parsed.errors ?? {};
      if (form.tooLarge) errors.photos = TOO_MANY_PHOTOS;
      if (!parsed.data || Object.keys(errors).length > 0)
        return show(reply, formPage({ values: form.values, errors }, ward), 400);
      try {
        const item = await fileForWard(deps, auditContext(request), {
          ...parsed.data,
          wardCode: deps.config.portalWard,
          photos: form.photos,
          source: 'portal',
        });
        return reply.redirect(`${trackingPath(item.code)}?moi=1`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        const field = (Object.keys(error.fields ?? {})[0] ?? 'text') as Field;
        return show(reply, formPage({ values: form.values, errors: { [field]: error.message } }, ward), 400);
      }
    },
  );

  app.get('/phan-anh/tra-cuu', PAGE, async (request, reply) => {
    const ward = await portalWard();
    if (!Object.hasOwn((request.query ?? {}) as object, 'ma')) return show(reply, lookupPage(ward, {}));
    const typed = queryText(request.query, 'ma', 40);
    const code = normaliseTrackingCode(typed);
    if (code) return reply.redirect(trackingPath(code), 303);
    return show(reply, lookupPage(ward, { typed, error: 'Xin nhập mã theo dõi có dạng PA-7K3M-Q2XD.' }), 400);
  });

  app.get('/phan-anh/da-tra-loi', PAGE, async (request, reply) => {
    const number = Math.min(
      Math.max(Number.parseInt(queryText(request.query, 'trang', 4), 10) || 1, 1),
      1000,
    );
    const rows = await store.listPublished(db, deps.config.portalWard, {
      limit: PAGE_SIZE + 1,
      offset: (number - 1) * PAGE_SIZE,
    });
    const page = { number, hasMore: rows.length > PAGE_SIZE };
    return sendHtml(
      reply,
      publishedPage(rows.slice(0, PAGE_SIZE).map(publishedView), await portalWard(), page),
    );
  });

  /** The item's tracking page, or undefined after answering 404 / redirecting a loosely typed code. */
  async function tracked(request: FastifyRequest, reply: FastifyReply) {
    const { code } = request.params as { code: string };
    if (!TRACKING_CODE.test(code)) {
      const canonical = normaliseTrackingCode(code);
      if (canonical) return void (await reply.redirect(trackingPath(canonical), 301));
    }
    const item = TRACKING_CODE.test(code) ? await store.findByCode(db, code) : undefined;
    if (!item)
      return void (await show(reply, lookupPage(await portalWard(), { typed: code, notFound: true }), 404));
    const into = item.mergedIntoId ? await store.findById(db, item.mergedIntoId) : undefined;
    return { view: publicView(item, into), ward: await wardInfo(item.wardCode) };
  }

  app.get('/phan-anh/:code', PAGE, async (request, reply) => {
    const found = await tracked(request, reply);
    if (!found) return reply;
    const query = request.query as Record<string, unknown>;
    const options = { justFiled: query.moi === '1', rated: query.da_danh_gia === '1' };
    return show(reply, trackingPage(found.view, found.ward, options));
  });

  app.post('/phan-anh/:code/danh-gia', PAGE, async (request, reply) => {
    const found = await tracked(request, reply);
    if (!found) return reply;
    const values = (request.body ?? {}) as Record<string, string>;
    const parsed = RATING.safeParse({ rating: values.rating, comment: values.comment?.trim() || undefined });
    if (!parsed.success) {
      const rating = { values, errors: { rating: 'Xin Ông/Bà chọn một mức hài lòng.' } };
      return show(reply, trackingPage(found.view, found.ward, { rating }), 400);
    }
    const ctx = { audit: auditContext(request), now: deps.clock.now() };
    try {
      await db.transaction((tx) =>
        rateItem({ ...ctx, db: tx }, found.view.code, parsed.data.rating, parsed.data.comment),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
    return reply.redirect(`${trackingPath(found.view.code)}?da_danh_gia=1`, 303);
  });
};
