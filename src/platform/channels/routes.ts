import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/store';
import { hasPermission } from '../auth/policies';
import { auditContext, currentStaff } from '../http/context';
import type { RouteOptions } from '../http/deps';
import { AppError } from '../http/errors';
import { IDEMPOTENCY_HEADERS } from '../http/schemas';
import { pokeDelivery } from './jobs';
import {
  CHANNEL_LABELS,
  maskRecipient,
  MESSAGE_STATUS_LABELS,
  type Channel,
  type MessageStatus,
} from './rules';
import { findMessage, listByReference, requeueFailed, type OutboxMessage } from './store';

const NOT_FOUND = 'Không tìm thấy tin nhắn này.';

function staffWard(request: Parameters<typeof currentStaff>[0]): string {
  const wardCode = currentStaff(request).wardCode;
  if (!wardCode) throw new AppError('FORBIDDEN');
  return wardCode;
}

function view(message: OutboxMessage, unmasked: boolean) {
  const channel = message.channel as Channel;
  return {
    id: message.id,
    channel,
    channelLabel: CHANNEL_LABELS[channel] ?? message.channel,
    recipient: unmasked ? message.recipient : maskRecipient(channel, message.recipient),
    templateKey: message.templateKey,
    subject: message.subject,
    body: message.body,
    referenceType: message.referenceType,
    referenceId: message.referenceId,
    status: message.status,
    statusLabel: MESSAGE_STATUS_LABELS[message.status as MessageStatus] ?? message.status,
    attempts: message.attempts,
    nextAttemptAt: message.nextAttemptAt?.toISOString() ?? null,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    providerMessageId: message.providerMessageId,
  };
}

/** Staff see what was sent to citizens about a record, and send a failed message again. */
export const messageRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/messages',
    {
      config: { policy: { permission: 'messages.read' } },
      schema: {
        tags: ['messages'],
        summary:
          'Tin nhắn gửi người dân (SMS, Zalo, thư điện tử) về một hồ sơ và trạng thái gửi; người nhận che bớt nếu vai trò không cần',
        querystring: z.object({
          reference: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .describe('Mã hồ sơ (hoặc mã đối tượng khác) của tin nhắn'),
        }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const wardCode = staffWard(request);
      const { reference } = request.query;
      const rows = await listByReference(db, wardCode, reference);
      const unmasked = hasPermission(staff.role, 'messages.recipients.read');
      if (unmasked && rows.length > 0) {
        await db.transaction((tx) =>
          recordAudit(tx, auditContext(request), {
            action: 'personal_data.read',
            targetType: 'message_recipient',
            targetId: reference,
            wardCode,
            summary: { fields: ['recipient'], messages: rows.length },
          }),
        );
      }
      return { reference, items: rows.map((row) => view(row, unmasked)) };
    },
  );

  app.post(
    '/messages/:id/retry',
    {
      config: { policy: { permission: 'messages.retry' } },
      schema: {
        tags: ['messages'],
        summary: 'Gửi lại tin nhắn đã gửi không thành công (thêm 3 lần thử)',
        params: z.object({ id: z.uuid('Mã tin nhắn không hợp lệ') }),
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request) => {
      const wardCode = staffWard(request);
      const { id } = request.params;
      const now = deps.clock.now();
      const requeued = await db.transaction(async (tx) => {
        const message = await requeueFailed(tx, wardCode, id, now);
        if (message) {
          await recordAudit(tx, auditContext(request), {
            action: 'message.retried',
            targetType: 'outbox_message',
            targetId: message.id,
            wardCode,
            summary: {
              channel: message.channel,
              templateKey: message.templateKey,
              reference: message.referenceId,
              lastError: message.lastError,
            },
          });
        }
        return message;
      });
      if (!requeued) {
        if (!(await findMessage(db, wardCode, id))) throw new AppError('NOT_FOUND', NOT_FOUND);
        throw new AppError('CONFLICT', 'Chỉ gửi lại được tin nhắn đã gửi không thành công.');
      }
      pokeDelivery(db);
      const { status, statusLabel, attempts, nextAttemptAt } = view(requeued, false);
      return { id, status, statusLabel, attempts, nextAttemptAt };
    },
  );
};
