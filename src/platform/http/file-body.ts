import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

const OCTET_STREAM = 'application/octet-stream';

/** The body limit of an upload: the largest file and a margin, so that a file a little too large gets its own message. */
export const fileBodyLimit = (maxBytes: number) => maxBytes + 1_048_576;

/** Papers come as their bytes (no base64, no multipart): the body is the file. */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser(
    OCTET_STREAM,
    { parseAs: 'buffer', bodyLimit: fileBodyLimit(maxBytes) },
    (_r, body, done) => done(null, body),
  );
}

/** The uploaded file's bytes; 415 when the body is not a file. */
export function fileBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  const message = 'Xin gửi nội dung tệp (application/octet-stream).';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, { file: message });
}
