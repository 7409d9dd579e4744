/**
 * Tracking benchmark: `DATABASE_URL=postgres://… npm run bench:tracking`.
 *
 * On a fresh database on that PostgreSQL server (dropped at the end), builds the platform in this process,
 * takes one dossier in at the counter, and measures with autocannon (-c 50, 5 s after a 1 s warm-up, loopback):
 * - `GET /api/v1/dossiers/<code>/public` (the JSON a citizen's phone asks for);
 * - the server-rendered page `/tra-cuu/<code>`, when the platform has one (the front-end bundle's fallback,
 *   which answers any path with the same index.html, does not count);
 * against a bare Fastify route in the same process. Target: each ≥ 50 % of the bare route's req/s.
 * Exits 1 when a target is missed, 2 without DATABASE_URL.
 */
import {
  createBenchDatabase,
  machine,
  ms,
  pct,
  perSecond,
  printTable,
  problemsOf,
  requireDatabaseUrl,
  runBench,
  signIn,
  startBare,
  startPlatform,
  verdict,
  warmUpAndRun,
  CONNECTIONS,
  DURATION_SECONDS,
  type LoadResult,
  type Row,
} from './support';

const TARGET_RATIO = 0.5;

const adminUrl = requireDatabaseUrl('bench:tracking');

/** One dossier taken in at the counter, as the tracking code a citizen holds. */
async function takeIn(base: string): Promise<string> {
  const staff = await signIn(base, 'motcua');
  const response = await fetch(`${base}/api/v1/dossiers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: staff.cookie,
      'x-csrf-token': staff.csrfToken,
      'idempotency-key': 'bench-tracking-intake',
    },
    body: JSON.stringify({
      procedureCode: '1.001022',
      applicant: {
        fullName: 'Nguyễn Thị Hằng',
        idNumber: '031095001234',
        phone: '0912345678',
        address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
      },
      documentsReceived: ['to-khai-nhan-cha-me-con', 'chung-cu-quan-he-cha-me-con'],
      channel: 'counter',
    }),
  });
  const body = (await response.json()) as { code?: string };
  if (response.status !== 201 || !body.code)
    throw new Error(`intake: ${response.status} ${JSON.stringify(body)}`);
  return body.code;
}

/** The tracking page when the platform renders one: HTML that names the dossier (index.html does not). */
async function trackingPage(base: string, code: string): Promise<string | null> {
  const response = await fetch(`${base}/tra-cuu/${code}`);
  const text = await response.text();
  const html = String(response.headers.get('content-type')).includes('text/html');
  return response.status === 200 && html && text.includes(code) ? `${base}/tra-cuu/${code}` : null;
}

await runBench(async (cleanUps) => {
  const database = await createBenchDatabase(adminUrl);
  cleanUps.push(database.drop);
  const platform = await startPlatform(database.url);
  cleanUps.push(() => platform.database.close());
  cleanUps.push(() => platform.app.close());
  const bare = await startBare();
  cleanUps.push(() => bare.app.close());

  const code = await takeIn(platform.base);
  const publicUrl = `${platform.base}/api/v1/dossiers/${code}/public`;
  const check = await fetch(publicUrl);
  if (check.status !== 200) throw new Error(`${publicUrl}: ${check.status} ${await check.text()}`);
  const pageUrl = await trackingPage(platform.base, code);

  const anchor = await warmUpAndRun({ url: `${bare.base}/bare` });
  const measured: [string, LoadResult | null][] = [
    [`GET /api/v1/dossiers/:code/public`, await warmUpAndRun({ url: publicUrl })],
    [`GET /tra-cuu/:code (page)`, pageUrl ? await warmUpAndRun({ url: pageUrl }) : null],
  ];

  let failed = false;
  const notes: string[] = [];
  const rows: Row[] = [
    ['bare Fastify route (anchor)', perSecond(anchor.requestsPerSecond), ms(anchor.p50), '100 %', '', ''],
  ];
  const anchorProblem = problemsOf(anchor);
  if (anchorProblem) {
    failed = true;
    notes.push(`bare route: ${anchorProblem}`);
  }
  for (const [label, result] of measured) {
    if (!result) {
      rows.push([label, '—', '—', '—', `≥ ${pct(TARGET_RATIO)}`, 'SKIP']);
      notes.push(
        `${label}: no server-rendered tracking page in this build (GET /tra-cuu/${code} did not answer an HTML page naming the dossier)`,
      );
      continue;
    }
    const ratio = result.requestsPerSecond / anchor.requestsPerSecond;
    const problem = problemsOf(result);
    const ok = ratio >= TARGET_RATIO && !problem;
    failed ||= !ok;
    if (problem) notes.push(`${label}: ${problem}`);
    rows.push([
      label,
      perSecond(result.requestsPerSecond),
      ms(result.p50),
      pct(ratio),
      `≥ ${pct(TARGET_RATIO)}`,
      verdict(ok),
    ]);
  }

  printTable(
    `Tracking benchmark — PostgreSQL (fresh database ${database.name} on ${database.host}); autocannon -c ${CONNECTIONS}, ${DURATION_SECONDS} s each after a 1 s warm-up, loopback; ${machine()}`,
    ['route', 'req/s', 'p50', 'vs bare', 'target', 'result'],
    rows,
  );
  for (const note of notes) console.log(`note: ${note}`);
  console.log(failed ? '\nFAIL: a target was missed.' : '\nPASS: every target met.');
  return failed ? 1 : 0;
});
