/** Limits and header names shared by the API and its clients. */
export const API_PREFIX = '/api';
export const API_V1 = '/api/v1';
export const REQUEST_ID_HEADER = 'x-request-id';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
export const IDEMPOTENCY_TTL_HOURS = 24;

export const LIST_LIMIT_DEFAULT = 25;
export const LIST_LIMIT_MAX = 100;
