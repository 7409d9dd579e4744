import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { wards } from '../../platform/wards/schema';

/**
 * A request that an officer take a dossier at the home of a person who cannot travel, its appointment and the
 * dossier taken there. The person's name, address and phone and the contact phone are personal data.
 */
export const homeVisits = pgTable(
  'home_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the requester quotes: 'TN-7K3F9Q'. */
    code: text('code').notNull(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    /** rules.ts STATUSES */
    status: text('status').notNull(),
    /** rules.ts REQUESTERS */
    requesterKind: text('requester_kind').notNull(),
    requesterName: text('requester_name').notNull(),
    /** Whom the centre calls to arrange the visit. */
    contactPhone: text('contact_phone').notNull(),
    /** The portal account that asked (self, relative). */
    citizenId: uuid('citizen_id'),
    /** The residential-group head who asked. */
    requestedByStaffId: uuid('requested_by_staff_id'),
    personName: text('person_name').notNull(),
    personAddress: text('person_address').notNull(),
    personPhone: text('person_phone'),
    /** rules.ts REASONS */
    reason: text('reason').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    preferredTimes: text('preferred_times').notNull(),
    note: text('note'),
    visitDay: date('visit_day', { mode: 'string' }),
    /** 'HH:MM', Vietnam time. */
    visitFrom: text('visit_from'),
    visitTo: text('visit_to'),
    officerId: uuid('officer_id'),
    officerName: text('officer_name'),
    dossierCode: text('dossier_code'),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('home_visits_code_idx').on(t.code),
    uniqueIndex('home_visits_dossier_idx').on(t.dossierCode),
    index('home_visits_ward_status_idx').on(t.wardCode, t.status, t.visitDay),
    index('home_visits_citizen_idx').on(t.citizenId),
    index('home_visits_staff_idx').on(t.requestedByStaffId),
  ],
);
