/** Pure rules of the one-stop dossier: workflow, codes, forms, supplements, deadlines and lateness. */
export { BASIS, NEW_ONE_STOP_FROM, oneStopBasisOn } from './basis';
export { dossierCode, MAX_DOSSIER_SEQUENCE, parseDossierCode } from './code';
export type { DossierCodeParts } from './code';
export {
  addWorkingDays,
  classifyStep,
  classifyTiming,
  dueDateAfterSupplement,
  TIMING_LABELS,
  urgency,
  URGENCY_LABELS,
  workingDaysBetween,
} from './deadlines';
export type { ResumedDeadline, StepTiming, Timing, Urgency } from './deadlines';
export { FORM_NAMES, formFor, formNameOn, formOn } from './forms';
export type { FormKey, FormNo, FormVersion } from './forms';
export { checkApology, DEFAULT_APOLOGY_WORKING_DAYS_BEFORE, sweepOverdue } from './lateness';
export type { ApologyCheck, ApologyIssueCode, SweepDossier, SweepHit, SweepResult } from './lateness';
export { SAME_DAY_BASIS, SAME_DAY_WEEKDAYS, sameDayDueDate, scheduleOn } from './same-day';
export type { SameDayInput, SameDaySchedule } from './same-day';
export { checkSupplementRequest } from './supplements';
export type { RuleIssue, SupplementCheck, SupplementIssueCode } from './supplements';
export {
  ACTIONS,
  checkAction,
  nextStatus,
  postalReturnAddress,
  registeredReturn,
  RETURN_CHANNEL_LABELS,
  RETURN_CHANNELS,
  returnChannelsFor,
  ROLES,
  STATUSES,
  statusOf,
  WorkflowError,
} from './workflow';
export type {
  ActionDef,
  ActionKey,
  ClockState,
  ReturnChannel,
  Role,
  Status,
  StatusKey,
  WorkflowErrorCode,
} from './workflow';
