import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, webhookHeaders } from '../../src/modules/integrations/signing.ts';

/** The verification snippet exactly as docs/operations.md shows it, loaded as a module. */
const loadDocumentedSnippet = async () => {
  const doc = readFileSync(new URL('../../../../docs/operations.md', import.meta.url), 'utf8');
  const match = /<!-- webhook-verify-snippet -->\s*```js\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error('snippet not found in docs/operations.md');
  const file = join(mkdtempSync(join(tmpdir(), 'snippet-')), 'verify.mjs');
  writeFileSync(file, match[1]);
  return (await import(pathToFileURL(file).href)) as {
    verifyTesseraWebhook: (s: string, h: Record<string, string>, b: string, t?: number) => boolean;
  };
};

const body = JSON.stringify({ id: 'e1', type: 'lead.created', data: { leadId: 'x' } });
const now = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signatures', () => {
  it('verify with the documented snippet and with the standardwebhooks package', async () => {
    const { verifyTesseraWebhook } = await loadDocumentedSnippet();
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders([secret], 'msg_1', now(), body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifyTesseraWebhook(secret, headers, body)).toBe(true);
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();

    // Tampered body, other secret, old timestamp: refused by both.
    const other = newWebhookSecret();
    expect(verifyTesseraWebhook(secret, headers, `${body} `)).toBe(false);
    expect(verifyTesseraWebhook(other, headers, body)).toBe(false);
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
    const stale = webhookHeaders([secret], 'msg_1', now() - 301, body);
    expect(verifyTesseraWebhook(secret, stale, body)).toBe(false);
    expect(() => new Webhook(secret).verify(body, stale)).toThrow();
  });

  it('during a rotation both secrets verify (two space-separated signatures)', async () => {
    const { verifyTesseraWebhook } = await loadDocumentedSnippet();
    const [next, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders([next, previous], 'msg_2', now(), body);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const s of [next, previous]) {
      expect(verifyTesseraWebhook(s, headers, body)).toBe(true);
      expect(() => new Webhook(s).verify(body, headers)).not.toThrow();
    }
  });
});
