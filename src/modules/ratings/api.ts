/** What other modules may ask of ratings: the addresses of the rating pages (a dossier's QR code, a counter's tablet). */
import { kioskKey, ratingToken } from './token';

/** The rating page of a dossier, from the site's root: `/danh-gia/<code>?t=<token>`. */
export function ratingPath(code: string, secret: string): string {
  return `/danh-gia/${code}?t=${ratingToken(secret, code)}`;
}

/**
 * The address to print and encode in the QR code of a receipt or result: `origin` is the site's origin as the
 * citizen reaches it (platform/http/html `siteOrigin`), `secret` is `Config.ratingSecret`.
 */
export function ratingUrl(origin: string, code: string, secret: string): string {
  return `${origin}${ratingPath(code, secret)}`;
}

/** The page a counter's tablet keeps open: `/quay/<counter>/danh-gia?k=<key>`. */
export function kioskPath(counterId: string, secret: string): string {
  return `/quay/${counterId}/danh-gia?k=${kioskKey(secret, counterId)}`;
}
