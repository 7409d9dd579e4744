/** Messages to citizens: channels, delivery statuses, the retry schedule, recipients and SMS text. Pure. */
import { maskPhone, normalisePhone } from '../people/rules';

export const CHANNELS = ['sms', 'zalo', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'Tin nhắn SMS',
  zalo: 'Zalo',
  email: 'Thư điện tử',
};

export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi không thành công',
};

/** Sends tried before a message is marked failed (and shown to staff, who may send it again). */
export const MAX_ATTEMPTS = 3;

/**
 * How long a claimed message belongs to its worker. A worker that died mid-send leaves the message 'sending';
 * once the lease ends another worker takes it over. It must outlast the slowest send (the SMTP timeouts of
 * the e-mail adapter add up to two minutes).
 */
export const SEND_LEASE_MS = 5 * 60_000;

const MINUTE_MS = 60_000;

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/**
 * What follows the failure of attempt `attempts` (1-based): a retry after 1 minute, then 5 minutes (25, 125…
 * were MAX_ATTEMPTS raised), and after the last attempt the final 'failed'.
 */
export function afterFailure(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + MINUTE_MS * 5 ** (attempts - 1)) };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The recipient as stored ('0912 345 678' → '0912345678'; e-mail trimmed), or null when it is not one. */
export function normaliseRecipient(channel: Channel, value: string): string | null {
  if (channel === 'email') {
    const address = value.trim();
    return EMAIL.test(address) && address.length <= 254 ? address : null;
  }
  return normalisePhone(value);
}

/** 'nguyenvana@gmail.com' → 'ng***@gmail.com'; a phone as maskPhone does it ('0912***678'). */
export function maskRecipient(channel: Channel, value: string): string {
  if (channel !== 'email') return maskPhone(value);
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  return `${local.slice(0, local.length > 3 ? 2 : 1)}***${value.slice(at)}`;
}

const ERROR_MAX_LENGTH = 500;

/**
 * A provider's error as staff may read it and a log may hold it: the recipient (an SMTP server names the
 * address it refused; an SMS gateway the number, also as 84…) replaced by its mask, the text cut short.
 */
export function scrubError(text: string, channel: Channel, recipient: string): string {
  const forms = channel === 'email' ? [recipient] : [recipient, recipient.replace(/^0/, '84')];
  const pattern = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return text.replace(pattern, maskRecipient(channel, recipient)).slice(0, ERROR_MAX_LENGTH);
}

/**
 * One SMS segment: 160 characters of the GSM 7-bit alphabet. A single Vietnamese letter with a diacritic would
 * switch the whole message to UCS-2 and 70 characters a segment, so SMS text is written without diacritics, as
 * Vietnamese brand-name SMS customarily is; Zalo and e-mail keep full diacritics.
 */
export const SMS_MAX_LENGTH = 160;

const ASCII_PUNCTUATION: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
};

/** 'Hẹn trả kết quả – Đồng' → 'Hen tra ket qua - Dong': printable ASCII only. */
export function toSmsText(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[–—‘’“”…]/g, (c) => ASCII_PUNCTUATION[c] ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
