import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';
import { TEST_DATABASE_KIND } from '../support/db';

// Every operation of the OpenAPI document, hammered with malformed input by three callers: nothing may
// answer 5xx, and every 4xx of the API must be the documented error envelope without internals.

const RUNS_PER_OPERATION = 100;
const RANDOM_PATH_RUNS = 300;
const MIN_REQUESTS = 5_000;
/** Accounts the fuzzer is signed in as: random logins must never lock them. */
const PROTECTED_USERNAMES = new Set(['hethong', 'motcua']);

/** The parts of OpenAPI's JSON Schema the generators read. */
type Bounds = Partial<Record<'minLength' | 'maxLength' | 'minimum' | 'maximum', number>>;
type JsonSchema = Bounds & { type?: string; format?: string; pattern?: string; enum?: unknown[] } & {
  properties?: Record<string, JsonSchema>;
};
type Parameter = { name: string; in: string; schema?: JsonSchema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Operation = { method: string; path: string; params: Parameter[]; body?: JsonSchema };
type Caller = { name: string; cookie?: string; csrfToken?: string };
type FuzzRequest = { method: string; url: string; payload?: string; headers: Record<string, string> };

/** Values known to reach deeper code (an existing ward, a real staff id…), mixed in with the junk. */
const HINTS: Record<string, string[]> = {
  code: ['10507', '10525', '00000', '99999'],
  ward: ['10507', '10525', '00000'],
  date: ['2026-02-13', '2026-02-29', '2026-13-01', '0000-01-01'],
  year: ['2026', '1999', '2101', '2000.5'],
  province: ['31', '01', '99', 'ab'],
  receivedAt: ['2026-02-13T10:00:00+07:00', '2026-02-13T10:00:00Z', '9999-12-31T23:59:59+14:00', '2026'],
  workingDays: ['0', '5', '3650', '3651', '-1', '1.5', '1e3', ''],
  calendarDays: ['0', '30', '3650', 'NaN', 'Infinity'],
  limit: ['1', '200', '201', '0', '-5', 'abc'],
  beforeId: ['1', '9007199254740991', '9007199254740993', '-1', '0x10'],
  username: ['ld.pho', 'khongcoai', ' ', 'HETHONG2'],
  code6: ['000000', '123456', '12345', '1234567'],
};

const ODD_STRINGS = [
  ...['', ' ', '\u0000', 'a\u0000b', '\ud800', '\u202e\u0301\ufeff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Phường Thành Đông'],
  ...['../../../../etc/passwd', '..%2f..%2f', '%00', '%ZZ', '%E0%A4%A', "' OR 1=1 --", '${jndi:ldap://x/a}'],
  ...['<script>alert(1)</script>', 'NaN', '-0', '1e309', '99999999999999999999999', 'null', '__proto__'],
  'constructor',
];

function pieces(parts: string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
}

const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 5_000 }).map((n) => 'é'.repeat(n)) },
  { weight: 1, arbitrary: pieces(['../', '..\\', '%2e%2e/', './']).map((a) => a + 'x') },
  { weight: 1, arbitrary: pieces(['%', '%0', '%ZZ', '%C3', '%FF', '%25', '%2F', '%00']) },
);

function patternArb(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return fc.string();
  }
}

/** Mostly around today, sometimes anywhere a Date can reach (years −271821 to 275760). */
const anyDate = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2120-01-01'), noInvalidDate: true }),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
);

/** A value that satisfies the schema most of the time, so requests get past validation now and then. */
function validish(schema: JsonSchema | undefined, name: string): fc.Arbitrary<unknown> {
  const key = schema?.pattern === '^\\d{6}$' ? 'code6' : name;
  const hints = Object.hasOwn(HINTS, key) ? (HINTS[key] ?? []) : [];
  const arbs: fc.Arbitrary<unknown>[] = hints.length ? [fc.constantFrom(...hints)] : [];
  if (!schema) return fc.oneof(...arbs, fc.jsonValue({ maxDepth: 2 }));
  if (schema.enum?.length) arbs.push(fc.constantFrom(...schema.enum));
  else if (schema.format === 'date-time') {
    arbs.push(anyDate.map((d) => d.toISOString()));
  } else if (schema.format === 'date') {
    arbs.push(anyDate.map((d) => d.toISOString().slice(0, 10)));
  } else if (schema.format === 'uuid') arbs.push(fc.uuid());
  else if (schema.pattern) arbs.push(patternArb(schema.pattern));
  else if (schema.type === 'integer' || schema.type === 'number') {
    arbs.push(fc.integer({ min: schema.minimum ?? -1e6, max: Math.min(schema.maximum ?? 1e6, 1e9) }));
  } else if (schema.type === 'object' && schema.properties) {
    const model = Object.fromEntries(
      Object.entries(schema.properties).map(([key, prop]) => [key, fc.oneof(validish(prop, key), junk)]),
    );
    arbs.push(fc.record(model, { requiredKeys: [] }));
  } else if (schema.type === 'string') {
    const maxLength = Math.min(schema.maxLength ?? 50, 300);
    arbs.push(fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength }));
  }
  return arbs.length ? fc.oneof(...arbs) : fc.jsonValue({ maxDepth: 2 });
}

