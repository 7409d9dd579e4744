import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng; mỗi lúc chỉ một tiến trình được mở cơ sở dữ liệu nhúng.\n` +
        `The data folder ${dataDir} is in use by process ${pid}; only one process may open the embedded database at a time.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process holds: a second open from the same process is refused like any other. */
const heldHere = new Set<string>();

/**
 * Takes an exclusive lock on the PGlite data folder. PGlite itself does not stop a second process from
 * opening the same files, and two writers silently lose data. A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  if (heldHere.has(path.resolve(dataDir))) throw new DataDirLockedError(dataDir, process.pid);
  const lockFile = path.join(dataDir, 'platform.lock');
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(lockFile, { force: true });
    }
  }
  const folder = path.resolve(dataDir);
  heldHere.add(folder);
  const release = () => {
    heldHere.delete(folder);
    if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, 'utf8') === String(process.pid))
      fs.rmSync(lockFile);
  };
  process.once('exit', release);
  return release;
}
