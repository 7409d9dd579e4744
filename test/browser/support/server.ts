import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  databaseKind: 'pglite' | 'postgresql';
  /** The server's DATA_DIR: its local outbox of e-mail is `<dataDir>/mail`. */
  dataDir: string;
  /** The server's output so far (for failure messages). */
  output(): string;
  /** Stops the server; throws, with its output, if it had already stopped by itself during the run. */
  stop(): Promise<void>;
}

/** Fails with a message that says what to do when the built pages or the browser are missing. */
export function assertPrerequisites(): void {
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error(`${path.relative(ROOT, WEB_INDEX)} is missing: run npm run build:web first`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get install chromium`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh PostgreSQL database on the server of `adminUrl`; `drop` removes it (closing its connections). */
async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_browser_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `the server did not answer /api/v1/health within ${START_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

/**
 * Starts the real server (`node --import tsx src/main.ts`) as a child process on a free port, on a fresh
 * embedded database in a temporary DATA_DIR, or, when DATABASE_URL is set, on a new PostgreSQL database
 * created for this run. Demo accounts are seeded as on any first start outside production.
 *
 * TRUST_PROXY=1: the server reads the client address from X-Forwarded-For (as behind the ward's reverse
 * proxy), so each browser context can present its own address and the per-address sign-in limit (10 a
 * minute) applies per simulated office computer rather than to the whole suite.
 */
export interface ServerOptions {
  /** APP_NOW: the instant the server's clock starts at; by default TEST_MORNING. */
  now?: string;
}

/**
 * A working-day morning (Wednesday 02/12/2026, 09:00 in Vietnam): on the wall clock a test would depend on
 * when it runs (after 17:00 or at a weekend an intake counts as received on the next working day).
 */
export const TEST_MORNING = '2026-12-02T09:00:00+07:00';

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  assertPrerequisites();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqtt-browser-'));
  const adminUrl = process.env.DATABASE_URL || undefined;
  const database = adminUrl ? await createDatabase(adminUrl) : undefined;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '1',
    APP_NOW: options.now ?? TEST_MORNING,
  };
  delete env.NODE_ENV; // production mode would skip the demo accounts
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;
  let stopping = false;
  let crashed: string | undefined;
  child.once('exit', (code, signal) => {
    if (!stopping) crashed = `the server stopped by itself during the run (${code ?? signal}):\n${output()}`;
  });

  const cleanUp = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([
        exited(child).then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS)),
      ]);
      if (killed) {
        child.kill('SIGKILL');
        await exited(child);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    baseUrl,
    databaseKind: database ? 'postgresql' : 'pglite',
    dataDir,
    output,
    stop: async () => {
      const unexpected = crashed;
      await cleanUp();
      if (unexpected) throw new Error(unexpected);
    },
  };
}
