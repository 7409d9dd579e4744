/** Pure rules of citizen reception: the chairman's schedule, the reception log, the Friday listening sessions. */
export * from './reception-rules';
export * from './schedule-rules';
export * from './session-rules';
