export { type CookieTokens, clearSessionCookies, readCookie, setSessionCookies } from './cookies.ts';
export { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
export { createSecretBox, type SecretBox } from './secret-box.ts';
export { NEVER_EXPIRES, type RecordLink, signRecordLink, verifyRecordLink } from './signed-link.ts';
export {
  type AccessClaims,
  hmac,
  prepareTokenKey,
  randomToken,
  safeEqual,
  sha256,
  signAccessToken,
  verifyAccessToken,
} from './tokens.ts';
export { currentTotp, newTotpSecret, totpStep, totpUri, verifyTotp } from './totp.ts';
