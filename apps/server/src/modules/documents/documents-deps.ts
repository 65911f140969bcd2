import type { Database } from '../../platform/db/index.ts';
import type { LinkSigner } from './signed-links.ts';
import type { BlobStore } from './storage/index.ts';

/** What the documents module needs from the application (made in app.ts from the configuration). */
export interface DocumentsDeps {
  database: Database;
  store: BlobStore;
  signer: LinkSigner;
  /** Largest accepted file (DOCUMENTS_MAX_BYTES). */
  maxBytes: number;
  /** Lifetime of a signed download link (DOCUMENT_LINK_TTL_SECONDS). */
  linkTtlSeconds: number;
  /** Where uploads wait while they arrive (DATA_DIR/tmp/uploads). */
  tmpDir: string;
  /** Now, in ms (tests move it to check link expiry). */
  now?: () => number;
}
