import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { auditInsert, type AuditContext, type ChainedEntry } from '../../platform/audit/store';
import type { Db } from '../../platform/db/connect';
import { MAX_TICKET_NUMBER, type TicketStatus } from './rules';
import { queueCounters, queueDayCounters, queueTickets } from './schema';

export type CounterRow = typeof queueCounters.$inferSelect;
export type NewCounter = typeof queueCounters.$inferInsert;
export type Ticket = Omit<typeof queueTickets.$inferSelect, 'status'> & { status: TicketStatus };
type TicketChange = Partial<Omit<typeof queueTickets.$inferInsert, 'id' | 'arrival'>>;

// Counters.

/** The ward's counters by number. */
export function listCounters(db: Db, wardCode: string): Promise<CounterRow[]> {
  return db
    .select()
    .from(queueCounters)
    .where(eq(queueCounters.wardCode, wardCode))
    .orderBy(asc(queueCounters.number));
}

/** The counter, locked until the transaction ends when `lock` (one call at a time per counter). */
export async function findCounter(db: Db, id: string, lock = false): Promise<CounterRow | undefined> {
  const query = db.select().from(queueCounters).where(eq(queueCounters.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Creates the counter or replaces its name, groups and state; returns the previous row, if any. */
export async function saveCounter(db: Db, values: NewCounter): Promise<CounterRow | undefined> {
  const before = await findCounter(db, values.id, true);
  await db
    .insert(queueCounters)
    .values(values)
    .onConflictDoUpdate({
      target: queueCounters.id,
      set: { name: values.name, groups: values.groups, active: values.active },
    });
  return before;
}

export async function insertCounters(db: Db, values: NewCounter[]): Promise<void> {
  await db.insert(queueCounters).values(values);
}

// Taking a ticket.

export interface Take {
  wardCode: string;
  day: string;
  groupKey: string;
  letter: string;
  channel: 'kiosk' | 'phone';
  takeKey: string;
  issuedAt: Date;
  audit: { context: AuditContext; entry: Omit<ChainedEntry, 'targetId'> };
}

/**
 * Issues a ticket with one statement, run alone (not inside a transaction): the group's next number of the day,
 * the ticket and its audit record. The day's counter row is locked only from this statement to its commit, so
 * concurrent takes get consecutive numbers, and one that fails takes no number. Past the day's last number, or
 * for a take key already used, the statement fails whole (the NOT NULL code, the unique key).
 */
export async function insertTicket(db: Db, take: Take): Promise<Ticket> {
  const { wardCode, day, groupKey } = take;
  const sequence = db.$with('sequence').as(
    db
      .insert(queueDayCounters)
      .values({ wardCode, day, groupKey, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [queueDayCounters.wardCode, queueDayCounters.day, queueDayCounters.groupKey],
        set: { lastNumber: sql`${queueDayCounters.lastNumber} + 1` },
      })
      .returning({ value: queueDayCounters.lastNumber }),
  );
  const number = sql<number>`(SELECT ${sequence.value} FROM ${sequence})`;
  const code = sql<string>`(SELECT CASE WHEN ${sequence.value} <= ${MAX_TICKET_NUMBER}
    THEN ${take.letter} || lpad(${sequence.value}::text, 3, '0') END FROM ${sequence})`;
  const id = randomUUID();
  const ticket = db.$with('ticket').as(
    db
      .insert(queueTickets)
      .values({
        id,
        wardCode,
        day,
        groupKey,
        number,
        code,
        channel: take.channel,
        takeKey: take.takeKey,
        status: 'waiting',
        issuedAt: take.issuedAt,
      })
      .returning(),
  );
  const audit = db
    .$with('audit')
    .as(auditInsert(db, take.audit.context, { ...take.audit.entry, targetId: sql`${id}` }));
  const [row] = await db.with(sequence, ticket, audit).select().from(ticket);
  if (!row) throw new Error('ticket not inserted');
  return row as Ticket;
}

export async function findTicketByTakeKey(db: Db, wardCode: string, takeKey: string) {
  const [row] = await db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.wardCode, wardCode), eq(queueTickets.takeKey, takeKey)));
  return row as Ticket | undefined;
}

// A ticket's steps.

export async function findTicket(db: Db, id: string, lock = false): Promise<Ticket | undefined> {
  const query = db.select().from(queueTickets).where(eq(queueTickets.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row as Ticket | undefined;
}

/** The ticket a counter has called today and not finished. */
export async function currentTicket(db: Db, counterId: string, day: string): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.counterId, counterId),
        eq(queueTickets.status, 'called'),
        eq(queueTickets.day, day),
      ),
    )
    .orderBy(desc(queueTickets.lastCalledAt))
    .limit(1);
  return row as Ticket | undefined;
}

/**
 * The ward's longest-waiting ticket of the day in the groups, locked; a ticket another counter is calling right
 * now is skipped (SKIP LOCKED), so two counters never call the same one.
 */
export async function lockNextWaiting(
  db: Db,
  wardCode: string,
  day: string,
  groups: readonly string[],
): Promise<Ticket | undefined> {
  if (groups.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.wardCode, wardCode),
        eq(queueTickets.day, day),
        eq(queueTickets.status, 'waiting'),
        inArray(queueTickets.groupKey, [...groups]),
      ),
    )
    .orderBy(asc(queueTickets.arrival))
    .limit(1)
    .for('update', { skipLocked: true });
  return row as Ticket | undefined;
}

export async function updateTicket(db: Db, id: string, change: TicketChange): Promise<Ticket> {
  const [row] = await db.update(queueTickets).set(change).where(eq(queueTickets.id, id)).returning();
  if (!row) throw new Error('ticket not updated');
  return row as Ticket;
}

// Reading the queue.

/** People of the same group still waiting before the ticket. */
export async function waitingAhead(db: Db, ticket: Ticket): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.wardCode, ticket.wardCode),
        eq(queueTickets.day, ticket.day),
        eq(queueTickets.groupKey, ticket.groupKey),
        eq(queueTickets.status, 'waiting'),
        lt(queueTickets.arrival, ticket.arrival),
      ),
    );
  return row?.n ?? 0;
}

/** Tickets waiting now, per group. */
export async function waitingByGroup(db: Db, wardCode: string, day: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ groupKey: queueTickets.groupKey, n: count() })
    .from(queueTickets)
    .where(
      and(eq(queueTickets.wardCode, wardCode), eq(queueTickets.day, day), eq(queueTickets.status, 'waiting')),
    )
    .groupBy(queueTickets.groupKey);
  return new Map(rows.map((r) => [r.groupKey, r.n]));
}

/** The day's latest calls (a recall counts as a new call), newest first. */
export async function latestCalls(db: Db, wardCode: string, day: string, limit: number): Promise<Ticket[]> {
  const rows = await db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.wardCode, wardCode),
        eq(queueTickets.day, day),
        isNotNull(queueTickets.lastCalledAt),
      ),
    )
    .orderBy(desc(queueTickets.lastCalledAt), desc(queueTickets.arrival))
    .limit(limit);
  return rows as Ticket[];
}

/** The ward's tickets issued on the days from … to (both included), in order of arrival. */
export async function listTickets(db: Db, wardCode: string, from: string, to: string): Promise<Ticket[]> {
  const rows = await db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.wardCode, wardCode), gte(queueTickets.day, from), lte(queueTickets.day, to)))
    .orderBy(asc(queueTickets.arrival));
  return rows as Ticket[];
}
