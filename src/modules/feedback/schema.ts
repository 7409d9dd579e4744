import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { orgUnits, wards } from '../../platform/wards/schema';
import { KINDS, RATINGS, SOURCES, STATUSES } from './rules';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const values = (keys: object) =>
  sql.raw(
    Object.keys(keys)
      .map((k) => `'${k}'`)
      .join(', '),
  );

/** The feedback register (sổ phản ánh, kiến nghị): one row per item, whatever channel it came by. */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    /** The tracking code (`PA-XXXX-XXXX`), also the Open311 service_request_id. */
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    address: text('address'),
    anonymous: boolean('anonymous').notNull(),
    /** Personal data: masked for roles without feedback.personal.read, every unmasked read audited. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    source: text('source').notNull(),
    /** Which session, visit or group the item was taken down at. */
    sourceNote: text('source_note'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    status: text('status').notNull(),
    responsibleUnitId: uuid('responsible_unit_id').references(() => orgUnits.id),
    responsibleUnitName: text('responsible_unit_name'),
    routedAt: timestamp('routed_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receiptDay: date('receipt_day', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The version of the deadline rule applied (its effectiveFrom) and the sentence explaining the date. */
    dueRuleFrom: date('due_rule_from', { mode: 'string' }).notNull(),
    dueBasis: text('due_basis').notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredUnitName: text('answered_unit_name'),
    publishConsent: boolean('publish_consent').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByName: text('published_by_name'),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => feedbackItems.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('feedback_items_code_idx').on(t.code),
    index('feedback_items_ward_status_idx').on(t.wardCode, t.status, t.dueDate),
    index('feedback_items_ward_published_idx').on(t.wardCode, t.publishedAt),
    index('feedback_items_text_trgm_idx').using('gin', sql`f_unaccent(lower(${t.text})) gin_trgm_ops`),
    check('feedback_items_kind_check', sql`${t.kind} IN (${values(KINDS)})`),
    check('feedback_items_source_check', sql`${t.source} IN (${values(SOURCES)})`),
    check('feedback_items_status_check', sql`${t.status} IN (${values(STATUSES)})`),
    check('feedback_items_rating_check', sql`${t.rating} IN (${values(RATINGS)})`),
    check(
      'feedback_items_anonymous_check',
      sql`NOT ${t.anonymous} OR (${t.contactName} IS NULL AND ${t.contactPhone} IS NULL AND ${t.contactEmail} IS NULL)`,
    ),
  ],
);

/** Up to five photos of an item, JPEG or PNG as checked from their bytes. */
export const feedbackPhotos = pgTable(
  'feedback_photos',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id),
    position: integer('position').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.position] })],
);

/** An administrator's correction of a deadline rule version (national law: one table for every ward). */
export const feedbackRuleCorrections = pgTable(
  'feedback_rule_corrections',
  {
    key: text('key').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    dayKind: text('day_kind').notNull(),
    legalBasis: text('legal_basis').notNull(),
    confirmed: boolean('confirmed').notNull(),
    note: text('note'),
    correctedBy: uuid('corrected_by').notNull(),
    correctedByName: text('corrected_by_name').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.effectiveFrom] }),
    check('feedback_rule_corrections_day_kind_check', sql`${t.dayKind} IN ('working', 'calendar')`),
  ],
);