/** Wrong types and shapes for any field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, [], {}, [null], { $ne: 1 }),
  oddString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'x'.repeat(n)),
);

function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const CONTENT_TYPES = [
  ...['application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'json'],
  ...['text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=-x'],
  ...['application/xml', 'application/octet-stream', 'application/vnd.api+json', '*/*', ''],
];

const ODD_JSON = [
  ...['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\ufeff{}'],
  ...['{"username":"a","username":"b","password":"c"}', 'null', '"string"', '1e999', '[]'],
];

type Body = { payload?: string; contentType?: string };
const asJson = (payload: string): Body => ({ payload, contentType: 'application/json' });
const anyContentType = fc.oneof(
  fc.constantFrom(...CONTENT_TYPES),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
);
const brokenJson = fc
  .tuple(fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.string({ maxLength: 5 }))
  .map(([value, cut, extra]) => {
    const text = JSON.stringify(value) ?? '';
    return asJson(text.slice(0, cut % (text.length + 1)) + extra);
  });
const nested = fc.tuple(
  fc.integer({ min: 1_000, max: 100_000 }),
  fc.constantFrom('array' as const, 'object' as const),
);

function bodyArb(operation: Operation): fc.Arbitrary<Body> {
  const validishText = validish(operation.body, 'body').map((v) => JSON.stringify(protectAccounts(v)) ?? '');
  return fc.oneof(
    { weight: 6, arbitrary: validishText.map(asJson) },
    { weight: 3, arbitrary: junk.map((v) => asJson(JSON.stringify(v) ?? '')) },
    { weight: 2, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant(asJson('')) },
    { weight: 2, arbitrary: brokenJson },
    {
      weight: 2,
      arbitrary: fc.record({
        payload: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), validishText),
        contentType: anyContentType,
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_JSON).map(asJson) },
    { weight: 1, arbitrary: nested.map(([depth, kind]) => asJson(deepNesting(depth, kind))) },
    { weight: 1, arbitrary: fc.constant(asJson(JSON.stringify({ blob: 'x'.repeat(1_100_000) }))) },
  );
}

/** A login that could hit one of the signed-in accounts is turned into one that cannot. */
function protectAccounts(value: unknown): unknown {
  if (value && typeof value === 'object' && 'username' in value) {
    const username = (value as { username: unknown }).username;
    if (typeof username === 'string' && PROTECTED_USERNAMES.has(username.trim().toLowerCase())) {
      return { ...value, username: `x-${username}` };
    }
  }
  return value;
}

