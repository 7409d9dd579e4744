/** The citizen's choice of channels, as the portal takes it (online filing, account): one or more, e-mail checked. */
import { z } from 'zod';
import { CHANNELS, normaliseRecipient } from './rules';

const CHANNELS_MESSAGE = 'Xin vui lòng chọn ít nhất một cách nhận thông báo.';
const EMAIL_MESSAGE = 'Xin vui lòng nhập địa chỉ thư điện tử, ví dụ ten@example.com.';

/** Each channel once, in the order of CHANNELS; the e-mail address kept only when e-mail is chosen. */
export const NOTIFY_CHOICE = z
  .strictObject({
    channels: z.array(z.enum(CHANNELS, CHANNELS_MESSAGE), CHANNELS_MESSAGE).min(1, CHANNELS_MESSAGE).max(3),
    email: z.string().trim().max(254).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.channels.includes('email') && !normaliseRecipient('email', v.email ?? ''))
      ctx.addIssue({ code: 'custom', path: ['email'], message: EMAIL_MESSAGE });
  })
  .transform(({ channels, email }) => {
    const chosen = CHANNELS.filter((c) => channels.includes(c));
    return chosen.includes('email') ? { channels: chosen, email } : { channels: chosen };
  });

export type NotifyChoice = z.infer<typeof NOTIFY_CHOICE>;
