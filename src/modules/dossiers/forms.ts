/**
 * Standard one-stop forms, versioned (vn-rules §2.1): Thông tư 01/2018/TT-VPCP until 30/06/2025, Thông tư
 * 03/2025/TT-VPCP from 01/07/2025. A dossier keeps the forms of the regime in force on the day it was received.
 */
import { formatVn } from '../../platform/calendar/holidays';
import { addDays, type IsoDate } from '../../platform/calendar/rules';
import { NEW_ONE_STOP_FROM } from './basis';

export type FormKey = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stop' | 'control' | 'register';
export type FormNo = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface FormVersion {
  key: FormKey;
  formNo: FormNo;
  name: string;
  basis: string;
  /** null: in force before any date this table knows (the start date of Thông tư 01/2018 is not encoded). */
  effectiveFrom: IsoDate | null;
  effectiveTo: IsoDate | null;
  confidence: 'secondary' | 'unconfirmed';
}

const OLD_TO: IsoDate = addDays(NEW_ONE_STOP_FROM, -1);
const old = (
  key: FormKey,
  formNo: FormNo,
  name: string,
  confidence: FormVersion['confidence'],
): FormVersion => ({
  key,
  formNo,
  name,
  basis: `Thông tư 01/2018/TT-VPCP, Mẫu 0${formNo}`,
  effectiveFrom: null,
  effectiveTo: OLD_TO,
  confidence,
});
const current = (key: FormKey, formNo: FormNo, name: string): FormVersion => ({
  key,
  formNo,
  name,
  basis: `Thông tư 03/2025/TT-VPCP, Mẫu 0${formNo}`,
  effectiveFrom: NEW_ONE_STOP_FROM,
  effectiveTo: null,
  confidence: 'secondary',
});

const RECEIPT = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';
const SUPPLEMENT = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';
const REFUSAL = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';
const CONTROL = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';
const REGISTER = 'Sổ theo dõi hồ sơ';

export const FORM_NAMES: readonly FormVersion[] = [
  old('receipt', 1, RECEIPT, 'secondary'),
  old('supplement', 2, SUPPLEMENT, 'secondary'),
  old('refusal', 3, REFUSAL, 'secondary'),
  // The 01/2018 numbering of Mẫu 04–06 is best knowledge (vn-rules §2.1).
  old('apology', 4, 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', 'unconfirmed'),
  old('control', 5, CONTROL, 'unconfirmed'),
  old('register', 6, REGISTER, 'unconfirmed'),
  current('receipt', 1, RECEIPT),
  current('supplement', 2, SUPPLEMENT),
  current('refusal', 3, REFUSAL),
  current('apology', 4, 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết'),
  current('stop', 5, 'Thông báo dừng giải quyết hồ sơ'),
  current('control', 6, CONTROL),
  current('register', 7, REGISTER),
];

const inForce = (f: FormVersion, on: IsoDate): boolean =>
  (f.effectiveFrom === null || f.effectiveFrom <= on) && (f.effectiveTo === null || on <= f.effectiveTo);

/** The form with this number for a dossier received on `receivedOn`; RangeError if that number did not exist. */
export function formOn(formNo: FormNo, receivedOn: IsoDate): FormVersion {
  addDays(receivedOn, 0); // validates the date
  const form = FORM_NAMES.find((f) => f.formNo === formNo && inForce(f, receivedOn));
  if (!form) throw new RangeError(`Không có Mẫu 0${formNo} cho hồ sơ tiếp nhận ngày ${formatVn(receivedOn)}`);
  return form;
}

export function formNameOn(formNo: FormNo, receivedOn: IsoDate): string {
  return formOn(formNo, receivedOn).name;
}

/** The form serving a purpose for a dossier received on `receivedOn`, or null (no stop notice before 07/2025). */
export function formFor(key: FormKey, receivedOn: IsoDate): FormVersion | null {
  addDays(receivedOn, 0);
  return FORM_NAMES.find((f) => f.key === key && inForce(f, receivedOn)) ?? null;
}

/** The forms the applicant was given, by the steps taken: a printed PDF of each they may download. */
export type ApplicantForm = 'receipt' | 'supplement' | 'refusal' | 'apology';

const GIVEN_BY: Record<ApplicantForm, string> = {
  receipt: 'receive',
  supplement: 'request_supplement',
  refusal: 'refuse',
  apology: 'apology',
};

export function applicantForms(events: readonly { action: string }[]): ApplicantForm[] {
  return (Object.keys(GIVEN_BY) as ApplicantForm[]).filter((form) =>
    events.some((event) => event.action === GIVEN_BY[form]),
  );
}
