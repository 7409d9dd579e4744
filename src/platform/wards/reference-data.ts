import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { adminUnits, provinces } from './schema';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/data');

/** Reads a small CSV with a header row and no quoted commas (the official lists have none). */
export function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(DATA_DIR, file), 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

/**
 * The 34 provinces and Hải Phòng's 114 commune-level units (Decision 19/2025/QĐ-TTg), upserted at every
 * start so a corrected list in a new release reaches existing databases.
 */
export async function upsertReferenceData(db: Db): Promise<void> {
  const provinceRows = readCsv('provinces.csv').map((r) => ({ code: r.code ?? '', name: r.name ?? '' }));
  const unitRows = readCsv('hai-phong-units.csv').map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    provinceCode: r.province_code ?? '',
  }));
  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values(provinceRows)
      .onConflictDoUpdate({ target: provinces.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(adminUnits)
      .values(unitRows)
      .onConflictDoUpdate({
        target: adminUnits.code,
        set: { name: sql`excluded.name`, provinceCode: sql`excluded.province_code` },
      });
  });
}
