import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
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
import { wards } from '../../platform/wards/schema';
import { TICKET_STATUSES } from './rules';

const STATUS_VALUES = sql.raw(TICKET_STATUSES.map((s) => `'${s}'`).join(', '));

/** A counter (quầy) of a ward's one-stop centre and the service groups its officers call tickets of. */
export const queueCounters = pgTable(
  'queue_counters',
  {
    /** '<ward code>-<number>', as the rating tablets name counters: '10507-2'. */
    id: text('id').primaryKey(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    groups: jsonb('groups').$type<string[]>().notNull(),
    active: boolean('active').notNull().default(true),
    /** Seeded for demonstrations. */
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [uniqueIndex('queue_counters_ward_number_idx').on(t.wardCode, t.number)],
);

/** The last number given in a ward's service group on one day (A001, A002…). */
export const queueDayCounters = pgTable(
  'queue_day_counters',
  {
    wardCode: text('ward_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    groupKey: text('group_key').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.wardCode, t.day, t.groupKey] })],
);

/** One ticket taken at the kiosk or by phone, and what became of it at a counter. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    /** Also the ticket's address for the citizen (`/so-thu-tu/<id>`): random, not guessable. */
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of arrival across the ward's groups: the order counters call in. */
    arrival: bigserial('arrival', { mode: 'number' }).notNull(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    day: date('day', { mode: 'string' }).notNull(),
    groupKey: text('group_key').notNull(),
    number: integer('number').notNull(),
    code: text('code').notNull(),
    /** 'kiosk' or 'phone'. */
    channel: text('channel').notNull(),
    /** The take form's one-time key: a form sent twice gives one ticket. */
    takeKey: text('take_key').notNull(),
    status: text('status').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** The first call: the end of the wait. */
    calledAt: timestamp('called_at', { withTimezone: true }),
    lastCalledAt: timestamp('last_called_at', { withTimezone: true }),
    recalls: integer('recalls').notNull().default(0),
    counterId: text('counter_id'),
    counterName: text('counter_name'),
    calledBy: uuid('called_by'),
    calledByName: text('called_by_name'),
    /** Served or marked absent. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    finishedByName: text('finished_by_name'),
  },
  (t) => [
    uniqueIndex('queue_tickets_number_idx').on(t.wardCode, t.day, t.groupKey, t.number),
    uniqueIndex('queue_tickets_take_key_idx').on(t.wardCode, t.takeKey),
    index('queue_tickets_waiting_idx').on(t.wardCode, t.day, t.status, t.arrival),
    index('queue_tickets_counter_idx').on(t.counterId, t.status),
    check('queue_tickets_status_check', sql`${t.status} IN (${STATUS_VALUES})`),
  ],
);
