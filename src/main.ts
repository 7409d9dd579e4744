import { CalendarService } from './platform/calendar/service';
import { ClockConfigError, clockFromEnv, type Clock } from './platform/clock';
import { readConfig } from './platform/config';
import { openDatabase, type Database } from './platform/db/connect';
import { DataDirLockedError } from './platform/db/lock';
import { buildApp } from './platform/http/app';
import { ROUTES } from './routes';
import { runSeeds } from './seed';

const config = readConfig();

let clock: Clock;
try {
  clock = clockFromEnv(config.appNow, config.production);
} catch (error) {
  if (!(error instanceof ClockConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

let database: Database;
try {
  database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

await runSeeds(database, { demo: !config.production });
const app = await buildApp({ database, config, calendar: new CalendarService(database.db), clock }, ROUTES);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Chính quyền thân thiện: http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind}` +
    `${database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
);
