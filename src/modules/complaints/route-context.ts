/** How the complaint and denunciation routes run a step: the ward officer, a transaction, the clock, the rules. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Permission } from '../../platform/auth/policies';
import { toLocalDate } from '../../platform/calendar/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { Deps, RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
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

type App = Parameters<FastifyPluginAsyncZod<RouteOptions>>[0];

interface RegisterRoutes {
  /** 'complaints' or 'denunciations': the steps are `POST /<prefix>/:code/<step>`. */
  prefix: string;
  tags: string[];
  params: z.ZodObject<{ code: z.ZodString }>;
  runner: ReturnType<typeof stepRunner>;
  /** The record as the caller may see it, the answer to every step. */
  detail: (request: FastifyRequest, code: string) => Promise<unknown>;
}

/** Declares the steps of the law on a register's records: each its permission and body, one transaction. */
export function stepRoutes(app: App, register: RegisterRoutes) {
  const { prefix, tags, params, runner, detail } = register;
  return <B extends z.ZodType>(
    path: string,
    permission: Permission,
    summary: string,
    body: B,
    run: (ctx: StepContext, code: string, body: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/${prefix}/:code/${path}`,
      {
        config: { policy: { permission } },
        schema: { tags, summary, headers: IDEMPOTENCY_HEADERS, params, body },
      },
      async (request) => {
        const { code } = request.params as { code: string };
        await runner.step(request, (ctx) => run(ctx, code, request.body as z.infer<B>));
        return detail(request, code);
      },
    );
}
