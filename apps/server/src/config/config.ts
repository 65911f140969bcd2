import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv as parseDotenv } from 'node:util';
import type { z } from 'zod';
import { type Env, envSchema } from './env.ts';

export type Config = Env & {
  logFormat: 'json' | 'pretty';
  /** Base URL of the web app, for links in e-mails. */
  appUrl: string;
  dataDir: string;
  webDistDir: string;
  version: string;
};

const serverRoot = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = resolve(serverRoot, '../..');

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

const formatIssues = (issues: z.core.$ZodIssue[]): string[] =>
  issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);

/** Reads `.env` from the repository root (if present) without overriding the real environment. */
const readDotenv = (): Record<string, string> => {
  const file = resolve(repoRoot, '.env');
  return existsSync(file) ? (parseDotenv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
};

/** The raw variables: `.env` at the repository root, overridden by the real environment. */
export const environmentVariables = (): Record<string, string | undefined> => ({
  ...readDotenv(),
  ...process.env,
});

/**
 * Builds the validated configuration. Only this module reads `process.env`; pass `source` in tests.
 * Empty strings count as unset, so `PORT=` falls back to its default.
 */
export const loadConfig = (source: Record<string, string | undefined> = environmentVariables()): Config => {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((k) => [k, source[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues));
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)']);
  }
  if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
    throw new ConfigError(['S3_BUCKET: required when STORAGE_DRIVER=s3']);
  }
  const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return {
    ...env,
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    dataDir: resolve(repoRoot, env.DATA_DIR),
    webDistDir: resolve(repoRoot, env.WEB_DIST_DIR ?? 'apps/web/dist'),
    appUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    version: pkg.version,
  };
};
