/**
 * Supplement requests (Mẫu 02): only papers of the procedure's published list, all of them in one notice, once
 * per dossier. A second request needs the department head's approval and is recorded as a breach of the ward's
 * commitment, so that it is counted.
 */
import { BASIS } from './basis';

export type SupplementIssueCode = 'EMPTY_REQUEST' | 'OUTSIDE_PROCEDURE' | 'SECOND_REQUEST_NOT_APPROVED';

export interface RuleIssue<C extends string> {
  code: C;
  message: string;
  documentIds?: string[];
}

export interface SupplementCheck {
  ok: boolean;
  errors: RuleIssue<SupplementIssueCode>[];
  /** A second (or later) request, allowed with approval: record it and count it. */
  breach: boolean;
  basis: string[];
}

export function checkSupplementRequest(input: {
  procedureDocumentIds: readonly string[];
  requestedDocumentIds: readonly string[];
  previousSupplementRequests: number;
  headApproval: boolean;
}): SupplementCheck {
  const previous = input.previousSupplementRequests;
  if (!Number.isInteger(previous) || previous < 0)
    throw new RangeError(`Số lần đã yêu cầu bổ sung không hợp lệ: ${previous}`);
  const errors: RuleIssue<SupplementIssueCode>[] = [];
  const requested = [...new Set(input.requestedDocumentIds)];
  if (requested.length === 0) {
    errors.push({
      code: 'EMPTY_REQUEST',
      message: 'Phiếu yêu cầu bổ sung phải nêu đầy đủ các giấy tờ cần bổ sung, hoàn thiện trong một lần',
    });
  }
  const outside = requested.filter((id) => !input.procedureDocumentIds.includes(id));
  if (outside.length > 0) {
    errors.push({
      code: 'OUTSIDE_PROCEDURE',
      message: `Không được yêu cầu giấy tờ ngoài thành phần hồ sơ của thủ tục: ${outside.join(', ')}`,
      documentIds: outside,
    });
  }
  const repeated = previous > 0;
  if (repeated && !input.headApproval) {
    errors.push({
      code: 'SECOND_REQUEST_NOT_APPROVED',
      message: `Hồ sơ đã được yêu cầu bổ sung ${previous} lần; yêu cầu bổ sung lần nữa phải được lãnh đạo phòng, ban phê duyệt`,
    });
  }
  const basis = [BASIS.noExtraPapers, BASIS.supplementOnce, BASIS.seedPlan];
  return { ok: errors.length === 0, errors, breach: errors.length === 0 && repeated, basis };
}
