import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig } from './index.ts';

describe('config', () => {
  it('has working defaults for a zero-setup start', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(c.logFormat).toBe('pretty');
    expect(c.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
  });

  it('uses JSON logs in production and treats empty values as unset', () => {
    const c = loadConfig({ NODE_ENV: 'production', PORT: '', JWT_SECRET: 'x'.repeat(32) });
    expect(c.logFormat).toBe('json');
    expect(c.PORT).toBe(3000);
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('parses lists and booleans', () => {
    const c = loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example', JOBS_IN_PROCESS: 'false' });
    expect(c.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(c.JOBS_IN_PROCESS).toBe(false);
  });

  it('trusts no proxy by default, every proxy with true, or only the listed proxies', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.1,fd00::/8' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      'fd00::/8',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', 'maybe'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('reports every invalid variable at once, by name', () => {
    try {
      loadConfig({
        PORT: '99999',
        DATABASE_URL: 'mysql://localhost/x',
        CORS_ORIGINS: 'not a url',
        JOBS_IN_PROCESS: 'maybe',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const issues = (err as ConfigError).issues.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'CORS_ORIGINS', 'JOBS_IN_PROCESS'])
        expect(issues).toContain(name);
    }
  });

  it('.env.example documents every variable the server reads, and nothing else', () => {
    const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});
