import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/connect';
import { DataDirLockedError } from '../../src/platform/db/lock';

// The embedded database's data-folder lock. It needs no DATABASE_URL, so it runs in both storage suites.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a TypeScript entry point in a child process on `dataDir`, always on the embedded database. */
function runEntry(entry: string, dataDir: string): Promise<Exit> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', entry],
      { cwd: ROOT, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  const pid = Number(child.stdout.trim());
  expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  return pid;
}

describe('PGlite data folder: one process at a time', () => {
  let tempDir: string;
  let dataDir: string;
  let lockFile: string;
  let first: Database | undefined;

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqtt-lock-'));
    dataDir = path.join(tempDir, 'data');
    lockFile = path.join(dataDir, 'platform.lock');
    first = await openDatabase({ dataDir });
  });
  afterAll(async () => {
    await first?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('the open database holds a lock file with its process id', () => {
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
  });

  it('a second server on the same folder exits at once with code 1, in Vietnamese and English', async () => {
    const second = await runEntry('src/main.ts', dataDir);
    expect(second.code, second.stderr).toBe(1);
    expect(second.ms).toBeLessThan(20_000);
    expect(second.stderr).toContain(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${process.pid} sử dụng; mỗi lúc chỉ một tiến trình được mở cơ sở dữ liệu nhúng.`,
    );
    expect(second.stderr).toContain(
      `The data folder ${dataDir} is in use by process ${process.pid}; only one process may open the embedded database at a time.`,
    );
    expect(second.stdout).not.toContain('http://localhost');
    // The refused process did not take or remove the lock.
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
  });

  it('the audit verifier refuses too, and says to stop the server first', async () => {
    const verifier = await runEntry('src/platform/audit/verify-cli.ts', dataDir);
    expect(verifier.code).toBe(1);
    expect(verifier.stderr).toContain(`đang được tiến trình ${process.pid} sử dụng`);
    expect(verifier.stderr).toContain('Dừng máy chủ trước khi kiểm tra. / Stop the server before verifying.');
  });

  it('a second open in another process is refused with DataDirLockedError naming the holder', async () => {
    // Same check in-process through a lock file written by "another" live process: our parent.
    const other = path.join(tempDir, 'other');
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, 'platform.lock'), String(process.ppid));
    const refused = await openDatabase({ dataDir: other }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).pid).toBe(process.ppid);
    expect(fs.readFileSync(path.join(other, 'platform.lock'), 'utf8')).toBe(String(process.ppid));
  });

  it('a second open of the same folder in this very process is refused too, and keeps the lock', async () => {
    const refused = await openDatabase({ dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
  });

  it('after the first closes, a new open succeeds and the data is still there', async () => {
    await first?.sql.query("INSERT INTO seed_runs (name) VALUES ('kiem-thu-khoa')");
    await first?.close();
    first = undefined;
    expect(fs.existsSync(lockFile)).toBe(false);
    const reopened = await openDatabase({ dataDir });
    try {
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      const rows = await reopened.sql.query<{ name: string }>(
        "SELECT name FROM seed_runs WHERE name = 'kiem-thu-khoa'",
      );
      expect(rows).toHaveLength(1);
    } finally {
      await reopened.close();
    }
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('a stale lock left by a dead process is taken over', async () => {
    const pid = deadPid();
    fs.writeFileSync(lockFile, String(pid));
    const reopened = await openDatabase({ dataDir });
    try {
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      expect(await reopened.sql.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await reopened.close();
    }
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
