import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, envelope, type ErrorCode } from './errors';

/** Fastify's own client errors (bad JSON, wrong content type…) mapped onto our stable codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

const CONTEXT_LABEL: Record<string, string> = {
  body: '',
  querystring: '',
  params: '',
  headers: 'header ',
};

function fieldName(
  context: string | undefined,
  instancePath: string,
  params: Record<string, unknown>,
): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = typeof params.missingProperty === 'string' ? params.missingProperty : '';
  return `${CONTEXT_LABEL[context ?? ''] ?? ''}${path || missing || context || 'request'}`;
}

/** SQLSTATEs for text the database cannot store (U+0000 in text or jsonb): the client's input, not our fault. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function statusCode(error: FastifyError): number {
  if (typeof error.statusCode === 'number') return error.statusCode;
  const sqlState = (error as { cause?: { code?: unknown } }).cause?.code ?? error.code;
  return typeof sqlState === 'string' && UNSTORABLE_TEXT.has(sqlState) ? 400 : 500;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(envelope(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const name = fieldName(error.validationContext, issue.instancePath, issue.params);
        fields[name] ??= `Trường “${name}”: ${(issue.message ?? 'giá trị không hợp lệ').replace(/\.$/, '')}.`;
      }
      const names = Object.keys(fields).join(', ');
      return reply
        .status(400)
        .send(envelope('VALIDATION_FAILED', `Thông tin chưa hợp lệ ở trường: ${names}.`, fields));
    }
    const status = statusCode(error);
    if (status === 429) return reply.status(429).send(envelope('RATE_LIMITED'));
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[error.code] ?? (status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
      return reply.status(status).send(envelope(code));
    }
    request.log.error({
      err: { type: error.name, code: error.code, message: error.message, stack: error.stack },
    });
    return reply.status(500).send(envelope('INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => reply.status(404).send(envelope('NOT_FOUND')));
}
