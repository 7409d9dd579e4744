/** Sign-in codes by SMS: issued under a per-phone limit and sent through the channels' outbox. */
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/store';
import { pokeDelivery } from '../channels/jobs';
import { enqueueMessage } from '../channels/store';
import type { Db } from '../db/connect';
import { auditContext } from '../http/context';
import { AppError } from '../http/errors';
import {
  minutesAfter,
  OTP_SEND_WINDOW_MINUTES,
  OTP_SENDS_PER_WINDOW,
  OTP_TTL_MINUTES,
  otpText,
} from './rules';
import { issueOtp, recentOtpCount } from './store';

const OTP_TEMPLATE = 'citizen.otp';

/**
 * Issues a code for the phone and puts its SMS in the outbox, with the audit record, in one transaction; delivery
 * starts after the commit. The message has no reference, so it is not listed with any record's messages.
 */
export async function sendOtp(
  db: Db,
  request: FastifyRequest,
  where: { wardCode: string; now: Date },
  phone: string,
): Promise<{ expiresAt: Date }> {
  const { wardCode, now } = where;
  await db.transaction(async (tx) => {
    // One sender at a time per phone, so concurrent requests cannot pass the limit together.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`citizen-otp:${phone}`}))`);
    if ((await recentOtpCount(tx, phone, now)) >= OTP_SENDS_PER_WINDOW) {
      const message = `Số điện thoại này đã được gửi ${OTP_SENDS_PER_WINDOW} mã trong ${OTP_SEND_WINDOW_MINUTES} phút qua. Xin vui lòng đợi rồi thử lại.`;
      throw new AppError('RATE_LIMITED', message, { phone: message });
    }
    const { id, code } = await issueOtp(tx, phone, now);
    await enqueueMessage(
      tx,
      {
        wardCode,
        channel: 'sms',
        recipient: phone,
        templateKey: OTP_TEMPLATE,
        subject: null,
        body: otpText(code),
      },
      now,
    );
    await recordAudit(tx, auditContext(request), {
      action: 'citizen.otp_sent',
      targetType: 'citizen_otp',
      targetId: id,
      wardCode,
    });
  });
  pokeDelivery(db);
  return { expiresAt: minutesAfter(now, OTP_TTL_MINUTES) };
}
