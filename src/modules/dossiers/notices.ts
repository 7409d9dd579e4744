/**
 * What the applicant hears of each change of their dossier, by the channel they chose (counter dossiers: SMS to
 * the phone given at intake), in Vietnamese. The message is put in the outbox in the transaction of the change,
 * so it leaves only once that commits; the route pokes the delivery after the commit.
 */
import { toLocalDate } from '../../platform/calendar/rules';
import type { Channel } from '../../platform/channels/rules';
import { enqueueMessage, outboxValues, type NewMessage } from '../../platform/channels/store';
import { dossierMessage, type DossierNotice } from '../../platform/channels/templates';
import type { Db } from '../../platform/db/connect';
import { findWard } from '../../platform/wards/store';
import { formatVnd } from '../procedures/rules';
import { CODE_TO_COME, type DossierRow } from './store';

type NoticeDossier = Pick<
  DossierRow,
  'wardCode' | 'procedureName' | 'notifyChannel' | 'applicantEmail' | 'applicantPhone' | 'dueDate' | 'feeDue'
>;
type EventOf = {
  action: string;
  toStatus: string;
  note?: string | null;
  data?: Record<string, unknown> | null;
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The notice an event gives the applicant; null for steps inside the ward (hand-over, approval…). */
export function noticeOf(
  dossier: Pick<DossierRow, 'dueDate' | 'feeDue'>,
  event: EventOf,
  now: Date,
): DossierNotice | null {
  const note = event.note ?? '';
  switch (event.action) {
    case 'submit_online':
      return { kind: 'submitted' };
    case 'receive':
    case 'supplement_received':
      return { kind: 'received', dueDate: dossier.dueDate ?? toLocalDate(now) };
    case 'request_supplement':
      return {
        kind: 'supplement_requested',
        documents: strings(event.data?.requestedDocuments),
        reason: note,
      };
    case 'refuse': {
      const reasons = strings(event.data?.reasons);
      return { kind: 'refused', reasons: reasons.length > 0 ? reasons : [note] };
    }
    case 'request_payment':
      return { kind: 'payment_requested', amount: formatVnd(dossier.feeDue?.amount ?? 0) };
    case 'mark_result_ready':
      return { kind: 'result_ready', delivery: 'counter' };
    case 'return_result':
      return { kind: 'returned', returnedOn: toLocalDate(now) };
    case 'apology':
      return { kind: 'late_apology', newDate: dossier.dueDate ?? toLocalDate(now), reason: note };
    case 'stop':
      return { kind: 'stopped', reason: note };
    case 'withdraw':
      return { kind: 'withdrawn' };
    default:
      return null;
  }
}

/** Where the applicant hears from the ward: the chosen channel, else SMS to the phone. */
export function recipientOf(
  dossier: Pick<DossierRow, 'notifyChannel' | 'applicantEmail' | 'applicantPhone'>,
): {
  channel: Channel;
  recipient: string;
} {
  const channel = dossier.notifyChannel as Channel;
  if (channel === 'email' && dossier.applicantEmail) return { channel, recipient: dossier.applicantEmail };
  return { channel: channel === 'zalo' ? 'zalo' : 'sms', recipient: dossier.applicantPhone };
}

/** Ward names by code: they do not change while the server runs. */
const wardNames = new Map<string, string>();

async function wardName(db: Db, wardCode: string): Promise<string> {
  let name = wardNames.get(wardCode);
  if (!name) wardNames.set(wardCode, (name = (await findWard(db, wardCode))?.name ?? wardCode));
  return name;
}

/** The message of a notice, addressed and rendered; `code` may be a placeholder the caller's statement fills. */
export async function noticeMessage(
  db: Db,
  dossier: NoticeDossier,
  code: string,
  notice: DossierNotice,
  publicUrl: string | undefined,
): Promise<NewMessage> {
  const { channel, recipient } = recipientOf(dossier);
  const context = {
    wardName: await wardName(db, dossier.wardCode),
    dossierCode: code,
    procedureName: dossier.procedureName,
    trackingUrl: publicUrl ? `${publicUrl}/tra-cuu/${code}` : undefined,
  };
  const message = dossierMessage(channel, context, notice);
  return {
    wardCode: dossier.wardCode,
    channel,
    recipient,
    ...message,
    reference: { type: 'dossier', id: code },
  };
}

/** Puts the applicant's message about this event in the outbox, in the caller's transaction. */
export async function notifyApplicant(
  tx: Db,
  dossier: DossierRow,
  event: EventOf,
  context: { now: Date; publicUrl?: string },
): Promise<void> {
  const notice = noticeOf(dossier, event, context.now);
  if (!notice) return;
  const message = await noticeMessage(tx, dossier, dossier.code, notice, context.publicUrl);
  await enqueueMessage(tx, message, context.now);
}

/** The applicant's message of an intake; the intake statement writes the code where CODE_TO_COME stands. */
export async function intakeMessage(
  db: Db,
  dossier: NoticeDossier,
  codePrefix: string,
  event: EventOf,
  context: { now: Date; publicUrl?: string },
) {
  const notice = noticeOf(dossier, event, context.now);
  if (!notice) throw new Error(`no notice for the intake event ${event.action}`);
  const message = await noticeMessage(db, dossier, `${codePrefix}${CODE_TO_COME}`, notice, context.publicUrl);
  return outboxValues(message, context.now);
}
