/** Pure rules of the procedure catalogue: fees from the schedule, money in words, search keys. */
export { computeFee, FeeError } from './fees';
export type { FeeErrorCode, FeeInput, FeeLine, FeeResult } from './fees';
export { amountInWords, formatVnd, searchKey } from './words';
export type { AmountInWordsOptions } from './words';
