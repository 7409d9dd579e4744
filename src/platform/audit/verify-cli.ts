import { readConfig } from '../config';
import { openDatabase } from '../db/connect';
import { DataDirLockedError } from '../db/lock';
import { sealAudit } from './sealer';
import { UNSEALED_LIMIT_MINUTES, verifyChain } from './store';

/** `npm run audit:verify`: seals what is committed, walks the chain and names the first record that does not hold. */
const config = readConfig();
try {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await sealAudit(database.db);
  const { checked, firstBreak } = await verifyChain(database.db);
  await database.close();
  if (firstBreak) {
    const why = {
      hash_mismatch: 'nội dung bị sửa',
      broken_link: 'liên kết với bản ghi trước bị đứt',
      unsealed: `chưa được đưa vào chuỗi sau hơn ${UNSEALED_LIMIT_MINUTES} phút`,
    }[firstBreak.reason];
    console.error(
      `Nhật ký hệ thống KHÔNG toàn vẹn: bản ghi #${firstBreak.id} (${why}); ${checked} bản ghi trước đó hợp lệ.\n` +
        `Audit chain BROKEN at record #${firstBreak.id} (${firstBreak.reason}); ${checked} earlier records verified.`,
    );
    process.exit(2);
  }
  console.log(`Nhật ký hệ thống toàn vẹn: ${checked} bản ghi. / Audit chain intact: ${checked} records.`);
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(`${error.message}\nDừng máy chủ trước khi kiểm tra. / Stop the server before verifying.`);
  process.exit(1);
}
