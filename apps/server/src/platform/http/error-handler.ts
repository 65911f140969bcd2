import {
  type ContractIssue,
  type ErrorCode,
  errorStatus,
  type FieldIssue,
  issueMessage,
} from '@tessera/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/db-errors.ts';
import { AppError } from './app-error.ts';
import { IdempotentReplay } from './idempotent-write.ts';

const sendError = (
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: unknown,
  status: number = errorStatus[code],
) =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({
      success: false,
      error: { code, message, ...(details === undefined ? {} : { details }), requestId: req.id },
    });

/** The Zod issue behind a validation entry (fastify-type-provider-zod spreads its other keys into `params`). */
const zodIssue = (v: NonNullable<FastifyError['validation']>[number]): ContractIssue => ({
  ...((v.params ?? {}) as object),
  code: v.keyword,
  path: v.instancePath.split('/').filter(Boolean),
  message: v.message ?? 'Invalid value',
});

const validationDetails = (err: FastifyError, req: FastifyRequest): FieldIssue[] =>
  (err.validation ?? []).map((v) => {
    const where = err.validationContext ?? 'body';
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    const input = (req as unknown as Record<string, unknown>)[where];
    return {
      path: path ? `${where}.${path}` : where,
      message: issueMessage(zodIssue(v), { input }),
      code: v.keyword,
    };
  });

/** Fastify's own errors (body parsing, limits) mapped to the contract's codes. */
const fastifyCodes: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported Content-Type; send application/json',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION_ERROR', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['VALIDATION_ERROR', 'The body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION_ERROR', 'Content-Length does not match the body'],
};

/**
 * A malformed multipart body (wrong or missing boundary, truncated parts) surfaces from the multipart parser
 * (busboy) as a plain Error while a handler reads the parts: it is the client's body, not our bug.
 */
const MALFORMED_MULTIPART =
  /Unexpected end of (multipart data|form|file)|Multipart: Boundary not found|Malformed (part )?header|Part terminated early|Invalid multipart/i;
export const isMalformedMultipart = (err: { message?: string; statusCode?: number }) =>
  (err.statusCode === undefined || err.statusCode >= 500) && MALFORMED_MULTIPART.test(err.message ?? '');

/** Retry-After on a 503 while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const byStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * One error handler for the whole API: every failure leaves as `{ success: false, error }` with a request id.
 * 5xx never carry the original message, stack or SQL; they are logged with the request id instead.
 */
export const registerErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof IdempotentReplay) {
      return reply.code(err.statusCode).header('idempotent-replayed', 'true').send(err.body);
    }
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      if (err.statusCode >= 500) req.log.error({ err }, 'request failed');
      return sendError(reply, req, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendError(
        reply,
        req,
        'VALIDATION_ERROR',
        'The request is not valid',
        validationDetails(err, req),
      );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return sendError(reply, req, 'INTERNAL', 'Something went wrong on our side. Please try again.');
    }
    if (isMalformedMultipart(err)) {
      return sendError(
        reply,
        req,
        'VALIDATION_ERROR',
        'The multipart body is not valid (check its boundary)',
        [{ path: 'body', message: 'Malformed multipart body', code: 'multipart' }],
      );
    }
    const known = err.code ? fastifyCodes[err.code] : undefined;
    if (known) return sendError(reply, req, known[0], known[1]);
    const status = err.statusCode ?? 500;
    if (status < 500) {
      // Some parsers (JSON) throw a plain SyntaxError with statusCode 400.
      const code = byStatus[status] ?? 'VALIDATION_ERROR';
      const message = err instanceof SyntaxError ? 'The body is not valid JSON' : err.message;
      return sendError(reply, req, code, message, undefined, status in byStatus ? status : 400);
    }
    if (isDatabaseUnavailable(err)) {
      // The database went away (restart, failover, network): not our code being broken. Retry later.
      req.log.warn({ err: err.message }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendError(
        reply,
        req,
        'SERVICE_UNAVAILABLE',
        'The database is unavailable. Please retry in a moment.',
      );
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, req, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  });
};

/** Unknown `/api` routes (and any non-GET request the web app does not handle) → 404 envelope. */
export const sendNotFound = (req: FastifyRequest, reply: FastifyReply) =>
  sendError(reply, req, 'NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`);
