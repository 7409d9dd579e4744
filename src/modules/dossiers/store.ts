import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { auditInsertTemplate, auditParams, type AuditRecord } from '../../platform/audit/store';
import { outboxMessages } from '../../platform/channels/schema';
import { batched } from '../../platform/db/batch';
import type { Db } from '../../platform/db/connect';
import { params, placeholders } from '../../platform/db/prepared';
import { MAX_DOSSIER_SEQUENCE, SEQUENCE_DIGITS } from './code';
import { dossierDayCounters, dossierEvents, dossiers } from './schema';

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossier = typeof dossiers.$inferInsert;
export type NewDossierEvent = typeof dossierEvents.$inferInsert;

/** The columns an intake writes: each a parameter of the prepared intake statement. */
const DOSSIER_WRITTEN = [
  'wardCode',
  'procedureCode',
  'procedureVersion',
  'procedureName',
  'statusCode',
  'status',
  'channel',
  'applicantName',
  'applicantIdNumber',
  'applicantPhone',
  'applicantAddress',
  'documentsReceived',
  'receivedAt',
  'receiptDay',
  'originalDueDate',
  'dueDate',
  'pausedAt',
  'receivedBy',
  'receivedByName',
  'feeAmount',
  'supplementRequests',
  'supplementBreaches',
  'sameDay',
  'citizenId',
  'notifyChannels',
  'applicantEmail',
  'returnChannel',
  'returnAddress',
] as const satisfies readonly (keyof NewDossier)[];
const EVENT_WRITTEN = [
  'wardCode',
  'action',
  'fromStatus',
  'toStatus',
  'at',
  'actorId',
  'actorName',
  'toUnit',
  'note',
  'data',
] as const satisfies readonly (keyof NewDossierEvent)[];
const MESSAGE_WRITTEN = [
  'wardCode',
  'channel',
  'recipient',
  'templateKey',
  'subject',
  'body',
  'referenceType',
  'referenceId',
  'status',
  'nextAttemptAt',
  'createdAt',
] as const satisfies readonly (keyof typeof outboxMessages.$inferInsert)[];

/** How the applicant's message names the dossier before the statement gives it its number. */
export const CODE_TO_COME = '????';

export interface Intake {
  /** The code up to its sequence ('10507-260310-'). */
  codePrefix: string;
  /** The day whose counter gives the sequence. */
  day: string;
  dossier: { [K in (typeof DOSSIER_WRITTEN)[number]]: NewDossier[K] };
  event: { [K in (typeof EVENT_WRITTEN)[number]]: NewDossierEvent[K] };
  audit: AuditRecord;
  /**
   * The applicant's messages (outbox rows), one per channel: their texts write the code as
   * `codePrefix + CODE_TO_COME`. The intake statement writes the first; more than one needs a transaction.
   */
  messages: readonly [IntakeMessage, ...IntakeMessage[]];
}

type IntakeMessage = { [K in (typeof MESSAGE_WRITTEN)[number]]: (typeof outboxMessages.$inferInsert)[K] };
type OneMessageIntake = Omit<Intake, 'messages'> & { message: IntakeMessage };

/** Intakes in one statement at most (1, 2, 4… 32: a prepared statement for each of these counts). */
const MAX_BATCH = 32;

/**
 * One statement takes in `count` intakes of one ward and day: the day's next sequence numbers, in their order,
 * each dossier under the code made of its number, its first event and its audit record. Prepared once per
 * database and count: it is costly to build.
 */
