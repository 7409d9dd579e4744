/**
 * Serves the local VNeID stand-in (local-vneid.ts) under /dev-vneid: the provider's own endpoints, and its sign-in
 * page, a list of the demo people to sign in as. Registers nothing in production or when VNEID_ISSUER is set.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { InteractionResults } from 'oidc-provider';
import { z } from 'zod';
import type { RouteOptions } from '../http/deps';
import { esc, layout, sendHtml } from '../http/html';
import { DEMO_CITIZENS } from './demo-citizens';
import { LOCAL_VNEID_PATH, localVneid } from './local-vneid';
import { acceptFormBodies } from '../http/form-body';

const TITLE = 'Đăng nhập bằng tài khoản định danh điện tử';

function signInPage(uid: string): string {
  const people = DEMO_CITIZENS.map(
    (person, i) =>
      `<li><button type="submit" name="subject" value="${esc(person.subject)}" aria-describedby="so-${i}">` +
      `${esc(person.fullName)}</button><p id="so-${i}" class="hint m0">Số căn cước ${esc(person.idNumber)}</p></li>`,
  ).join('');
  return layout({
    title: `${TITLE} (thử nghiệm)`,
    main:
      `<h1>${TITLE}</h1>` +
      '<div class="panel"><p><b>Máy chủ VNeID thử nghiệm.</b> Trang này thay cho VNeID khi chạy thử trên máy: ' +
      'chọn một công dân mẫu để đăng nhập. Các thông tin dưới đây là giả định, không phải dữ liệu thật.</p></div>' +
      `<form method="post" action="${LOCAL_VNEID_PATH}/interaction/${esc(uid)}">` +
      `<h2>Chọn công dân để đăng nhập</h2><ul class="go">${people}</ul>` +
      '<p><button type="submit" name="subject" value="">Hủy và quay lại cổng dịch vụ công</button></p></form>',
  });
}

function expiredPage(): string {
  return layout({
    title: 'Phiên đăng nhập đã hết hạn',
    main:
      '<h1>Phiên đăng nhập đã hết hạn</h1><p>Xin lỗi, lượt đăng nhập này đã hết hạn hoặc không còn hiệu lực.</p>' +
      '<p><a href="/dang-nhap">Quay lại trang đăng nhập và thử lại</a></p>',
  });
}

export const localVneidPages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const local = localVneid(deps, app.server);
  if (!local) return;

  // The provider's endpoints read their own bodies (form-encoded token requests): no parsing here.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.all(
      `${LOCAL_VNEID_PATH}/*`,
      { config: { policy: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        reply.hijack();
        if (!(await local.handle(request.raw, reply.raw))) reply.raw.writeHead(503).end();
      },
    );
  });

  const interactionPages: FastifyPluginAsyncZod = async (scope) => {
    acceptFormBodies(scope);
    const params = z.object({ uid: z.string().regex(/^[\w-]{1,64}$/) });

    scope.get(
      `${LOCAL_VNEID_PATH}/interaction/:uid`,
      { config: { policy: 'public' }, schema: { hide: true, params } },
      async (request, reply) => {
        const details = await (
          await local.provider()
        )
          ?.interactionDetails(request.raw, reply.raw)
          .catch(() => undefined);
        if (!details || details.uid !== request.params.uid || details.prompt.name !== 'login') {
          return sendHtml(reply, expiredPage(), { status: 400 });
        }
        return sendHtml(reply, signInPage(details.uid), { cache: 'no-store' });
      },
    );

    scope.post(
      `${LOCAL_VNEID_PATH}/interaction/:uid`,
      {
        config: { policy: 'public' },
        schema: { hide: true, params, body: z.object({ subject: z.string().max(100) }) },
      },
      async (request, reply) => {
        const person = DEMO_CITIZENS.find((p) => p.subject === request.body.subject);
        const result: InteractionResults = person
          ? { login: { accountId: person.subject } }
          : { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập.' };
        const returnTo = await (
          await local.provider()
        )
          ?.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false })
          .catch(() => undefined);
        if (!returnTo) return sendHtml(reply, expiredPage(), { status: 400 });
        return reply.redirect(returnTo, 303);
      },
    );
  };
  await app.register(interactionPages);
};
