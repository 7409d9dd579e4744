import { dossierJobs } from './modules/dossiers/jobs';
import { CalendarService } from './platform/calendar/service';
import { ClockConfigError, clockFromEnv, type Clock } from './platform/clock';
import { readConfig } from './platform/config';
import { openDatabase, type Database } from './platform/db/connect';
import { DataDirLockedError } from './platform/db/lock';
import { buildApp } from './platform/http/app';
import { startJobs, type Jobs } from './platform/jobs/runner';
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
const calendar = new CalendarService(database.db);
const app = await buildApp({ database, config, calendar, clock }, ROUTES);
let jobs: Promise<Jobs | null> = Promise.resolve(null);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  await app.close();
  // Jobs before the database: a running sweep finishes its transaction, pg-boss its last statements.
  const running = await jobs;
  await running?.stop().catch((error: unknown) => app.log.error({ err: error }, 'jobs did not stop cleanly'));
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
// After listening, so background jobs never delay the first answer. Opt-in for now: on the embedded database
// pg-boss shares the single connection and its start-up work slows the first requests.
if (config.jobs && !stopping) {
  jobs = startJobs(database, { schedules: dossierJobs({ database, clock, calendar }), log: app.log }).catch(
    (error: unknown) => {
      app.log.error({ err: error }, 'jobs did not start: no lateness sweep, no reminders');
      return null;
    },
  );
}
