/** What other modules may ask of the procedure catalogue (they never read its tables). */
export { findProcedure, type ProcedureRecord } from './store';