function intakeStatement(db: Db, count: number) {
  const shared = placeholders('intake', ['wardCode', 'day', 'codePrefix']);
  const sequence = db.$with('sequence').as(
    db
      .insert(dossierDayCounters)
      .values({ wardCode: shared.wardCode, day: shared.day, lastSequence: count })
      .onConflictDoUpdate({
        target: [dossierDayCounters.wardCode, dossierDayCounters.day],
        set: { lastSequence: sql`${dossierDayCounters.lastSequence} + ${count}` },
      })
      .returning({ before: sql<number>`${dossierDayCounters.lastSequence} - ${count}`.as('before') }),
  );
  const rows = Array.from({ length: count }, (_, i) => ({ i, id: sql`${sql.placeholder(`id.${i}`)}` }));
  // Null past the day's last number: the NOT NULL code then refuses the whole statement, counter included.
  const code = (i: number) => sql`(SELECT CASE WHEN ${sequence.before} + ${i + 1} <= ${MAX_DOSSIER_SEQUENCE}
    THEN ${shared.codePrefix} || lpad((${sequence.before} + ${i + 1})::text, ${SEQUENCE_DIGITS}, '0') END
    FROM ${sequence})`;
  const dossierRows = rows.map(({ i, id }) => ({
    ...placeholders(`dossier.${i}`, DOSSIER_WRITTEN),
    id,
    code: code(i),
  }));
  const dossier = db.$with('dossier').as(db.insert(dossiers).values(dossierRows).returning());
  const eventRows = rows.map(({ i, id }) => ({
    ...placeholders(`event.${i}`, EVENT_WRITTEN),
    dossierId: id,
  }));
  const event = db.$with('event').as(db.insert(dossierEvents).values(eventRows));
  const targets = rows.map(
    ({ id }) => sql`(SELECT ${dossier.code} FROM ${dossier} WHERE ${dossier.id} = ${id})`,
  );
  const audit = db.$with('audit').as(auditInsertTemplate(db, 'audit', targets));
  const messageRows = rows.map(({ i }) => {
    const values = placeholders(`message.${i}`, MESSAGE_WRITTEN);
    const named = (text: SQL) =>
      sql`replace(${text}, ${shared.codePrefix} || ${CODE_TO_COME}, ${targets[i]})`;
    const { subject, body, referenceId } = values;
    return { ...values, subject: named(subject), body: named(body), referenceId: named(referenceId) };
  });
  const message = db.$with('message').as(db.insert(outboxMessages).values(messageRows));
  return db
    .with(sequence, dossier, event, audit, message)
    .select()
    .from(dossier)
    .prepare(`dossier_intake_${count}`);
}

const intakeStatements = new WeakMap<Db, Map<number, ReturnType<typeof intakeStatement>>>();

async function insertIntakes(db: Db, intakes: OneMessageIntake[]): Promise<DossierRow[]> {
  const [first] = intakes;
  if (!first) return [];
  let statements = intakeStatements.get(db);
  if (!statements) intakeStatements.set(db, (statements = new Map()));
  let statement = statements.get(intakes.length);
  if (!statement) statements.set(intakes.length, (statement = intakeStatement(db, intakes.length)));
  const ids = intakes.map(() => randomUUID());
  const rows = await statement.execute(
    Object.assign(
      {
        'intake.wardCode': first.dossier.wardCode,
        'intake.day': first.day,
        'intake.codePrefix': first.codePrefix,
      },
      ...intakes.map((intake, i) => ({
        [`id.${i}`]: ids[i],
        ...params(`dossier.${i}`, dossiers, intake.dossier),
        ...params(`event.${i}`, dossierEvents, intake.event),
        ...params(`message.${i}`, outboxMessages, intake.message),
      })),
      auditParams(
        'audit',
        intakes.map((intake) => intake.audit),
      ),
    ),
  );
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error('dossier not inserted');
    return row;
  });
}

/** Intakes waiting to be written, by database, then ward and day. */
const intakeBatches = new WeakMap<Db, Map<string, (intake: OneMessageIntake) => Promise<DossierRow>>>();

/**
 * Takes a dossier in with one statement, run alone (not inside a transaction), which it shares with the intakes
 * of the same ward and day that arrive meanwhile (db/batch.ts). The day's counter row is locked only from that
 * statement to its commit, so concurrent intakes queue for one commit a batch, get consecutive numbers in the
 * order they came, and one that fails takes no number (no gap).
 */
export async function insertIntake(db: Db, { messages, ...intake }: Intake): Promise<DossierRow> {
  let batches = intakeBatches.get(db);
  if (!batches) intakeBatches.set(db, (batches = new Map()));
  const key = `${intake.dossier.wardCode}/${intake.day}`;
  let insert = batches.get(key);
  if (!insert) {
    insert = batched((intakes: OneMessageIntake[]) => insertIntakes(db, intakes), {
      max: MAX_BATCH,
      powersOfTwo: true,
    });
    batches.set(key, insert);
  }
  const [message, ...more] = messages;
  const row = await insert({ ...intake, message });
  if (more.length === 0) return row;
  const named = (text: string) => text.replaceAll(`${intake.codePrefix}${CODE_TO_COME}`, row.code);
  await db.insert(outboxMessages).values(
    more.map((m) => ({
      ...m,
      subject: m.subject && named(m.subject),
      body: named(m.body),
      referenceId: row.code,
    })),
  );
  return row;
}

