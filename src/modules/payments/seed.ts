import type { Db } from '../../platform/db/connect';
import { insertAccount } from './store';

/**
 * Thành Đông's collecting account for demonstrations only: a real bank's BIN (VietinBank, 970415) so that bank
 * apps read the code, but an account number that is not the ward's. The ward enters its real account instead.
 */
export async function seedDemoPaymentAccounts(db: Db): Promise<void> {
  await insertAccount(db, {
    wardCode: '10507',
    bankBin: '970415',
    bankName: 'VietinBank (tài khoản thử nghiệm)',
    accountNumber: '999910507000',
    accountName: 'UBND PHUONG THANH DONG - TAI KHOAN THU NGHIEM',
    demo: true,
  });
}
