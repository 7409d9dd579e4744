import { and, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { periodInstants, RESOLVED_STATUSES, type IndicatorRow, type Period } from './indicators';
import { dossierEvents, dossiers } from './schema';
import { STATUSES } from './workflow';

export interface IndicatorScope {
  wardCode: string;
  /** The unit the dossier is assigned to. */
  unitId?: string;
  procedureCode?: string;
}

const RUNNING = STATUSES.filter((s) => s.clock === 'running').map((s) => s.key);

/**
 * Candidate rows for the indicators of a ward: every dossier that may count in the period (taken in, resolved
 * in it, or overdue today). indicators.ts decides exactly where each one counts.
 */
export function listIndicatorRows(db: Db, scope: IndicatorScope, period: Period): Promise<IndicatorRow[]> {
  const { start, end } = periodInstants(period);
  const reachedResult = sql<Date | null>`(
    SELECT min(${dossierEvents.at}) FROM ${dossierEvents}
    WHERE ${dossierEvents.dossierId} = ${dossiers.id}
      AND ${inArray(dossierEvents.toStatus, [...RESOLVED_STATUSES])}
  )`;
  const resolvedAt = sql<Date | null>`coalesce(${dossiers.finishedAt}, ${reachedResult})`;
  // A dossier has at most one apology; its event keeps the date it moved.
  const apologyMoved = sql`(
    SELECT (${dossierEvents.data} ->> 'oldDueDate') FROM ${dossierEvents}
    WHERE ${dossierEvents.dossierId} = ${dossiers.id} AND ${dossierEvents.action} = 'apology'
    LIMIT 1
  )`;
  // Nested in a fragment, so that drizzle keeps the table names a correlated subquery needs.
  const dueDateBeforeApology = sql<string | null>`${apologyMoved}::date`;
  const filters: (SQL | undefined)[] = [
    eq(dossiers.wardCode, scope.wardCode),
    scope.unitId ? eq(dossiers.assignedUnitId, scope.unitId) : undefined,
    scope.procedureCode ? eq(dossiers.procedureCode, scope.procedureCode) : undefined,
    or(
      and(gte(dossiers.receiptDay, period.from), lte(dossiers.receiptDay, period.to)),
      and(
        inArray(dossiers.status, [...RESOLVED_STATUSES]),
        or(
          and(gte(dossiers.finishedAt, start), lt(dossiers.finishedAt, end)),
          and(
            isNull(dossiers.finishedAt),
            sql`${reachedResult} >= ${start.toISOString()}`,
            sql`${reachedResult} < ${end.toISOString()}`,
          ),
        ),
      ),
      and(
        inArray(dossiers.status, RUNNING),
        sql`coalesce(${dueDateBeforeApology}, ${dossiers.dueDate}) < ${period.today}`,
      ),
    ),
  ];
  return db
    .select({
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      status: dossiers.status,
      channel: dossiers.channel,
      receivedAt: dossiers.receivedAt,
      receiptDay: dossiers.receiptDay,
      originalDueDate: dossiers.originalDueDate,
      dueDate: dossiers.dueDate,
      dueDateBeforeApology: dueDateBeforeApology.mapWith(dossiers.dueDate),
      resolvedAt: resolvedAt.mapWith(dossiers.finishedAt),
      digitised: dossiers.digitised,
      supplementRequests: dossiers.supplementRequests,
      supplementBreaches: dossiers.supplementBreaches,
      apologies: dossiers.apologies,
      lateTwiceAt: dossiers.lateTwiceAt,
    })
    .from(dossiers)
    .where(and(...filters));
}