export async function insertEvent(db: Db, values: NewDossierEvent): Promise<void> {
  await db.insert(dossierEvents).values(values);
}

export async function findByCode(db: Db, code: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  return row;
}

export function listEvents(db: Db, dossierId: string) {
  return db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id));
}

/** Open dossiers of a ward, soonest due first. */
export function listOpen(db: Db, wardCode: string, statuses: readonly string[]) {
  return db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.wardCode, wardCode), inArray(dossiers.status, [...statuses])))
    .orderBy(asc(dossiers.dueDate), asc(dossiers.code));
}

/** Of each dossier, which of `actions` it saw last (dossiers with none of them are absent). */
export async function lastActionOf(
  db: Db,
  dossierIds: readonly string[],
  actions: readonly string[],
): Promise<Map<string, string>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db
    .select({ dossierId: dossierEvents.dossierId, action: dossierEvents.action })
    .from(dossierEvents)
    .where(
      and(inArray(dossierEvents.dossierId, [...dossierIds]), inArray(dossierEvents.action, [...actions])),
    )
    .orderBy(asc(dossierEvents.id));
  return new Map(rows.map((row) => [row.dossierId, row.action]));
}

/**
 * The public view's one read, as a prepared statement of one database (built once, planned once per connection):
 * dossiers by their unique codes, left-joined to their events in order (index on dossier_id, id), selecting only
 * the columns the view shows: the applicant's number and phone are never read.
 */
function publicQuery(db: Db) {
  return db
    .select({
      wardCode: dossiers.wardCode,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      status: dossiers.status,
      receivedAt: dossiers.receivedAt,
      dueDate: dossiers.dueDate,
      event: {
        action: dossierEvents.action,
        toStatus: dossierEvents.toStatus,
        at: dossierEvents.at,
        toUnit: dossierEvents.toUnit,
        timing: dossierEvents.timing,
      },
    })
    .from(dossiers)
    .leftJoin(dossierEvents, eq(dossierEvents.dossierId, dossiers.id))
    .where(sql`${dossiers.code} = any(${sql.placeholder('codes')})`)
    .orderBy(asc(dossierEvents.id))
    .prepare('dossiers_public_view');
}

type PublicRow = Awaited<ReturnType<ReturnType<typeof publicQuery>['execute']>>[number];
export type PublicDossier = Omit<PublicRow, 'event'> & { events: NonNullable<PublicRow['event']>[] };

const preparedPublic = new WeakMap<Db, ReturnType<typeof publicQuery>>();

/** The dossiers these tracking codes name, with their events oldest first; a code no dossier has is absent. */
export async function findPublicByCodes(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, PublicDossier>> {
  let query = preparedPublic.get(db);
  if (!query) preparedPublic.set(db, (query = publicQuery(db)));
  const found = new Map<string, PublicDossier>();
  for (const { event, ...dossier } of await query.execute({ codes })) {
    let entry = found.get(dossier.code);
    if (!entry) found.set(dossier.code, (entry = { ...dossier, events: [] }));
    if (event) entry.events.push(event);
  }
  return found;
}

/** One applicant's dossiers, newest first: filed by the citizen, or by the căn cước number, or the phone. */
export function listByApplicant(
  db: Db,
  owner: { citizenId: string; applicant: { idNumber: string } | { phone: string } | null },
  limit: number,
) {
  const { applicant } = owner;
  const byApplicant = !applicant
    ? undefined
    : 'idNumber' in applicant
      ? eq(dossiers.applicantIdNumber, applicant.idNumber)
      : eq(dossiers.applicantPhone, applicant.phone);
  return db
    .select({
      wardCode: dossiers.wardCode,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      status: dossiers.status,
      receivedAt: dossiers.receivedAt,
      dueDate: dossiers.dueDate,
    })
    .from(dossiers)
    .where(or(eq(dossiers.citizenId, owner.citizenId), byApplicant))
    .orderBy(desc(dossiers.receivedAt))
    .limit(limit);
}

/** The same rule as listByApplicant, for one dossier already read. */
export function isOwnedBy(
  row: Pick<DossierRow, 'citizenId' | 'applicantIdNumber' | 'applicantPhone'>,
  owner: { citizenId: string; applicant: { idNumber: string } | { phone: string } | null },
): boolean {
  const { applicant } = owner;
  if (row.citizenId === owner.citizenId) return true;
  if (!applicant) return false;
  return 'idNumber' in applicant
    ? row.applicantIdNumber === applicant.idNumber
    : row.applicantPhone === applicant.phone;
}
