import { and, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import {
  periodInstants,
  RESOLVED_STATUSES,
  type FeePayment,
  type IndicatorRow,
  type Period,
} from './indicators';
import { dossierEvents, dossierPayments, dossiers } from './schema';
import type { PAYMENT_METHODS } from './action-steps';
import { STATUSES } from './workflow';

export interface IndicatorScope {
  wardCode: string;
  /** The unit the dossier is assigned to. */
  unitId?: string;
  procedureCode?: string;
}

const RUNNING = STATUSES.filter((s) => s.clock === 'running').map((s) => s.key);

/** The counter's receipts record an online payment under this method. */
const ONLINE_METHOD: keyof typeof PAYMENT_METHODS = 'online';

/**
 * Candidate rows for the indicators of a ward: every dossier that may count in the period (taken in, resolved
 * in it, with a fee paid in it, or overdue today). indicators.ts decides exactly where each one counts.
 * `paidElsewhere`: the fees of the period that another module collected (online payments), by dossier code.
 */
export async function listIndicatorRows(
  db: Db,
  scope: IndicatorScope,
  period: Period,
  paidElsewhere: ReadonlyMap<string, readonly FeePayment[]> = new Map(),
): Promise<IndicatorRow[]> {
  const { start, end } = periodInstants(period);
  // The receipts the counter recorded (request_payment, then payment_received), as [{paidAt, online}].
  const receipts = sql`(
    SELECT json_agg(json_build_object(
      'paidAt', ${dossierPayments.paidAt}, 'online', ${dossierPayments.method} = ${ONLINE_METHOD}))
    FROM ${dossierPayments} WHERE ${dossierPayments.dossierId} = ${dossiers.id}
  )`;
  // Nested in a fragment, like dueDateBeforeApology below, so that the correlated subquery keeps its table names.
  const counterPayments = sql<{ paidAt: string; online: boolean }[]>`coalesce(${receipts}, '[]'::json)`;
  const paidAtCounter = sql`EXISTS (
    SELECT 1 FROM ${dossierPayments} WHERE ${dossierPayments.dossierId} = ${dossiers.id}
      AND ${dossierPayments.paidAt} >= ${start.toISOString()} AND ${dossierPayments.paidAt} < ${end.toISOString()}
  )`;
  const paidCodes = [...paidElsewhere.keys()];
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
      paidAtCounter,
      paidCodes.length > 0 ? inArray(dossiers.code, paidCodes) : undefined,
    ),
  ];
  const rows = await db
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
      sameDay: dossiers.sameDay,
      counterPayments,
    })
    .from(dossiers)
    .where(and(...filters));
  return rows.map(({ counterPayments: counter, ...row }) => ({
    ...row,
    feePayments: [
      ...counter.map((p) => ({ paidAt: new Date(p.paidAt), online: p.online })),
      ...(paidElsewhere.get(row.code) ?? []),
    ],
  }));
}
