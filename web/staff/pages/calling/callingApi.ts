/** The queue's API as the "Gọi số" page reads it (src/modules/queue/routes.ts). */

export const COUNTERS_PATH = '/api/v1/queue/counters';
/** Where the workspace remembers the officer's counter, shared by "Gọi số" and "Mời đánh giá". */
export const MY_COUNTER = 'queue.counter';
export const TODAY_PATH = '/api/v1/queue/today';

export const callNextPath = (counterId: string) =>
  `/api/v1/queue/counters/${encodeURIComponent(counterId)}/call-next`;

export type TicketAction = 'served' | 'no-show' | 'recall';

export const ticketActionPath = (id: string, action: TicketAction) =>
  `/api/v1/queue/tickets/${encodeURIComponent(id)}/${action}`;

export interface Counter {
  id: string;
  number: number;
  name: string;
  groups: string[];
  active: boolean;
}

export interface Ticket {
  id: string;
  code: string;
  group: { key: string; letter: string; name: string };
  status: 'waiting' | 'called' | 'served' | 'no_show';
  statusLabel: string;
  issuedAt: string;
  calledAt: string | null;
}

/** `GET /api/v1/queue/counters` */
export interface Counters {
  counters: Counter[];
  pages: { take: string; kiosk: string; display: string; qr: string };
}

/** `GET /api/v1/queue/today` */
export interface Today {
  day: string;
  counters: (Counter & { current: Ticket | null })[];
  waiting: Ticket[];
}

/** `POST …/call-next` */
export interface Called {
  ticket: Ticket | null;
}
