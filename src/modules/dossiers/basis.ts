/**
 * Legal bases quoted by the dossier rules. "(chưa xác nhận)" marks rules known only from secondary sources or
 * best knowledge (vn-rules Appendix B): keep them visible to the officer until checked against the primary text.
 */
import type { IsoDate } from '../../platform/calendar/rules';

/** Decree 118/2025 replaced Decree 61/2018 on this date (vn-rules §0). */
export const NEW_ONE_STOP_FROM: IsoDate = '2025-07-01';

export const BASIS = {
  oneStop: 'Nghị định 118/2025/NĐ-CP (cơ chế một cửa, một cửa liên thông)',
  oneStopOld: 'Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP)',
  statusCodes: 'Mã trạng thái hồ sơ đồng bộ với Cổng Dịch vụ công quốc gia (nguồn thứ cấp)',
  dossierCode:
    'Mã hồ sơ gồm mã định danh cơ quan, ngày tiếp nhận và số thứ tự (Nghị định 61/2018/NĐ-CP; định dạng yymmdd-0001 chưa xác nhận)',
  supplementOnce:
    'Nghị định 61/2018/NĐ-CP: chỉ yêu cầu bổ sung, hoàn thiện hồ sơ một lần, nêu đầy đủ nội dung trong một phiếu (chưa xác nhận)',
  noExtraPapers:
    'Nghị định 61/2018/NĐ-CP: không yêu cầu giấy tờ ngoài thành phần hồ sơ của thủ tục đã công bố (chưa xác nhận)',
  seedPlan:
    'Kế hoạch “Chính quyền thân thiện” của phường: “không để tình trạng hồ sơ bị trả lại, yêu cầu bổ sung”',
  clock:
    'Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ; dừng trong thời gian công dân bổ sung, thời gian đã giải quyết được tính vào thời hạn (Nghị định 61/2018/NĐ-CP, chưa xác nhận)',
  apologyTiming:
    'Nghị định 61/2018/NĐ-CP: xin lỗi bằng văn bản chậm nhất 01 ngày làm việc trước ngày hết hạn (chưa xác nhận)',
  reappointOnce: 'Nghị định 61/2018/NĐ-CP: chỉ hẹn lại ngày trả kết quả một lần (chưa xác nhận)',
  controlSheet: 'Phiếu kiểm soát quá trình giải quyết hồ sơ: Trước hạn / Đúng hạn / Quá hạn',
} as const;

/** The one-stop decree that governs a dossier: the one in force on the day it was received. */
export function oneStopBasisOn(receivedOn: IsoDate): string {
  return receivedOn < NEW_ONE_STOP_FROM ? BASIS.oneStopOld : BASIS.oneStop;
}
