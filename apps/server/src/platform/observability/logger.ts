import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../../config/index.ts';

/** Never written to logs, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.secret',
  '*.totp',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'secret',
];

export const loggerOptions = (config: Pick<Config, 'LOG_LEVEL' | 'logFormat'>): LoggerOptions => ({
  level: config.LOG_LEVEL,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  base: { service: 'tessera' },
  timestamp: pino.stdTimeFunctions.isoTime,
  ...(config.logFormat === 'pretty'
    ? {
        transport: {
          target: 'pino-pretty',
          options: {
            colorize: true,
            singleLine: true,
            translateTime: 'HH:MM:ss.l',
            ignore: 'pid,hostname,service',
          },
        },
      }
    : {}),
});

export const createLogger = (config: Pick<Config, 'LOG_LEVEL' | 'logFormat'>): Logger =>
  pino(loggerOptions(config));
