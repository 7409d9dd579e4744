import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  production: boolean;
  /** The ward whose portal is served at `/`. */
  portalWard: string;
  logLevel: string;
  /** Start of the server's clock for demos and tests (`APP_NOW`); refused in production. */
  appNow?: string;
  /** Background jobs (lateness sweep, reminders) on pg-boss: `JOBS=1`. */
  jobs: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    production: env.NODE_ENV === 'production',
    portalWard: env.PORTAL_WARD ?? '10507',
    logLevel: env.LOG_LEVEL ?? 'info',
    appNow: env.APP_NOW || undefined,
    jobs: env.JOBS === '1',
  };
}
