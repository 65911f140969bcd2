import { API_PREFIX } from '@tessera/contracts';

/** Interactive API reference served by the server (a real page load, not a client route). */
export const API_DOCS_URL = `${API_PREFIX}/docs`;
export const HEALTH_PATH = `${API_PREFIX}/health`;
