/**
 * Messages to the applicant of a dossier at each status change, in Vietnamese. Pure functions: the caller
 * renders one for the channel the citizen chose and enqueues it in the transaction of the change.
 *
 * Each notice has a short text (one sentence or two, the whole SMS) and details (procedure, documents,
 * reasons) that Zalo and e-mail add. SMS is sent without diacritics to fit one 160-character segment (see
 * SMS_MAX_LENGTH); the link to the tracking page is added only when it still fits.
 */
import { formatVn } from '../calendar/holidays';
import { SMS_MAX_LENGTH, toSmsText, type Channel } from './rules';

export interface DossierNoticeContext {
  /** The ward's registered name: 'Phường Thành Đông'. */
  wardName: string;
  dossierCode: string;
  procedureName: string;
  /** The dossier's public tracking page (PUBLIC_URL + '/tra-cuu/' + code), when the public address is known. */
  trackingUrl?: string;
  /** The applicant's page of the dossier on the portal, where they download a result returned online. */
  accountUrl?: string;
}

/** How the result is handed over (the dossier's return channel). */
export type ResultDelivery = 'counter' | 'post' | 'online';

export type DossierNotice =
  | { kind: 'submitted' }
  | { kind: 'received'; dueDate: string }
  | { kind: 'supplement_requested'; documents: readonly string[]; reason: string }
  | { kind: 'supplement_sent' }
  | { kind: 'result_ready'; delivery: ResultDelivery }
  | { kind: 'return_changed'; delivery: ResultDelivery }
  | { kind: 'returned'; returnedOn: string; online?: boolean }
  | { kind: 'late_apology'; newDate: string; reason: string }
  | { kind: 'refused'; reasons: readonly string[] }
  | { kind: 'payment_requested'; amount: string }
  | { kind: 'stopped'; reason: string }
  | { kind: 'withdrawn' };

export type DossierNoticeKind = DossierNotice['kind'];

export interface RenderedMessage {
  templateKey: string;
  subject: string;
  body: string;
}

interface Parts {
  subject: string;
  short: string;
  details: string[];
}

const CENTRE = 'Trung tâm Phục vụ hành chính công';

const RESULT_DELIVERY: Record<ResultDelivery, string> = {
  counter: `Mời ông/bà đến nhận tại ${CENTRE}, mang theo giấy tiếp nhận.`,
  post: 'Kết quả sẽ được gửi qua bưu chính đến địa chỉ ông/bà đã đăng ký.',
  online: 'Mời ông/bà đăng nhập mục Hồ sơ của tôi để tải bản điện tử của kết quả.',
};

/** The way the result will come, short enough for one SMS segment with the code. */
const RETURN_CHANGED: Record<ResultDelivery, string> = {
  counter: 'nhận tại Trung tâm Phục vụ HCC',
  post: 'gửi qua bưu chính đến địa chỉ đã đăng ký',
  online: 'tải bản điện tử tại mục Hồ sơ của tôi',
};

