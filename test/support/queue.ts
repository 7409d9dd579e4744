import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The one-time key of a take form, from the page's HTML. */
export function takeKeyOf(html: string): string {
  const key = /name="k" value="([\w-]+)"/.exec(html)?.[1];
  if (!key) throw new Error(`no take key in the page: ${html.slice(0, 200)}`);
  return key;
}

export interface TakeOptions {
  /** The query of the take page: `phuong`, the kiosk's `may`. */
  query?: string;
  /** The form's key; by default a fresh one from the page. */
  key?: string;
  remoteAddress?: string;
}

/** Opens the take page and presses the group's button, as a phone without JavaScript does. */
export async function postTake(
  app: FastifyInstance,
  group: string,
  options: TakeOptions = {},
): Promise<LightMyRequestResponse> {
  const path = `/lay-so${options.query ? `?${options.query}` : ''}`;
  const { remoteAddress } = options;
  let key = options.key;
  if (!key) {
    const page = await app.inject({ method: 'GET', url: path, remoteAddress });
    expect(page.statusCode, page.body).toBe(200);
    key = takeKeyOf(page.body);
  }
  return app.inject({
    method: 'POST',
    url: path,
    payload: new URLSearchParams({ k: key, group }).toString(),
    headers: FORM,
    remoteAddress,
  });
}

/** Takes a number and returns the ticket's id (from the redirect to its page). */
export async function takeTicketId(
  app: FastifyInstance,
  group: string,
  options: TakeOptions = {},
): Promise<string> {
  const response = await postTake(app, group, options);
  expect(response.statusCode, response.body).toBe(303);
  const id = /^\/so-thu-tu\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1];
  if (!id) throw new Error(`no ticket in ${String(response.headers.location)}`);
  return id;
}
