/** How the complaint and denunciation routes run a step: the ward officer, a transaction, the clock, the rules. */
import type { FastifyRequest } from 'fastify';
import { toLocalDate } from '../../platform/calendar/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { Deps } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { deadlineContext, type StepContext, type WardStaff } from './context';

export function wardStaff(request: FastifyRequest): WardStaff {
  const staff = currentStaff(request);
  if (!staff.wardCode) throw new AppError('FORBIDDEN');
  return { ...staff, wardCode: staff.wardCode };
}

export function stepRunner(deps: Deps) {
  const { db } = deps.database;
  return {
    /** Runs one step in a transaction with the request's audit context, the clock and the ward's deadlines. */
    async step<T>(request: FastifyRequest, run: (ctx: StepContext) => Promise<T>): Promise<T> {
      const staff = wardStaff(request);
      const deadlines = await deadlineContext(deps, db, staff.wardCode);
      const now = deps.clock.now();
      return db.transaction((tx) => run({ db: tx, audit: auditContext(request), now, staff, deadlines }));
    },
    /** What a read needs: the officer, today and the calendar. */
    async view(request: FastifyRequest) {
      const staff = wardStaff(request);
      return { staff, today: toLocalDate(deps.clock.now()), calendar: await deps.calendar.current() };
    },
  };
}
