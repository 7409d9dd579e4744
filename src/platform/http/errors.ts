/** One error taxonomy for the whole API: a stable code, an HTTP status and a Vietnamese message safe to show. */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 400,
    message: 'Thông tin gửi lên chưa hợp lệ. Xin vui lòng kiểm tra các trường được đánh dấu.',
  },
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  UNAUTHENTICATED: { status: 401, message: 'Xin vui lòng đăng nhập để tiếp tục.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  INVALID_TOTP: { status: 401, message: 'Mã xác thực không đúng hoặc đã hết hạn.' },
  OTP_INVALID: { status: 401, message: 'Mã xác thực không đúng hoặc đã hết hạn.' },
  OTP_EXHAUSTED: {
    status: 429,
    message: 'Mã xác thực đã bị nhập sai quá nhiều lần. Xin vui lòng yêu cầu mã mới.',
  },
  CSRF_FAILED: {
    status: 403,
    message: 'Phiên làm việc không hợp lệ. Xin vui lòng tải lại trang và thử lại.',
  },
  FORBIDDEN: { status: 403, message: 'Xin lỗi, tài khoản của bạn không có quyền thực hiện thao tác này.' },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    message: 'Xin vui lòng thiết lập xác thực hai bước trước khi tiếp tục.',
  },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy nội dung yêu cầu.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức không được hỗ trợ.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã thay đổi hoặc đã tồn tại.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên quá lớn.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng dữ liệu không được hỗ trợ; xin gửi JSON.' },
  DOCUMENT_NOT_IN_PROCEDURE: {
    status: 422,
    message: 'Có giấy tờ không nằm trong thành phần hồ sơ của thủ tục.',
  },
  DOSSIER_INCOMPLETE: { status: 422, message: 'Hồ sơ chưa đủ thành phần theo quy định của thủ tục.' },
  FEE_INVALID: { status: 422, message: 'Khoản thu không có trong biểu phí, lệ phí của thủ tục.' },
  RULE_VIOLATION: { status: 422, message: 'Thao tác trái quy định.' },
  SUPPLEMENT_APPROVAL_REQUIRED: {
    status: 422,
    message: 'Yêu cầu bổ sung hồ sơ lần nữa phải được trưởng phòng, ban chuyên môn phê duyệt.',
  },
  LATE_TWICE: {
    status: 422,
    message: 'Hồ sơ đã được xin lỗi và hẹn lại một lần; không được hẹn lại lần thứ hai.',
  },
  INVALID_TRANSITION: {
    status: 409,
    message: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
  },
  RATING_LINK_INVALID: {
    status: 403,
    message:
      'Đường dẫn đánh giá không đúng hoặc không dành cho hồ sơ này. Xin Ông/Bà quét lại mã QR in trên giấy tờ của hồ sơ.',
  },
  ALREADY_RATED: { status: 409, message: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: 'Tài khoản tạm khóa do nhập sai nhiều lần. Xin vui lòng thử lại sau 15 phút.',
  },
  PAYMENT_UNAVAILABLE: {
    status: 503,
    message: 'Chưa có cổng thanh toán trực tuyến. Xin vui lòng nộp phí bằng mã VietQR hoặc tại quầy.',
  },
  RATE_LIMITED: { status: 429, message: 'Bạn thao tác quá nhanh. Xin vui lòng đợi một lát rồi thử lại.' },
  INTERNAL: { status: 500, message: 'Xin lỗi, hệ thống gặp sự cố. Xin vui lòng thử lại sau.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
  }
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export function envelope(code: ErrorCode, message?: string, fields?: Record<string, string>): ErrorEnvelope {
  return { error: { code, message: message ?? ERROR_CODES[code].message, ...(fields ? { fields } : {}) } };
}
