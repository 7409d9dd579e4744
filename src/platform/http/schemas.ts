import { z } from 'zod';

/** Official 5-digit code of a commune-level unit (Decision 19/2025/QĐ-TTg). */
export const WARD_CODE = z.string().regex(/^\d{5}$/, 'Mã phường, xã gồm 5 chữ số');
