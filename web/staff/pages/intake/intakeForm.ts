import type { TFunction } from 'i18next';
import { foldForSearch } from '../../../shared/text';
import type {
  FeeInput,
  FeeItem,
  IntakeBody,
  IntakeOutcome,
  ProcedureDetail,
  ProcedureDocument,
  ProcedureSummary,
  ReturnChannel,
  TimeLimit,
} from '../../dossiers/dossierApi';

export interface ApplicantValues {
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
}

export interface FeeValues {
  item: string;
  pages: string;
  copies: string;
  quantity: string;
  exemption: string;
}

export interface IntakeValues {
  applicant: ApplicantValues;
  received: string[];
  missing: string[];
  reason: string;
  fee: FeeValues;
  /** The applicant pays the fee in cash at the counter now. */
  paidInCash: boolean;
  returnChannel: ReturnChannel;
  /** By post: where to, when not the applicant's address. */
  returnAddress: string;
}

export const EMPTY_VALUES: IntakeValues = {
  applicant: { fullName: '', idNumber: '', phone: '', address: '' },
  received: [],
  missing: [],
  reason: '',
  fee: { item: '', pages: '', copies: '1', quantity: '1', exemption: '' },
  paidInCash: false,
  returnChannel: 'counter',
  returnAddress: '',
};

/** Ids of the form's inputs; the API's field names map onto them for the error summary. */
export const FIELD_IDS = {
  procedureCode: 'thu-tuc',
  'applicant.fullName': 'ho-ten',
  'applicant.idNumber': 'so-can-cuoc',
  'applicant.phone': 'so-dien-thoai',
  'applicant.address': 'dia-chi',
  'fee.item': 'khoan-thu',
  'fee.pages': 'so-trang',
  'fee.copies': 'so-ban',
  'fee.quantity': 'so-luong',
  'fee.exemption': 'mien-phi',
  payment: 'thu-tien-mat',
  returnChannel: 'nhan-ket-qua-counter',
  returnAddress: 'dia-chi-nhan-ket-qua',
  reasons: 'ly-do',
} as const;

export const documentInputId = (group: 'nop' | 'bo-sung', id: string) => `giay-to-${group}-${id}`;

/** Field ids including the dynamic ones (first checkbox of each list) for a procedure. */
export function fieldIdsFor(procedure: ProcedureDetail | undefined): Record<string, string> {
  const first = procedure?.documents[0]?.id ?? '';
  return {
    ...FIELD_IDS,
    documentsReceived: documentInputId('nop', first),
    missingDocuments: documentInputId('bo-sung', first),
    fee: FIELD_IDS['fee.item'],
  };
}

/** How this procedure's result may be received: online only for a fully online (toàn trình) one, as the server. */
export function returnChannelsFor(procedure: ProcedureSummary): ReturnChannel[] {
  const all: ReturnChannel[] = ['counter', 'post', 'online'];
  return all.filter((channel) => channel !== 'online' || procedure.onlineLevel === 'toan_trinh');
}

/** Papers every applicant hands in: neither conditional nor only shown at the counter (as the server counts). */
export function requiredDocuments(procedure: ProcedureDetail): ProcedureDocument[] {
  return procedure.documents.filter((document) => !document.condition && !document.presentOnly);
}

/** Papers to ask for when the officer opens a supplement request: the required ones not ticked as received. */
export function unticked(procedure: ProcedureDetail, received: readonly string[]): string[] {
  return requiredDocuments(procedure)
    .filter((document) => !received.includes(document.id))
    .map((document) => document.id);
}

/** Fee inputs are needed only when the schedule has a choice or counts (per page, per copy or unit). */
export function feeInputsNeeded(procedure: ProcedureDetail): boolean {
  const { items, exemptions } = procedure.fees;
  return items.some((item) => item.kind !== 'fixed') || items.length > 1 || exemptions.length > 0;
}

/** The chosen fee item; a paying procedure starts on its first item (the usual case), a free one on none. */
export function selectedFeeItem(procedure: ProcedureDetail, fee: FeeValues): FeeItem | undefined {
  const { items, free } = procedure.fees;
  if (fee.item) return items.find((item) => item.id === fee.item);
  return free ? undefined : items[0];
}

const ID_NUMBER = /^\d{12}$/;
const PHONE = /^0\d{9}$/;

export const compactIdNumber = (value: string) => value.replace(/\s+/g, '');

function nationalPhone(value: string): string {
  return value.replace(/[\s.()-]/g, '').replace(/^\+?84(?=\d{9}$)/, '0');
}

function count(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= 10_000 ? value : null;
}

/** Reasons typed on one line, separated by semicolons. */
export function splitReasons(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((reason) => reason.trim())
    .filter(Boolean);
}

