import type { TFunction } from 'i18next';
import { parseDayInput } from '../../../shared/parse';
import type { ProcedureDetail } from '../../dossiers/dossierApi';
import type { DossierAction } from '../../dossiers/workflowRules';
import { EMPTY_VALUES, selectedFeeItem, type FeeValues } from '../intake/intakeForm';

export type ActionChoice = DossierAction | 'apology';

export interface ActionValues {
  toUnit: string;
  toOfficerId: string;
  note: string;
  reason: string;
  resultDocument: string;
  receiptNumber: string;
  outcome: string;
  channel: string;
  method: string;
  newDate: string;
  documentIds: string[];
  fee: FeeValues;
  /** The electronic result (PDF), attached before the action; the server requires it for an online return. */
  resultFile: File | null;
}

export const EMPTY_ACTION_VALUES: ActionValues = {
  toUnit: '',
  toOfficerId: '',
  note: '',
  reason: '',
  resultDocument: '',
  receiptNumber: '',
  outcome: '',
  channel: '',
  method: 'cash',
  newDate: '',
  documentIds: [],
  fee: EMPTY_VALUES.fee,
  resultFile: null,
};

export type ActionField = keyof ActionValues;
export type TextField = 'resultDocument' | 'receiptNumber' | 'reason' | 'newDate' | 'note';
export type ChoiceField = 'outcome' | 'channel';

/** Values offered by the radio groups, as the server's schemas list them. */
export const CHOICES: Record<ChoiceField, readonly string[]> = {
  outcome: ['granted', 'denied'],
  channel: ['counter', 'post', 'online'],
};
export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'card', 'online'] as const;

/** The fields each action's form shows, in order; `note` is always optional. */
export const ACTION_FIELDS: Record<ActionChoice, readonly ActionField[]> = {
  receive: ['documentIds', 'note'],
  refuse: ['reason'],
  hand_over: ['toUnit', 'toOfficerId', 'note'],
  request_supplement: ['documentIds', 'reason'],
  supplement_received: ['documentIds', 'note'],
  request_payment: ['fee'],
  payment_received: ['receiptNumber', 'method', 'note'],
  approve: ['outcome', 'note'],
  mark_result_ready: ['resultDocument', 'resultFile', 'note'],
  return_result: ['channel', 'resultFile', 'note'],
  withdraw: ['reason'],
  stop: ['reason'],
  apology: ['reason', 'newDate'],
};

const OPTIONAL: readonly ActionField[] = ['note', 'toOfficerId', 'method'];

/** The API's name for the ticked papers. */
export function documentsField(action: ActionChoice): string {
  return action === 'request_supplement' ? 'requestedDocumentIds' : 'receivedDocumentIds';
}

export const fieldId = (field: string) => `thao-tac-${field}`;
export const optionId = (field: string, value: string) => `thao-tac-${field}-${value}`;

const optionalNote = (values: ActionValues) => (values.note.trim() ? { note: values.note.trim() } : {});

function whole(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

function feeBody(procedure: ProcedureDetail | undefined, fee: FeeValues) {
  const item = procedure ? selectedFeeItem(procedure, fee) : undefined;
  return {
    ...(item && (procedure?.fees.items.length ?? 0) > 1
      ? { item: item.id }
      : fee.item
        ? { item: fee.item }
        : {}),
    ...(item?.kind === 'per_page' ? { pages: whole(fee.pages), copies: whole(fee.copies) } : {}),
    ...(item?.kind === 'per_unit' ? { quantity: whole(fee.quantity) } : {}),
    ...(fee.exemption ? { exemption: fee.exemption } : {}),
  };
}

/** The request body of an action, as the server's schema for it expects. */
export function actionBody(
  action: ActionChoice,
  values: ActionValues,
  procedure: ProcedureDetail | undefined,
): Record<string, unknown> {
  switch (action) {
    case 'receive':
    case 'supplement_received':
      return { receivedDocumentIds: values.documentIds, ...optionalNote(values) };
    case 'hand_over':
      return {
        toUnit: values.toUnit,
        ...(values.toOfficerId ? { toOfficerId: values.toOfficerId } : {}),
        ...optionalNote(values),
      };
    case 'request_supplement':
      return { requestedDocumentIds: values.documentIds, reason: values.reason.trim() };
    case 'request_payment':
      return { fee: feeBody(procedure, values.fee) };
    case 'payment_received':
      return { receiptNumber: values.receiptNumber.trim(), method: values.method, ...optionalNote(values) };
    case 'approve':
      return { outcome: values.outcome, ...optionalNote(values) };
    case 'mark_result_ready':
      return { resultDocument: values.resultDocument.trim(), ...optionalNote(values) };
    case 'return_result':
      return { channel: values.channel, ...optionalNote(values) };
    case 'apology':
      return { reason: values.reason.trim(), newDate: parseDayInput(values.newDate) };
    case 'withdraw':
    case 'stop':
      return { reason: values.reason.trim() };
    case 'refuse':
      return { reasons: [values.reason.trim()] };
  }
}

/** Missing or malformed fields, with the messages to show; keys are the API's field names. */
export function validateAction(
  t: TFunction,
  action: ActionChoice,
  values: ActionValues,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ACTION_FIELDS[action]) {
    if (OPTIONAL.includes(field) || field === 'fee' || field === 'resultFile') continue;
    if (field === 'documentIds') {
      if (values.documentIds.length === 0)
        problems[documentsField(action)] = t('staff.actionForms.errors.documents');
    } else if (field === 'newDate') {
      if (!parseDayInput(values.newDate)) problems.newDate = t('staff.actionForms.errors.newDate');
    } else {
      const min = field === 'reason' || field === 'resultDocument' ? 3 : 1;
      if (values[field].trim().length < min) problems[field] = t(`staff.actionForms.errors.${field}`);
    }
  }
  return problems;
}

/** Error-summary targets: the API's field names → the ids of this form's inputs. */
export function actionFieldIds(action: ActionChoice, firstDocumentId: string): Record<string, string> {
  // A refusal names its reasons as a list: the server's errors come as reasons or reasons.0.
  const ids: Record<string, string> =
    action === 'refuse' ? { reasons: fieldId('reason'), 'reasons.0': fieldId('reason') } : {};
  for (const field of ACTION_FIELDS[action]) {
    if (field === 'documentIds') ids[documentsField(action)] = fieldId(`giay-to-${firstDocumentId}`);
    else if (field === 'outcome' || field === 'channel') ids[field] = optionId(field, CHOICES[field][0]);
    else if (field === 'fee') {
      ids.fee = 'khoan-thu';
      ids['fee.pages'] = 'so-trang';
      ids['fee.copies'] = 'so-ban';
      ids['fee.quantity'] = 'so-luong';
    } else ids[field] = fieldId(field);
  }
  // The result's upload names its refusals `file`.
  if (ids.resultFile) ids.file = ids.resultFile;
  return ids;
}
