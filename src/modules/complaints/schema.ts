import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { wards } from '../../platform/wards/schema';
import { COMPLAINT_STATUSES, DENUNCIATION_STATUSES } from './rules';

const values = (keys: object) =>
  sql.raw(
    Object.keys(keys)
      .map((k) => `'${k}'`)
      .join(', '),
  );

/** The register of complaints (sổ khiếu nại): what điều 8 requires, the deadlines and each step. */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    /** `KN-2026-0001`, numbered per ward and year. */
    code: text('code').notNull(),
    /** Personal data: masked for roles without complaints.personal.read, every unmasked read audited. */
    complainantName: text('complainant_name').notNull(),
    complainantAddress: text('complainant_address').notNull(),
    complainantPhone: text('complainant_phone'),
    complainantIdNumber: text('complainant_id_number'),
    channel: text('channel').notNull(),
    complaintDate: date('complaint_date', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    respondent: text('respondent').notNull(),
    content: text('content').notNull(),
    reasons: text('reasons').notNull(),
    requests: text('requests').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    signed: boolean('signed').notNull(),
    knownOn: date('known_on', { mode: 'string' }).notNull(),
    obstacleDays: integer('obstacle_days').notNull(),
    limitationDue: date('limitation_due', { mode: 'string' }).notNull(),
    timely: boolean('timely').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receiptDay: date('receipt_day', { mode: 'string' }).notNull(),
    acceptanceDue: date('acceptance_due', { mode: 'string' }).notNull(),
    acceptanceBasis: text('acceptance_basis').notNull(),
    status: text('status').notNull(),
    handlerId: uuid('handler_id'),
    handlerName: text('handler_name'),
    complex: boolean('complex').notNull().default(false),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolutionDue: date('resolution_due', { mode: 'string' }),
    resolutionBasis: text('resolution_basis'),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    refusalReasons: jsonb('refusal_reasons').$type<string[]>(),
    refusalNote: text('refusal_note'),
    dialogueAt: timestamp('dialogue_at', { withTimezone: true }),
    dialogueParticipants: text('dialogue_participants'),
    dialogueMinutes: text('dialogue_minutes'),
    decisionNumber: text('decision_number'),
    decisionSummary: text('decision_summary'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByName: text('decided_by_name'),
    sendDue: date('send_due', { mode: 'string' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_ward_code_idx').on(t.wardCode, t.code),
    index('complaints_ward_status_idx').on(t.wardCode, t.status),
    check('complaints_status_check', sql`${t.status} IN (${values(COMPLAINT_STATUSES)})`),
    check('complaints_channel_check', sql`${t.channel} IN ('written', 'in_person')`),
  ],
);

export interface ExtensionRecord {
  days: number;
  reason: string;
  at: string;
  byName: string;
}

/**
 * The register of denunciations (sổ tố cáo). The denouncer's identity is only in `identitySealed`
 * (platform/crypto/sealed, bound to the row's id): no column holds it in clear, so no query, index, export or
 * search can reach it.
 */
export const denunciations = pgTable(
  'denunciations',
  {
    id: uuid('id').primaryKey(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    /** `TC-2026-0001`, numbered per ward and year. */
    code: text('code').notNull(),
    identitySealed: text('identity_sealed').notNull(),
    channel: text('channel').notNull(),
    accused: text('accused').notNull(),
    content: text('content').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    signed: boolean('signed').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receiptDay: date('receipt_day', { mode: 'string' }).notNull(),
    initialDue: date('initial_due', { mode: 'string' }).notNull(),
    initialBasis: text('initial_basis').notNull(),
    initialExtended: boolean('initial_extended').notNull().default(false),
    initialExtensionReason: text('initial_extension_reason'),
    forwardDue: date('forward_due', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    handlerId: uuid('handler_id'),
    handlerName: text('handler_name'),
    complexity: text('complexity'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    notifyDue: date('notify_due', { mode: 'string' }),
    resolutionDue: date('resolution_due', { mode: 'string' }),
    resolutionBasis: text('resolution_basis'),
    extensions: jsonb('extensions').$type<ExtensionRecord[]>().notNull(),
    forwardedTo: text('forwarded_to'),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    notAcceptedReason: text('not_accepted_reason'),
    notAcceptedAt: timestamp('not_accepted_at', { withTimezone: true }),
    conclusion: text('conclusion'),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('denunciations_ward_code_idx').on(t.wardCode, t.code),
    index('denunciations_ward_status_idx').on(t.wardCode, t.status),
    check('denunciations_status_check', sql`${t.status} IN (${values(DENUNCIATION_STATUSES)})`),
    check('denunciations_channel_check', sql`${t.channel} IN ('written', 'in_person')`),
    check('denunciations_complexity_check', sql`${t.complexity} IN ('normal', 'complex', 'very_complex')`),
  ],
);
