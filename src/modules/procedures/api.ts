/** What other modules may ask of the procedure catalogue (they never read its tables). */
export { findProcedure, findProcedureVersion, type ProcedureRecord } from './store';
export { amountInWords, formatVnd } from './rules';
