import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from '../../platform/citizens/schema';
import { wards } from '../../platform/wards/schema';
import type { DraftAnswers } from './rules';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A dossier being filled in on the portal, one question a page: saved at each step, resumed later, then
 * submitted (the dossier is created and the draft keeps its code). The answers are personal data.
 */
export const onlineDrafts = pgTable(
  'online_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    procedureCode: text('procedure_code').notNull(),
    answers: jsonb('answers').$type<DraftAnswers>().notNull(),
    /** The page the citizen last reached, where a resumed draft opens. */
    currentStep: text('current_step').notNull(),
    /** 'open' | 'submitted' */
    status: text('status').notNull().default('open'),
    dossierCode: text('dossier_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('online_drafts_citizen_idx').on(t.citizenId, t.status, t.updatedAt)],
);

/**
 * Papers uploaded to a draft, checked by their bytes (JPEG, PNG or PDF). Kept in the database (bytea) so both
 * databases and backups hold them alike; they move to the dossier's files when the draft is submitted.
 */
export const onlineUploads = pgTable(
  'online_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => onlineDrafts.id, { onDelete: 'cascade' }),
    /** A document id of the procedure's list. */
    documentId: text('document_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Pages of a PDF; an image is one page. */
    pages: integer('pages').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('online_uploads_draft_idx').on(t.draftId, t.createdAt)],
);
