import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { citizens } from '../../platform/citizens/schema';
import { wards } from '../../platform/wards/schema';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** The last sequence number used for a ward's dossier codes on one day (`10507-260213-0001`). */
export const dossierDayCounters = pgTable(
  'dossier_day_counters',
  {
    wardCode: text('ward_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.wardCode, t.day] })],
);

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    code: text('code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureVersion: integer('procedure_version').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** National status code (vn-rules §1.4) and its key. */
    statusCode: integer('status_code').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    applicantAddress: text('applicant_address').notNull(),
    documentsReceived: jsonb('documents_received').$type<string[]>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receiptDay: date('receipt_day', { mode: 'string' }).notNull(),
    /** The appointment date first given (Mẫu 01); null while the clock has not started. */
    originalDueDate: date('original_due_date', { mode: 'string' }),
    /** The date in force now: moved by a supplement pause or by the one apology. */
    dueDate: date('due_date', { mode: 'string' }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    assignedUnitId: uuid('assigned_unit_id'),
    /** The officer the last hand-over named (or the receiving unit's head). */
    assignedOfficerId: uuid('assigned_officer_id'),
    receivedBy: uuid('received_by'),
    receivedByName: text('received_by_name').notNull(),
    feeAmount: integer('fee_amount').notNull(),
    /** The fee asked for by the last "request_payment" (computed from the schedule), until its receipt is recorded. */
    feeDue: jsonb('fee_due').$type<{
      amount: number;
      lines: { label: string; amount: number }[];
      basis: string;
    }>(),
    supplementRequests: integer('supplement_requests').notNull().default(0),
    supplementBreaches: integer('supplement_breaches').notNull().default(0),
    apologies: integer('apologies').notNull().default(0),
    lateAt: timestamp('late_at', { withTimezone: true }),
    lateTwiceAt: timestamp('late_twice_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnChannel: text('return_channel'),
    /** Where the result is posted when returned by post; null: the applicant's address. */
    returnAddress: text('return_address'),
    digitised: boolean('digitised').notNull().default(false),
    resultElectronic: boolean('result_electronic').notNull().default(false),
    /** Filed online: the portal account that submitted it. */
    citizenId: uuid('citizen_id').references(() => citizens.id),
    /** Every channel the applicant hears of each change by, one message each: 'sms', 'zalo', 'email' (counter: SMS). */
    notifyChannels: jsonb('notify_channels').$type<string[]>().notNull().default(['sms']),
    applicantEmail: text('applicant_email'),
    /** Due the day it was received, by the ward's "không hẹn, không chờ" day (same-day.ts). */
    sameDay: boolean('same_day').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_idx').on(t.code),
    index('dossiers_ward_status_idx').on(t.wardCode, t.statusCode, t.dueDate),
    index('dossiers_ward_received_idx').on(t.wardCode, t.receiptDay),
    index('dossiers_applicant_trgm_idx').using(
      'gin',
      sql`f_unaccent(lower(${t.applicantName})) gin_trgm_ops`,
    ),
    // A citizen's own dossiers ("Hồ sơ của tôi"), by căn cước number or by phone.
    index('dossiers_applicant_id_number_idx').on(t.applicantIdNumber),
    index('dossiers_applicant_phone_idx').on(t.applicantPhone),
    index('dossiers_citizen_idx').on(t.citizenId),
  ],
);

/** The timeline: one row per action, like the paper control sheet (Phiếu kiểm soát quá trình giải quyết). */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wardCode: text('ward_code').notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    fromUnit: text('from_unit'),
    toUnit: text('to_unit'),
    /** Trước hạn / Đúng hạn / Quá hạn for the step this event closes. */
    timing: text('timing'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.id)],
);

/** Receipts of fees (biên lai thu phí, lệ phí): the amount and lines computed from the procedure's schedule. */
export const dossierPayments = pgTable(
  'dossier_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code').notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    amount: integer('amount').notNull(),
    lines: jsonb('lines').$type<{ label: string; amount: number }[]>().notNull(),
    /** The schedule's legal basis the amount was computed from. */
    basis: text('basis').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    method: text('method').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    receivedBy: uuid('received_by'),
    receivedByName: text('received_by_name').notNull(),
  },
  (t) => [index('dossier_payments_dossier_idx').on(t.dossierId, t.paidAt)],
);

/** Scanned papers and electronic results, checked by their bytes. */
export const dossierFiles = pgTable('dossier_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  wardCode: text('ward_code').notNull(),
  dossierId: uuid('dossier_id')
    .notNull()
    .references(() => dossiers.id),
  kind: text('kind').notNull(),
  documentId: text('document_id'),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The ward's "Ngày làm việc không hẹn, không chờ" decisions (same-day.ts): the weekday and the procedures, each in
 * force from its day until the next decision.
 */
export const sameDaySchedules = pgTable(
  'same_day_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    /** 1 = thứ Hai … 5 = thứ Sáu. */
    weekday: integer('weekday').notNull(),
    procedureCodes: jsonb('procedure_codes').$type<string[]>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** The ward's decision that set it ("Quyết định số …/QĐ-UBND"), when there is one. */
    decision: text('decision'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('same_day_schedules_ward_from_idx').on(t.wardCode, t.effectiveFrom)],
);
