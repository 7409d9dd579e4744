/**
 * What the applicant hears of each change of their dossier, on each channel they chose (counter dossiers: SMS to
 * the phone given at intake), in Vietnamese. The messages are put in the outbox in the transaction of the change,
 * one per channel, so they leave only once that commits; the route pokes the delivery after the commit.
 */
import { toLocalDate } from '../../platform/calendar/rules';
import { CHANNELS, type Channel } from '../../platform/channels/rules';
import { enqueueMessage, outboxValues, type NewMessage } from '../../platform/channels/store';
import { dossierMessage, type DossierNotice } from '../../platform/channels/templates';
import type { Db } from '../../platform/db/connect';
import { findWard } from '../../platform/wards/store';
import { formatVnd } from '../procedures/rules';
import { registeredReturn } from './rules';
import { CODE_TO_COME, type DossierRow } from './store';

type NoticeFacts = Pick<DossierRow, 'dueDate' | 'feeDue' | 'returnChannel' | 'channel'>;
type Contact = Pick<DossierRow, 'notifyChannels' | 'applicantEmail' | 'applicantPhone'>;
type NoticeDossier = NoticeFacts & Contact & Pick<DossierRow, 'wardCode' | 'procedureName'>;
type EventOf = {
  action: string;
  toStatus: string;
  note?: string | null;
  data?: Record<string, unknown> | null;
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The notice an event gives the applicant; null for steps inside the ward (hand-over, approval…). */
export function noticeOf(dossier: NoticeFacts, event: EventOf, now: Date): DossierNotice | null {
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
    case 'supplement_submitted':
      return { kind: 'supplement_sent' };
    case 'refuse': {
      const reasons = strings(event.data?.reasons);
      return { kind: 'refused', reasons: reasons.length > 0 ? reasons : [note] };
    }
    case 'request_payment':
      return { kind: 'payment_requested', amount: formatVnd(dossier.feeDue?.amount ?? 0) };
    case 'mark_result_ready':
      return { kind: 'result_ready', delivery: registeredReturn(dossier) };
    case 'change_return':
      return { kind: 'return_changed', delivery: registeredReturn(dossier) };
    case 'return_result':
      return { kind: 'returned', returnedOn: toLocalDate(now), online: event.data?.channel === 'online' };
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

type Recipient = { channel: Channel; recipient: string };

/**
 * Where the applicant hears from the ward: each chosen channel once (SMS and Zalo to the phone, e-mail to the
 * address), else SMS to the phone.
 */
export function recipientsOf(dossier: Contact): Recipient[] {
  const recipients = CHANNELS.filter((c) => dossier.notifyChannels.includes(c)).flatMap(
    (channel): Recipient[] => {
      if (channel !== 'email') return [{ channel, recipient: dossier.applicantPhone }];
      return dossier.applicantEmail ? [{ channel, recipient: dossier.applicantEmail }] : [];
    },
  );
  return recipients.length > 0 ? recipients : [{ channel: 'sms', recipient: dossier.applicantPhone }];
}

/** Ward names by code: they do not change while the server runs. */
const wardNames = new Map<string, string>();

async function wardName(db: Db, wardCode: string): Promise<string> {
  let name = wardNames.get(wardCode);
  if (!name) wardNames.set(wardCode, (name = (await findWard(db, wardCode))?.name ?? wardCode));
  return name;
}

/** The messages of a notice, one per channel, addressed and rendered; `code` may be a placeholder to fill. */
async function noticeMessages(
  db: Db,
  dossier: NoticeDossier,
  code: string,
  notice: DossierNotice,
  publicUrl: string | undefined,
): Promise<NewMessage[]> {
  const context = {
    wardName: await wardName(db, dossier.wardCode),
    dossierCode: code,
    procedureName: dossier.procedureName,
    trackingUrl: publicUrl ? `${publicUrl}/tra-cuu/${code}` : undefined,
    accountUrl: publicUrl ? `${publicUrl}/ho-so-cua-toi/${code}` : undefined,
  };
  return recipientsOf(dossier).map(({ channel, recipient }) => ({
    wardCode: dossier.wardCode,
    channel,
    recipient,
    ...dossierMessage(channel, context, notice),
    reference: { type: 'dossier', id: code },
  }));
}

/** Puts the applicant's messages about this event in the outbox, in the caller's transaction. */
export async function notifyApplicant(
  tx: Db,
  dossier: DossierRow,
  event: EventOf,
  context: { now: Date; publicUrl?: string },
): Promise<void> {
  const notice = noticeOf(dossier, event, context.now);
  if (!notice) return;
  for (const message of await noticeMessages(tx, dossier, dossier.code, notice, context.publicUrl))
    await enqueueMessage(tx, message, context.now);
}

/** The applicant's messages of an intake; the intake writes the code where CODE_TO_COME stands. */
export async function intakeMessages(
  db: Db,
  dossier: NoticeDossier,
  codePrefix: string,
  event: EventOf,
  context: { now: Date; publicUrl?: string },
) {
  const notice = noticeOf(dossier, event, context.now);
  if (!notice) throw new Error(`no notice for the intake event ${event.action}`);
  const code = `${codePrefix}${CODE_TO_COME}`;
  const [first, ...more] = await noticeMessages(db, dossier, code, notice, context.publicUrl);
  if (!first) throw new Error('an intake notice without a recipient');
  return [outboxValues(first, context.now), ...more.map((m) => outboxValues(m, context.now))] as const;
}