function list(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function partsOf(context: DossierNoticeContext, notice: DossierNotice): Parts {
  const code = context.dossierCode;
  const download = context.accountUrl ? [`Tải kết quả: ${context.accountUrl}`] : [];
  switch (notice.kind) {
    case 'submitted':
      return {
        subject: `Đã nhận hồ sơ ${code} nộp trực tuyến`,
        short: `Đã nhận hồ sơ ${code} nộp trực tuyến. Cán bộ sẽ kiểm tra và báo ông/bà kết quả tiếp nhận.`,
        details: [],
      };
    case 'received':
      return {
        subject: `Hồ sơ ${code} đã được tiếp nhận`,
        short: `Đã tiếp nhận hồ sơ ${code}, hẹn trả kết quả ngày ${formatVn(notice.dueDate)}.`,
        details: [],
      };
    case 'supplement_requested':
      return {
        subject: `Hồ sơ ${code} cần bổ sung giấy tờ`,
        short: `Hồ sơ ${code} cần bổ sung giấy tờ; thời hạn giải quyết tạm dừng đến khi ông/bà nộp đủ.`,
        details: [
          ...(notice.documents.length > 0 ? [`Giấy tờ cần bổ sung:\n${list(notice.documents)}`] : []),
          `Lý do: ${notice.reason}`,
        ],
      };
    case 'supplement_sent':
      return {
        subject: `Đã nhận giấy tờ bổ sung của hồ sơ ${code}`,
        short: `Đã nhận giấy tờ bổ sung của hồ sơ ${code}. Cán bộ sẽ kiểm tra và báo ông/bà ngày hẹn trả kết quả mới.`,
        details: [],
      };
    case 'result_ready':
      return {
        subject: `Hồ sơ ${code} đã có kết quả`,
        short: `Hồ sơ ${code} đã có kết quả. ${RESULT_DELIVERY[notice.delivery]}`,
        details: notice.delivery === 'online' ? download : [],
      };
    case 'return_changed':
      return {
        subject: `Đã đổi cách nhận kết quả hồ sơ ${code}`,
        short: `Đã đổi cách nhận kết quả hồ sơ ${code}: ${RETURN_CHANGED[notice.delivery]}.`,
        details: [],
      };
    case 'returned':
      return {
        subject: `Hồ sơ ${code} đã trả kết quả`,
        short: notice.online
          ? `Hồ sơ ${code} đã trả kết quả trực tuyến ngày ${formatVn(notice.returnedOn)}. ${RESULT_DELIVERY.online}`
          : `Hồ sơ ${code} đã trả kết quả ngày ${formatVn(notice.returnedOn)}. Cảm ơn ông/bà.`,
        details: notice.online ? download : [],
      };
    case 'late_apology':
      return {
        subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
        short: `Xin lỗi ông/bà vì hồ sơ ${code} chậm trả kết quả. Ngày hẹn mới: ${formatVn(notice.newDate)}.`,
        details: [`Lý do chậm: ${notice.reason}`],
      };
    case 'refused':
      return {
        subject: `Hồ sơ ${code} không được tiếp nhận`,
        short: `Hồ sơ ${code} không được tiếp nhận. Lý do ghi trong phiếu từ chối tiếp nhận.`,
        details: [`Lý do:\n${list(notice.reasons)}`],
      };
    case 'payment_requested':
      return {
        subject: `Hồ sơ ${code} cần nộp phí, lệ phí`,
        short: `Hồ sơ ${code} cần nộp phí, lệ phí ${notice.amount}. Ông/bà có thể nộp trực tuyến hoặc tại phường.`,
        details: [],
      };
    case 'stopped':
      return {
        subject: `Hồ sơ ${code} bị dừng giải quyết`,
        short: `Hồ sơ ${code} bị dừng giải quyết. Lý do ghi trong văn bản gửi ông/bà.`,
        details: [`Lý do: ${notice.reason}`],
      };
    case 'withdrawn':
      return {
        subject: `Hồ sơ ${code} đã được rút`,
        short: `Hồ sơ ${code} đã được rút theo yêu cầu của ông/bà.`,
        details: [],
      };
  }
}

/** 'Phường Thành Đông' → 'UBND phường Thành Đông'. */
function sender(wardName: string): string {
  return `UBND ${wardName.charAt(0).toLowerCase()}${wardName.slice(1)}`;
}

/**
 * The SMS of the ward's message `short`: signed by the ward, without diacritics, one segment; the link added only
 * when it still fits.
 */
export function smsBody(context: { wardName: string; trackingUrl?: string }, short: string): string {
  const text = toSmsText(`${sender(context.wardName)}: ${short}`);
  const withLink = context.trackingUrl ? `${text} Tra cuu: ${context.trackingUrl}` : text;
  if (withLink.length <= SMS_MAX_LENGTH) return withLink;
  // Only an unusually long ward name gets here: cut rather than pay for a second segment.
  return text.length <= SMS_MAX_LENGTH ? text : `${text.slice(0, SMS_MAX_LENGTH - 3)}...`;
}

/** The message for one notice on one channel; templateKey is 'dossier.<kind>' whatever the channel. */
export function dossierMessage(
  channel: Channel,
  context: DossierNoticeContext,
  notice: DossierNotice,
): RenderedMessage {
  const parts = partsOf(context, notice);
  const templateKey = `dossier.${notice.kind}`;
  if (channel === 'sms') return { templateKey, subject: parts.subject, body: smsBody(context, parts.short) };
  const from = sender(context.wardName);
  const lines = [
    parts.short,
    `Thủ tục: ${context.procedureName}.`,
    ...parts.details,
    ...(context.trackingUrl ? [`Tra cứu hồ sơ: ${context.trackingUrl}`] : []),
  ];
  if (channel === 'zalo')
    return { templateKey, subject: parts.subject, body: [`${from}:`, ...lines].join('\n') };
  const closing = [`Trân trọng,\n${from}`, 'Thư này được gửi tự động; xin vui lòng không trả lời thư.'];
  return {
    templateKey,
    subject: parts.subject,
    body: ['Kính gửi ông/bà,', ...lines, ...closing].join('\n\n'),
  };
}
