/**
 * The queue's changes: taking a ticket, a counter calling the next one, an officer finishing or calling again
 * the ticket in front of them, a ward administrator setting up a counter. Each writes its audit record with it;
 * all but the take run inside the caller's transaction.
 */
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import { toLocalDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { BASIS, checkAction, counterLabel, waitSeconds, type ServiceGroup, type TicketAction } from './rules';
import * as store from './store';

export interface DeskContext {
  db: Db;
  audit: AuditContext;
  now: Date;
}

export interface Officer {
  id: string;
  fullName: string;
  wardCode: string;
}

const NO_COUNTER = 'Phường không có quầy này.';
const NO_TICKET = 'Không tìm thấy số thứ tự này.';

/** The SQLSTATE of a failed statement (drizzle wraps the driver's error as its cause). */
const sqlState = (error: unknown) =>
  ((error as { cause?: { code?: unknown } }).cause ?? (error as { code?: unknown })).code;
const UNIQUE_VIOLATION = '23505';
/** Past the day's last number the code is null: the insert fails on NOT NULL. */
const NOT_NULL_VIOLATION = '23502';

/**
 * Gives the next number of the group today, once per take key: the same form sent again (a double press, a
 * reload) gets the same ticket back. Not inside a transaction (see store.insertTicket).
 */
export async function takeTicket(
  ctx: DeskContext,
  take: { wardCode: string; group: ServiceGroup; channel: 'kiosk' | 'phone'; takeKey: string },
): Promise<store.Ticket> {
  const again = () => store.findTicketByTakeKey(ctx.db, take.wardCode, take.takeKey);
  const earlier = await again();
  if (earlier) return earlier;
  try {
    return await store.insertTicket(ctx.db, {
      wardCode: take.wardCode,
      day: toLocalDate(ctx.now),
      groupKey: take.group.key,
      letter: take.group.letter,
      channel: take.channel,
      takeKey: take.takeKey,
      issuedAt: ctx.now,
      audit: {
        context: ctx.audit,
        entry: {
          action: 'queue.take',
          targetType: 'queue_ticket',
          wardCode: take.wardCode,
          summary: { group: take.group.key, channel: take.channel, basis: BASIS.numbering },
        },
      },
    });
  } catch (error) {
    // The same form sent twice at once: the unique take key let one through.
    const raced = sqlState(error) === UNIQUE_VIOLATION ? await again() : undefined;
    if (raced) return raced;
    if (sqlState(error) === NOT_NULL_VIOLATION) {
      const message = `Đã hết số thứ tự của lĩnh vực ${take.group.name} trong ngày hôm nay. Xin Ông/Bà liên hệ cán bộ tại quầy để được hướng dẫn.`;
      throw new AppError('CONFLICT', message);
    }
    throw error;
  }
}

/**
 * The counter calls the longest-waiting ticket of the groups it serves (none: null). A counter calls one ticket
 * at a time: the one in front of it is first marked served or absent.
 */
export async function callNext(ctx: DeskContext, officer: Officer, counterId: string) {
  const counter = await store.findCounter(ctx.db, counterId, true);
  if (!counter || counter.wardCode !== officer.wardCode) throw new AppError('NOT_FOUND', NO_COUNTER);
  if (!counter.active) throw new AppError('CONFLICT', `${counterLabel(counter)} đang tạm ngừng gọi số.`);
  const day = toLocalDate(ctx.now);
  const busy = await store.currentTicket(ctx.db, counter.id, day);
  if (busy) {
    const message = `${counterLabel(counter)} đang phục vụ số ${busy.code}. Xin đánh dấu đã phục vụ hoặc vắng mặt trước khi gọi số tiếp theo.`;
    throw new AppError('CONFLICT', message);
  }
  const next = await store.lockNextWaiting(ctx.db, counter.wardCode, day, counter.groups);
  if (!next) return { counter, ticket: null };
  const ticket = await store.updateTicket(ctx.db, next.id, {
    status: 'called',
    calledAt: ctx.now,
    lastCalledAt: ctx.now,
    counterId: counter.id,
    counterName: counterLabel(counter),
    calledBy: officer.id,
    calledByName: officer.fullName,
  });
  await recordAudit(ctx.db, ctx.audit, {
    action: 'queue.call',
    targetType: 'queue_ticket',
    targetId: ticket.id,
    wardCode: ticket.wardCode,
    summary: { code: ticket.code, counterId: counter.id, waitSeconds: waitSeconds(ticket) },
  });
  return { counter, ticket };
}

/** Served, absent, or called again: only a ticket a counter has called. */
export async function actOnTicket(ctx: DeskContext, officer: Officer, id: string, action: TicketAction) {
  const ticket = await store.findTicket(ctx.db, id, true);
  if (!ticket || ticket.wardCode !== officer.wardCode) throw new AppError('NOT_FOUND', NO_TICKET);
  const check = checkAction(ticket, action, toLocalDate(ctx.now));
  if (!check.ok) throw new AppError('INVALID_TRANSITION', check.message);
  const change =
    action === 'recall'
      ? { lastCalledAt: ctx.now, recalls: ticket.recalls + 1 }
      : { status: check.to, finishedAt: ctx.now, finishedByName: officer.fullName };
  const updated = await store.updateTicket(ctx.db, id, change);
  await recordAudit(ctx.db, ctx.audit, {
    action: `queue.${action}`,
    targetType: 'queue_ticket',
    targetId: id,
    wardCode: ticket.wardCode,
    summary: {
      code: ticket.code,
      counterId: ticket.counterId,
      from: ticket.status,
      to: updated.status,
      ...(action === 'no-show' ? { basis: BASIS.noShow } : {}),
    },
  });
  return updated;
}

export interface CounterInput {
  name: string;
  groups: string[];
  active: boolean;
}

/** Creates or changes a counter of the administrator's ward. */
export async function setUpCounter(
  ctx: DeskContext,
  counter: { id: string; wardCode: string; number: number },
  input: CounterInput,
) {
  const before = await store.saveCounter(ctx.db, { ...counter, ...input });
  await recordAudit(ctx.db, ctx.audit, {
    action: before ? 'queue.counter.update' : 'queue.counter.create',
    targetType: 'queue_counter',
    targetId: counter.id,
    wardCode: counter.wardCode,
    summary: {
      before: before ? { name: before.name, groups: before.groups, active: before.active } : null,
      after: input,
    },
  });
  const saved = await store.findCounter(ctx.db, counter.id);
  if (!saved) throw new Error('counter not saved');
  return { counter: saved, created: !before };
}
