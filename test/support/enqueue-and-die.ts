/**
 * A server that dies between the commit and the delivery: opens the database (PostgreSQL at DATABASE_URL, else
 * PGlite in DATA_DIR), commits one message per channel in one transaction, prints their ids and kills itself
 * with SIGKILL, so no delivery, no exit handler and no clean close run. Used by test/storage/channels-outbox.
 */
import { enqueueMessage } from '../../src/platform/channels/store';
import { openDatabase } from '../../src/platform/db/connect';

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
const now = new Date(process.env.ENQUEUED_AT ?? '');
const ids = await database.db.transaction(async (tx) => [
  await enqueueMessage(
    tx,
    {
      wardCode: '10507',
      channel: 'sms',
      recipient: '0912345678',
      templateKey: 'test.sms',
      subject: null,
      body: 'SMS',
    },
    now,
  ),
  await enqueueMessage(
    tx,
    {
      wardCode: '10507',
      channel: 'zalo',
      recipient: '0912345678',
      templateKey: 'test.zalo',
      subject: null,
      body: 'Zalo',
    },
    now,
  ),
  await enqueueMessage(
    tx,
    {
      wardCode: '10507',
      channel: 'email',
      recipient: 'hang.nguyen@example.vn',
      templateKey: 'test.email',
      subject: 'Thư điện tử',
      body: 'Thư điện tử',
    },
    now,
  ),
]);
process.stdout.write(`${JSON.stringify(ids)}\n`, () => process.kill(process.pid, 'SIGKILL'));
