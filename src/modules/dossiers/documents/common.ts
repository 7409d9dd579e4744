/** Pieces shared by the one-stop forms (Mẫu 01–04, control sheet, register). */
import { formatVn } from '../../../platform/documents/dates';
import { field, printable, type Agency, type Content } from '../../../platform/documents/pdf';
import { AppError } from '../../../platform/http/errors';
import { maskPhone } from '../../../platform/people/rules';
import type { Procedure } from '../../procedures/catalogue';
import { formFor, type FormKey } from '../rules';
import type { DossierRow, EventRow, ProcedureDocument, WardHeading } from './data';

/** The unit that receives dossiers and returns results (the one-stop desk of the ward). */
export const ONE_STOP_UNIT = 'Trung tâm Phục vụ hành chính công';

/** Everything a form of one dossier is built from. */
export interface FormInput {
  ward: WardHeading;
  dossier: DossierRow;
  events: readonly EventRow[];
  /** The procedure in the version the dossier was received under; undefined if it was removed since. */
  procedure?: Procedure;
  /** The reader may see applicants' phone numbers (dossiers.personal.read); else they are masked. */
  unmasked: boolean;
  /** Absolute URL of the public tracking page of the dossier. */
  trackingUrl: string;
}

/** The one-stop desk under the ward's People's Committee: the issuer of Mẫu 01–03 and the control sheet. */
export function oneStopAgency(ward: WardHeading): Agency {
  return { parent: `UBND ${ward.name}`, name: 'Trung tâm Phục vụ\nhành chính công' };
}

/** The ward's People's Committee: the issuer of the apology. */
export function wardAgency(ward: WardHeading): Agency {
  return { name: `Ủy ban nhân dân\n${ward.name}` };
}

export function phoneOf(phone: string, unmasked: boolean): string {
  return unmasked ? phone : maskPhone(phone);
}

/** Applicant and requested matter, as every form opens with them. */
export function applicantFields(input: FormInput): Content[] {
  const { dossier } = input;
  return [
    field('Ông/bà', printable(dossier.applicantName)),
    field('Địa chỉ', printable(dossier.applicantAddress)),
    field('Số điện thoại', phoneOf(dossier.applicantPhone, input.unmasked)),
    field('Nội dung yêu cầu giải quyết', printable(dossier.procedureName)),
  ];
}

export function documentOf(procedure: Procedure | undefined, id: string): ProcedureDocument {
  return procedure?.documents.find((d) => d.id === id) ?? { id, name: id, originals: 0, copies: 0 };
}

/** '1' → '01': counts of papers as forms print them. */
export function count(n: number): string {
  return n === 0 ? '' : String(n).padStart(2, '0');
}

/** The form's legal model at the foot of the page: the version in force on the dossier's receipt day. */
export function formBasis(key: FormKey, receiptDay: string): string {
  const form = formFor(key, receiptDay);
  return form ? `${form.basis} (${form.name})` : '';
}

/** The form's name in force on the dossier's receipt day. */
export function formName(key: FormKey, receiptDay: string, fallback: string): string {
  return formFor(key, receiptDay)?.name ?? fallback;
}

export function latestEvent(events: readonly EventRow[], ...actions: string[]): EventRow | undefined {
  return [...events].reverse().find((e) => actions.includes(e.action));
}

export function notFound(message: string): AppError {
  return new AppError('NOT_FOUND', message);
}

export const stringArray = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export const stringOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() !== '' ? value : fallback;

export function dayOrDash(day: string | null | undefined): string {
  return day ? formatVn(day) : '—';
}

/** Numbered paragraphs "1. …", "2. …". */
export function numbered(items: Content[]): Content {
  return {
    stack: items.map((item, i) => ({
      columns: [
        { width: 18, text: `${i + 1}.` },
        { width: '*', stack: [item] },
      ],
      margin: [0, 0, 0, 3],
    })),
  };
}
