export * from '../wards/schema';
export * from '../auth/schema';
export * from '../audit/schema';
export * from '../calendar/schema';
export * from '../http/schema';
export * from './seed-schema';
export * from '../../modules/procedures/schema';
export * from '../../modules/dossiers/schema';
