/**
 * The legal deadline rules of the feedback module, for staff to read, and the system administrator's
 * correction of a version (a value not yet confirmed against the legal text, or a changed one).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';

import { currentRules } from './items';
import { DAY_KIND_LABELS, deadline, DEADLINE_KEYS, MAX_RULE_DAYS, type RuleVersion } from './rules';
import * as store from './store';

export const feedbackRuleRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  const present = (rule: RuleVersion, corrected?: { correctedByName: string; correctedAt: Date }) => ({
    ...rule,
    dayKindLabel: DAY_KIND_LABELS[rule.dayKind],
    corrected: corrected ? { by: corrected.correctedByName, at: corrected.correctedAt.toISOString() } : null,
  });

  app.get(
    '/feedback/deadline-rules',
    {
      config: { policy: { permission: 'feedback.read' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Thời hạn theo luật (tiếp công dân, phản ánh, khiếu nại, tố cáo): căn cứ, ngày hiệu lực, quy định nào chưa được xác nhận',
      },
    },
    async () => {
      const corrections = await store.listCorrections(db);
      const rules = await currentRules(db);
      return {
        rules: rules.map((rule) =>
          present(
            rule,
            corrections.find((c) => c.key === rule.key && c.effectiveFrom === rule.effectiveFrom),
          ),
        ),
      };
    },
  );

  app.get(
    '/feedback/deadline-rules/:key/due-date',
    {
      config: { policy: { permission: 'feedback.read' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Tính hạn theo một quy định, cho một việc nhận (hoặc một sự kiện xảy ra) lúc `from`, theo phiên bản có hiệu lực ngày đó và lịch làm việc của phường',
        params: z.object({ key: z.enum(DEADLINE_KEYS) }),
        querystring: z.object({
          from: z.iso.datetime({ offset: true }),
          extraDays: z.coerce.number().int().min(0).max(MAX_RULE_DAYS).default(0),
        }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const ward = staff.wardCode ? await findWard(db, staff.wardCode) : undefined;
      const ctx = {
        hours: ward?.ward.officeHours ?? DEFAULT_OFFICE_HOURS,
        calendar: await deps.calendar.current(),
        rules: await currentRules(db),
      };
      let due;
      try {
        due = deadline(request.params.key, new Date(request.query.from), ctx, request.query.extraDays);
      } catch (error) {
        // No version of the rule in force that day, or a date the calendar does not cover.
        if (error instanceof RangeError)
          throw new AppError('RULE_VIOLATION', error.message, { from: error.message });
        throw error;
      }
      return { ...due, rule: present(due.rule) };
    },
  );

  app.put(
    '/feedback/deadline-rules/:key/:effectiveFrom',
    {
      config: { policy: { permission: 'feedback.rules.edit' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Quản trị hệ thống sửa một phiên bản quy định thời hạn (số ngày, loại ngày, căn cứ, đã xác nhận hay chưa)',
        params: z.object({ key: z.enum(DEADLINE_KEYS), effectiveFrom: z.iso.date() }),
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({
          days: z.number().int().min(1).max(MAX_RULE_DAYS),
          dayKind: z.enum(['working', 'calendar']),
          legalBasis: z.string().trim().min(5).max(500),
          confirmed: z.boolean(),
          note: z.string().trim().min(1).max(500).nullable().default(null),
        }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const { key, effectiveFrom } = request.params;
      const before = (await currentRules(db)).find((r) => r.key === key && r.effectiveFrom === effectiveFrom);
      if (!before) throw new AppError('NOT_FOUND', 'Không có phiên bản quy định này.');
      const correctedAt = deps.clock.now();
      const correction = { key, effectiveFrom, ...request.body };
      await db.transaction(async (tx) => {
        await store.upsertCorrection(tx, {
          ...correction,
          correctedBy: staff.id,
          correctedByName: staff.fullName,
          correctedAt,
        });
        await recordAudit(tx, auditContext(request), {
          action: 'feedback.rule.correct',
          targetType: 'deadline_rule',
          targetId: `${key}@${effectiveFrom}`,
          summary: {
            before: { days: before.days, dayKind: before.dayKind, confirmed: before.confirmed },
            after: request.body,
          },
        });
      });
      const rule = (await currentRules(db)).find((r) => r.key === key && r.effectiveFrom === effectiveFrom);
      if (!rule) throw new Error('corrected rule vanished');
      return present(rule, { correctedByName: staff.fullName, correctedAt });
    },
  );
};