/** Checks the form as the server will, with the same polite messages; field name → message. */
export function validate(
  t: TFunction,
  procedure: ProcedureDetail | undefined,
  values: IntakeValues,
  outcome: IntakeOutcome,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const { applicant } = values;
  if (!procedure) problems.procedureCode = t('staff.intake.errors.procedure');
  if (applicant.fullName.trim().length < 2)
    problems['applicant.fullName'] = t('staff.intake.errors.fullName');
  if (!ID_NUMBER.test(compactIdNumber(applicant.idNumber)))
    problems['applicant.idNumber'] = t('staff.intake.errors.idNumber');
  if (!PHONE.test(nationalPhone(applicant.phone)))
    problems['applicant.phone'] = t('staff.intake.errors.phone');
  if (applicant.address.trim().length < 5) problems['applicant.address'] = t('staff.intake.errors.address');
  if (!procedure) return problems;

  if (outcome === 'receive') {
    const missing = requiredDocuments(procedure).filter((document) => !values.received.includes(document.id));
    if (missing.length > 0) {
      problems.documentsReceived = t('staff.intake.errors.incomplete', {
        names: missing.map((document) => document.name).join('; '),
      });
    } else if (values.received.length === 0) {
      problems.documentsReceived = t('staff.intake.errors.noDocuments');
    }
    const item = selectedFeeItem(procedure, values.fee);
    if (item?.kind === 'per_page') {
      if (count(values.fee.pages) === null) problems['fee.pages'] = t('staff.intake.errors.pages');
      if (count(values.fee.copies) === null) problems['fee.copies'] = t('staff.intake.errors.copies');
    }
    if (item?.kind === 'per_unit' && count(values.fee.quantity) === null)
      problems['fee.quantity'] = t('staff.intake.errors.quantity');
    const address = values.returnAddress.trim();
    if (values.returnChannel === 'post' && address && address.length < 5)
      problems.returnAddress = t('staff.intake.errors.returnAddress');
  } else if (outcome === 'request_supplement') {
    if (values.missing.length === 0) problems.missingDocuments = t('staff.intake.errors.missingDocuments');
    if (values.reason.trim().length < 3) problems.reasons = t('staff.intake.errors.supplementReason');
  } else if (splitReasons(values.reason).every((reason) => reason.length < 3)) {
    problems.reasons = t('staff.intake.errors.refuseReason');
  }
  return problems;
}

function feeBody(procedure: ProcedureDetail, fee: FeeValues): FeeInput | undefined {
  if (!feeInputsNeeded(procedure)) return undefined;
  const body: FeeInput = {};
  const item = selectedFeeItem(procedure, fee);
  if (item && procedure.fees.items.length > 1) body.item = item.id;
  else if (fee.item) body.item = fee.item;
  if (item?.kind === 'per_page') {
    body.pages = count(fee.pages) ?? undefined;
    body.copies = count(fee.copies) ?? undefined;
  }
  if (item?.kind === 'per_unit') body.quantity = count(fee.quantity) ?? undefined;
  if (fee.exemption) body.exemption = fee.exemption;
  return Object.keys(body).length > 0 ? body : undefined;
}

/** The request body for `POST /api/v1/dossiers`. */
export function intakeBody(
  procedure: ProcedureDetail,
  values: IntakeValues,
  outcome: IntakeOutcome,
): IntakeBody {
  const { applicant } = values;
  const body: IntakeBody = {
    procedureCode: procedure.code,
    applicant: {
      fullName: applicant.fullName.trim(),
      idNumber: compactIdNumber(applicant.idNumber),
      phone: applicant.phone.trim(),
      address: applicant.address.trim(),
    },
    documentsReceived: values.received,
    channel: 'counter',
    outcome,
  };
  if (outcome === 'receive') {
    const fee = feeBody(procedure, values.fee);
    if (fee) body.fee = fee;
    if (values.paidInCash) body.payment = { method: 'cash' };
    if (values.returnChannel !== 'counter') body.returnChannel = values.returnChannel;
    const address = values.returnAddress.trim();
    if (values.returnChannel === 'post' && address) body.returnAddress = address;
  } else if (outcome === 'request_supplement') {
    body.missingDocuments = values.missing;
    body.reasons = [values.reason.trim()];
  } else {
    body.reasons = splitReasons(values.reason);
  }
  return body;
}

/**
 * Procedures matching what was typed, without diacritics: every word must appear in the name, code or field.
 * Names containing the words side by side come first, then shorter names (the plain procedure before variants).
 */
export function searchProcedures(procedures: readonly ProcedureSummary[], query: string): ProcedureSummary[] {
  const needle = foldForSearch(query).replace(/\s+/g, ' ');
  if (!needle) return [...procedures];
  const words = needle.split(' ');
  return procedures
    .map((procedure) => {
      const name = foldForSearch(procedure.name);
      const haystack = `${name} ${procedure.code} ${foldForSearch(procedure.field)}`;
      if (!words.every((word) => haystack.includes(word))) return null;
      const rank = procedure.code.startsWith(needle) ? 0 : name.includes(needle) ? 1 : 2;
      return { procedure, rank, length: name.length };
    })
    .filter((match) => match !== null)
    .sort((a, b) => a.rank - b.rank || a.length - b.length)
    .map((match) => match.procedure);
}

/** "Trong ngày (nhận trước 15:00)" or "3 ngày làm việc". */
export function timeLimitText(t: TFunction, limit: TimeLimit): string {
  if (limit.kind === 'same_day') return t('staff.intake.sameDay', { cutoff: limit.cutoff });
  return t('staff.intake.workingDays', { days: String(limit.days).replace('.', ',') });
}