/** Text of a generated value; fast-check may build objects without a prototype, which String() refuses. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function encode(raw: boolean, text: string): string {
  if (raw) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    return text; // a lone surrogate: sent as is
  }
}

function pathArb(operation: Operation): fc.Arbitrary<string> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const params = operation.params.filter((p) => p.in === 'path');
  const value = (name: string) => validish(params.find((p) => p.name === name)?.schema, name).map(text);
  const segment = (name: string) =>
    fc.tuple(fc.oneof(value(name), oddString), fc.boolean()).map(([v, raw]) => encode(raw, v));
  return fc
    .tuple(...names.map(segment))
    .map((values) =>
      names.reduce((path, name, i) => path.replace(`{${name}}`, values[i] ?? ''), operation.path),
    );
}

function queryArb(operation: Operation): fc.Arbitrary<string> {
  const known = operation.params.filter((p) => p.in === 'query');
  const name = fc.oneof(
    { weight: 4, arbitrary: known.length ? fc.constantFrom(...known.map((p) => p.name)) : oddString },
    { weight: 1, arbitrary: oddString },
  );
  const value = (key: string) =>
    fc.oneof(validish(known.find((p) => p.name === key)?.schema, key).map(text), oddString);
  const pair = name.chain((key) => fc.tuple(fc.constant(key), value(key), fc.boolean()));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 6,
      arbitrary: fc
        .array(pair, { maxLength: 6 })
        .map((pairs) => pairs.map(([k, v, raw]) => `${encode(raw, k)}=${encode(raw, v)}`).join('&')),
    },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_QUERIES) },
  );
}

const ODD_QUERIES = ['&&&', '=', '==x', 'a[b]=1&a[c]=2', 'year[]=2026', '%', '?x', 'x'.repeat(20_000)];
const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 200 });
const hugeKey = fc.integer({ min: 101, max: 20_000 }).map((n) => 'k'.repeat(n));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const junkCookie = fc.oneof(
  headerText.map((t) => `cqtt_session=${t}`),
  headerText,
  fc.constant('cqtt_session='),
);
const accept = fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'image/png'), headerText);

function headersArb(caller: Caller, contentType: string | undefined): fc.Arbitrary<Record<string, string>> {
  const csrf = caller.csrfToken
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constant(caller.csrfToken) },
        { weight: 1, arbitrary: headerText },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : maybe(headerText);
  const cookie = caller.cookie ? fc.constant(caller.cookie) : maybe(junkCookie);
  return fc
    .record({
      'x-csrf-token': csrf,
      cookie,
      'idempotency-key': maybe(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:-]{8,100}$/), headerText, hugeKey)),
      accept: maybe(accept),
      'accept-language': maybe(headerText),
      'user-agent': maybe(headerText),
      'x-forwarded-for': maybe(headerText),
    })
    .map((headers) => {
      const defined = Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined);
      if (contentType !== undefined) defined.push(['content-type', contentType]);
      return Object.fromEntries(defined);
    });
}

function requestArb(operation: Operation, caller: Caller): fc.Arbitrary<FuzzRequest> {
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant(operation.method) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  );
  return fc
    .tuple(method, pathArb(operation), queryArb(operation), bodyArb(operation))
    .chain(([verb, path, query, body]) =>
      headersArb(caller, body.contentType).map((headers) =>
        printable({ method: verb, url: query ? `${path}?${query}` : path, payload: body.payload, headers }),
      ),
    );
}

/** Counterexamples are printed shortened: some carry a megabyte of payload. */
function printable(request: FuzzRequest): FuzzRequest {
  return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
}

