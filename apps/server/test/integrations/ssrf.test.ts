import { describe, expect, it } from 'vitest';
import { safePost } from '../../src/modules/integrations/safe-post.ts';
import { checkTargetUrl, isPublicAddress, resolvePublic } from '../../src/modules/integrations/ssrf-guard.ts';

// Every one of these must be refused before a connection is made (WEBHOOKS_ALLOW_PRIVATE off).
const HOSTILE = [
  'http://127.0.0.1/',
  'http://127.1.2.3:8080/x',
  'http://localhost/',
  'http://api.localhost/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://0.0.0.0/',
  'http://0/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://172.31.255.255/',
  'http://192.168.1.1/',
  'http://100.64.0.1/', // CGNAT
  'http://100.127.255.254/',
  'http://169.254.169.254/latest/meta-data/', // cloud metadata
  'http://169.254.1.1/',
  'http://224.0.0.1/', // multicast
  'http://239.255.255.250/',
  'http://255.255.255.255/',
  'http://240.0.0.1/',
  'http://2130706433/', // decimal 127.0.0.1
  'http://0177.0.0.1/', // octal
  'http://0x7f.0x0.0x0.0x1/', // hex
  'http://0x7f.1/',
  'http://017700000001/', // octal integer
  'http://0xa9fea9fe/', // hex 169.254.169.254
  'http://[::1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[fd00:ec2::254]/', // AWS IPv6 metadata
  'http://[fc00::1]/',
  'http://[fe80::1]/',
  'http://[ff02::1]/',
  'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
  'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
  'http://[::127.0.0.1]/', // IPv4-compatible
  'http://user:pass@example.com/',
  'ftp://example.com/',
  'file:///etc/passwd',
  'gopher://127.0.0.1:6379/_INFO',
];

describe('SSRF guard', () => {
  it(`refuses all ${HOSTILE.length} hostile URLs before connecting`, async () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
    const results = await Promise.all(
      HOSTILE.map(async (url) => [url, await safePost(url, '{}', {}, { allowPrivate: false })] as const),
    );
    for (const [url, r] of results) {
      expect.soft(r.status, url).toBeNull();
      expect.soft(r.error, url).toMatch(/^refused: /);
    }
  });

  it('checks every resolved address of a host name, not only the literal', async () => {
    await expect(resolvePublic('localhost', false)).rejects.toThrow(/not public/);
    await expect(resolvePublic('localhost', true)).resolves.toMatchObject({ address: expect.any(String) });
  });

  it('lets public addresses through and classifies both families', () => {
    for (const ok of ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001::64'])
      expect(isPublicAddress(ok), ok).toBe(true);
    for (const bad of ['127.0.0.1', '::ffff:7f00:1', 'fd00:ec2::254', '100.64.0.0', 'not-an-ip'])
      expect(isPublicAddress(bad), bad).toBe(false);
    expect(checkTargetUrl('https://hooks.example.com/x?y=1', false).hostname).toBe('hooks.example.com');
    expect(checkTargetUrl('http://127.0.0.1:9/', true).port).toBe('9');
  });
});
