import { dossierJobs } from './modules/dossiers/jobs';
import { CalendarService } from './platform/calendar/service';
import { channelAdapters } from './platform/channels/adapters';
import { channelJobs, createDelivery } from './platform/channels/jobs';
import { ClockConfigError, clockFromEnv, type Clock } from './platform/clock';
import { ConfigError, readConfig, type Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/connect';
import { DataDirLockedError } from './platform/db/lock';
import { buildApp } from './platform/http/app';
import { backgroundJobs } from './platform/jobs/background';
import { startJobs } from './platform/jobs/runner';
import { ROUTES } from './routes';
import { runSeeds } from './seed';

/**
 * How long after the server listens the background jobs start. Ready means answering: loading pg-boss and its
 * first statements (on the embedded database, on the single connection the requests use) wait until the first
 * pages are served.
 */
const JOBS_START_DELAY_MS = 5_000;

let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

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
const calendar = new CalendarService(database.db);
const jobs = backgroundJobs();
const app = await buildApp({ database, config, calendar, clock, jobs }, ROUTES);
// Messages to citizens leave right after the commit that wrote them (pokeDelivery), retried every minute.
const delivery = createDelivery({
  db: database.db,
  adapters: channelAdapters(database.db, config),
  clock,
  log: app.log,
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  let exitCode = 0;
  const failed = (what: string) => (error: unknown) => {
    app.log.error({ err: error }, `${what} did not close cleanly`);
    exitCode = 1;
  };
  // Jobs first, while the database is open: a running sweep finishes its transaction, pg-boss its statements.
  await jobs.stop();
  await app.close().catch(failed('the server'));
  await delivery.stop();
  // Closing the embedded database releases the data folder's lock.
  await database.close().catch(failed('the database'));
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Chính quyền thân thiện: http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind}` +
    `${database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
);
if (config.jobs && !stopping) {
  const schedules = [...dossierJobs({ database, clock, calendar }), ...channelJobs(delivery)];
  jobs.startAfter(JOBS_START_DELAY_MS, () => startJobs(database, { schedules, log: app.log }), app.log);
}