function describeRequest(request: FuzzRequest): string {
  const cut = (text: string | undefined) =>
    text === undefined ? 'none' : text.length > 200 ? `${text.slice(0, 200)}…(${text.length} chars)` : text;
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${cut(v)}`);
  return `${request.method} ${cut(request.url)} [${headers.join('; ')}] body=${cut(request.payload)}`;
}

function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** Why a response breaks the contract, or null when it keeps it. */
function breach(request: FuzzRequest, response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `status ${response.statusCode}`;
  const pathname = new URL(request.url, 'http://localhost').pathname;
  if (response.statusCode < 400 || !pathname.startsWith('/api/v1')) return null;
  if (!String(response.headers['content-type'] ?? '').includes('application/json'))
    return 'error is not JSON';
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return 'error body does not parse';
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
    return 'not the error envelope';
  if (Object.keys(body as object).length !== 1) return 'extra top-level keys beside "error"';
  const fields = error.fields;
  if (fields !== undefined && (!fields || typeof fields !== 'object' || Array.isArray(fields)))
    return 'bad fields';
  if (['at /', '.ts:', 'Error:'].some((leak) => response.body.includes(leak)))
    return 'stack trace or error name leaked';
  return null;
}

describe(`fuzzing every API operation (${TEST_DATABASE_KIND})`, () => {
  let platform: TestPlatform;
  let operations: Operation[];
  const callers: Caller[] = [{ name: 'anonymous' }];
  const histogram = new Map<number, number>();
  let sent = 0;
  const started = Date.now();

  async function send(request: FuzzRequest): Promise<void> {
    const response = await platform.app.inject({
      method: request.method as never,
      url: request.url,
      payload: request.payload,
      headers: request.headers,
    });
    sent += 1;
    histogram.set(response.statusCode, (histogram.get(response.statusCode) ?? 0) + 1);
    const problem = breach(request, response);
    if (problem) {
      throw new Error(
        `${problem}: ${describeRequest(request)} → ${response.statusCode} ${response.body.slice(0, 300)}`,
      );
    }
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    const docs = await platform.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    operations = operationsOf(docs.json());
    for (const username of PROTECTED_USERNAMES) {
      const agent = await signIn(platform.app, username);
      callers.push({ name: username, cookie: agent.cookie, csrfToken: agent.csrfToken });
    }
    // Real staff ids let the contact route get past its parameters now and then.
    const headers = { cookie: callers[1]?.cookie ?? '' };
    const staff = await platform.app.inject({ method: 'GET', url: '/api/v1/wards/10507/staff', headers });
    const list = staff.json<{ staff?: { id?: string }[] }>().staff ?? [];
    HINTS.staffId = list.flatMap((s) => (s.id ? [s.id] : [])).slice(0, 5);
  });

  afterAll(async () => {
    const statuses = [...histogram.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz on ${TEST_DATABASE_KIND}: ${sent} requests in ${seconds} s; statuses ${statuses.join(' ')}`,
    );
    await platform?.close();
  });

  it('finds operations in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(operations.every((o) => o.path.startsWith('/api/v1/'))).toBe(true);
  });

  for (const index of [0, 1, 2]) {
    it(`never answers 5xx nor leaks internals, caller #${index}`, async () => {
      const caller = callers[index];
      if (!caller) throw new Error('caller missing');
      for (const operation of operations) {
        // Signing out would end the session the rest of the run relies on.
        if (caller.cookie && operation.path === '/api/v1/auth/logout') continue;
        await fc.assert(fc.asyncProperty(requestArb(operation, caller), send), {
          numRuns: RUNS_PER_OPERATION,
        });
      }
    }, 120_000);
  }

  it('never answers 5xx on unknown paths and methods under /api/v1', async () => {
    const anonymous: Caller = { name: 'anonymous' };
    const path = fc.array(
      fc.oneof(oddString, fc.constantFrom('auth', 'wards', '10507', 'calendar', 'docs')),
      { minLength: 0, maxLength: 5 },
    );
    const request = fc
      .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), path, fc.boolean())
      .map(([method, segments, raw]) => ({
        method,
        path: `/api/v1/${segments.map((s) => encode(raw, s)).join('/')}`,
      }))
      .chain(({ method, path }) =>
        requestArb({ method, path, params: [] }, anonymous).map((r) => printable({ ...r, method })),
      );
    await fc.assert(fc.asyncProperty(request, send), { numRuns: RANDOM_PATH_RUNS });
  }, 60_000);

  it('answers the inputs that once made it fail', async () => {
    const admin = callers[1];
    const signedIn = { cookie: admin?.cookie ?? '', 'x-csrf-token': admin?.csrfToken ?? '' };
    const json = { 'content-type': 'application/json' };
    const keyed = (key: string) => ({ ...json, 'idempotency-key': key });
    const r = (method: string, url: string, headers: Record<string, string>, payload?: string) =>
      ({ method, url, headers, payload }) satisfies FuzzRequest;
    const cases = [
      // Router errors (bad percent-encoding, over-long parameter) bypassed the error handler.
      r('GET', '/api/v1/wards/%E0%A4%A/units', {}),
      r('GET', `/api/v1/wards/${'9'.repeat(150)}/units`, signedIn),
      // Idempotency hashing recursed through deeply nested bodies and overflowed the stack.
      r('DELETE', '/api/v1/auth/login', keyed('regress-1'), deepNesting(50_000, 'object')),
      r('POST', '/api/v1/auth/login', keyed('regress-2'), deepNesting(5_000, 'array')),
      r(
        'POST',
        '/api/v1/auth/totp/enrolment',
        { ...keyed('regress-3'), ...signedIn },
        deepNesting(50_000, 'array'),
      ),
      // U+0000 reached PostgreSQL, which cannot store it.
      r('POST', '/api/v1/auth/login', json, JSON.stringify({ username: 'a\u0000b', password: 'x' })),
      r('GET', '/api/v1/city/wards?q=%00', signedIn),
      // Far years passed the ISO patterns but not PostgreSQL (0000) or the calendar rules (0001, 10000).
      r('GET', '/api/v1/calendar/due-date?receivedAt=9999-12-31T23:59:59%2B14:00&calendarDays=1', {}),
      r('GET', '/api/v1/calendar/due-date?receivedAt=0001-01-01T00:00:00Z&workingDays=1', {}),
      r('DELETE', '/api/v1/calendar/adjustments/0000-01-01', signedIn),
      // A path segment longer than a file name made the static-file lookup throw.
      r('GET', `/x/${'é'.repeat(300)}`, {}),
    ];
    for (const request of cases) await send(request);
  });

  it(`sent at least ${MIN_REQUESTS} requests`, () => {
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });
});
