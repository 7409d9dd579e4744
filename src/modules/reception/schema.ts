import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { wards } from '../../platform/wards/schema';
import { CLASSIFICATIONS, RESULT_KINDS, SESSION_STATUSES } from './rules';

const values = (keys: object) =>
  sql.raw(
    Object.keys(keys)
      .map((k) => `'${k}'`)
      .join(', '),
  );

/** The chairman's reception schedule of a ward (lịch tiếp công dân): one row per ward, changes audited. */
export const receptionSchedules = pgTable('reception_schedules', {
  wardCode: text('ward_code')
    .primaryKey()
    .references(() => wards.code),
  weekdays: integer('weekdays').array().notNull(),
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  place: text('place').notNull(),
  rulesText: text('rules_text').notNull(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Reception days the ward added to the schedule: a substitute for a day off, or an ad-hoc reception. */
export const receptionExtraDays = pgTable(
  'reception_extra_days',
  {
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    day: date('day', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.wardCode, t.day] })],
);

/** The reception log (sổ tiếp công dân): one row per visit, numbered per ward and year. */
export const receptionLog = pgTable(
  'reception_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receiptDay: date('receipt_day', { mode: 'string' }).notNull(),
    /**
     * Personal data: the CCCD number is masked for roles without reception.personal.read; reads audited. A
     * denouncer's identity (classification denunciation) is only in `visitorSealed` (platform/crypto/sealed,
     * bound to the row's id, representatives included): the name column holds the sealed label, the others null.
     */
    visitorName: text('visitor_name').notNull(),
    visitorSealed: text('visitor_sealed'),
    visitorIdNumber: text('visitor_id_number'),
    visitorAddress: text('visitor_address'),
    visitorPhone: text('visitor_phone'),
    groupSize: integer('group_size').notNull(),
    representatives: text('representatives').array().notNull(),
    matter: text('matter').notNull(),
    classification: text('classification').notNull(),
    receivedBy: uuid('received_by').notNull(),
    receivedByName: text('received_by_name').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueRuleFrom: date('due_rule_from', { mode: 'string' }).notNull(),
    dueBasis: text('due_basis').notNull(),
    resultKind: text('result_kind'),
    result: text('result'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
    /** The feedback item a feedback or petition became. */
    feedbackCode: text('feedback_code'),
  },
  (t) => [
    uniqueIndex('reception_log_number_idx').on(t.wardCode, t.year, t.number),
    index('reception_log_ward_day_idx').on(t.wardCode, t.receiptDay),
    check('reception_log_classification_check', sql`${t.classification} IN (${values(CLASSIFICATIONS)})`),
    check('reception_log_result_kind_check', sql`${t.resultKind} IN (${values(RESULT_KINDS)})`),
    check('reception_log_group_check', sql`${t.groupSize} >= 1`),
  ],
);

/** "Ngày thứ sáu nghe dân nói": one session a day at most per ward. */
export const listeningSessions = pgTable(
  'listening_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startsAt: text('starts_at').notNull(),
    place: text('place').notNull(),
    chairedBy: text('chaired_by').notNull(),
    status: text('status').notNull(),
    attendees: text('attendees').array().notNull(),
    attendeeCount: integer('attendee_count'),
    notes: text('notes'),
    createdByName: text('created_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('listening_sessions_day_idx').on(t.wardCode, t.heldOn),
    check('listening_sessions_status_check', sql`${t.status} IN (${values(SESSION_STATUSES)})`),
  ],
);

/** The feedback items a session took down (kept in the feedback register, by their tracking code). */
export const listeningSessionItems = pgTable(
  'listening_session_items',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => listeningSessions.id),
    feedbackCode: text('feedback_code').notNull(),
    raisedBy: text('raised_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.feedbackCode] })],
);
