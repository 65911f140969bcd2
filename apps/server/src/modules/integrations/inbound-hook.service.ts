import { leadCreateInput, permissions } from '@tessera/contracts';
import { and, count, eq, gte } from 'drizzle-orm';
import type { Logger } from 'pino';
import { jobContext } from '../../platform/context/service-context.ts';
import { type Database, isUniqueViolation, type Tx, withTenant } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { refuseNul } from '../../platform/http/input-guard.ts';
import { createLead } from '../crm/index.ts';
import { hashToken, verifyInboundSignature } from './signing.ts';
import { inboundCalls, inboundEndpoints } from './tables.ts';

type Endpoint = typeof inboundEndpoints.$inferSelect;
type Outcome = (typeof inboundCalls.$inferInsert)['outcome'];

export interface InboundRequest {
  token: string;
  /** The raw body (the HMAC covers these bytes). */
  raw: string;
  form: boolean;
  signature: string | undefined;
}

/** A value at a dot path of the payload, as a trimmed string (numbers too); undefined when absent. */
const at = (payload: unknown, path: string): string | undefined => {
  let v: unknown = payload;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

const parseBody = (raw: string, form: boolean): unknown => {
  if (form) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_ERROR', 'The body is not valid JSON');
  }
};

const logCall = (
  tx: Tx,
  endpoint: Endpoint,
  outcome: Outcome,
  extra: { externalId?: string | null; leadId?: string | null; error?: string | null } = {},
) =>
  tx
    .insert(inboundCalls)
    .values({ tenantId: endpoint.tenantId, endpointId: endpoint.id, outcome, ...extra })
    .returning({ id: inboundCalls.id })
    .then(([r]) => r?.id as string);

/**
 * `POST /api/hooks/<token>`: finds the endpoint by the token's hash (revoked or unknown → 404), applies its
 * per-minute limit (429), checks the HMAC when required (401), maps the payload onto a lead and validates it
 * (400, nothing created), then — once per external id — creates the lead through the CRM (which emits
 * `lead.created`). Every call after the lookup is logged with its outcome.
 */
export const receiveHook = async (
  deps: { database: Database; log: Logger },
  req: InboundRequest,
): Promise<{ leadId: string; duplicate: boolean }> => {
  // Before a tenant is known: the owner connection (policy integrations_owner), by the token's hash only.
  const [endpoint] = await deps.database.db
    .select()
    .from(inboundEndpoints)
    .where(eq(inboundEndpoints.tokenHash, hashToken(req.token)));
  if (!endpoint || endpoint.revokedAt) throw notFound('Hook');
  const inScope = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(deps.database, endpoint.tenantId, fn);
  const reject = async (outcome: Outcome, err: AppError): Promise<never> => {
    await inScope((tx) => logCall(tx, endpoint, outcome, { error: err.message.slice(0, 500) }));
    throw err;
  };

  const recent = await inScope(async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(inboundCalls)
      .where(
        and(
          eq(inboundCalls.endpointId, endpoint.id),
          gte(inboundCalls.createdAt, new Date(Date.now() - 60_000)),
        ),
      );
    return row?.n ?? 0;
  });
  if (recent >= endpoint.rateLimitPerMinute)
    return reject(
      'rate_limited',
      new AppError('RATE_LIMITED', 'Too many calls to this hook; try again in a minute', {
        headers: { 'retry-after': '60' },
      }),
    );
  if (endpoint.verifySignature && !verifyInboundSignature(endpoint.secret, req.raw, req.signature))
    return reject('bad_signature', new AppError('UNAUTHENTICATED', 'Missing or wrong X-Tessera-Signature'));

  let payload: unknown;
  try {
    payload = parseBody(req.raw, req.form);
  } catch (err) {
    return reject('invalid', err as AppError);
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return reject('invalid', new AppError('VALIDATION_ERROR', 'The body must be a JSON object or a form'));
  try {
    refuseNul(payload, 'body');
  } catch (err) {
    return reject('invalid', err as AppError);
  }
  const mapped: Record<string, string> = {};
  for (const [field, path] of Object.entries(endpoint.mapping)) {
    const value = at(payload, path);
    if (value !== undefined) mapped[field] = value;
  }
  const lead = leadCreateInput.safeParse({
    ...mapped,
    source: mapped.source ?? endpoint.source ?? undefined,
    ...(endpoint.vendorId ? { vendorId: endpoint.vendorId } : {}),
    ownerId: endpoint.ownerId,
  });
  if (!lead.success) {
    const details = lead.error.issues.map((i) => ({
      path: `body.${endpoint.mapping[String(i.path[0])] ?? String(i.path[0])}`,
      message: i.message,
    }));
    return reject(
      'invalid',
      new AppError('VALIDATION_ERROR', 'The payload does not make a valid lead', { details }),
    );
  }
  const externalId = endpoint.externalIdField
    ? (at(payload, endpoint.externalIdField)?.slice(0, 200) ?? null)
    : null;

  // Reserve the external id first (unique per endpoint among created calls): a concurrent repeat is a duplicate.
  let callId: string;
  try {
    callId = await inScope((tx) => logCall(tx, endpoint, 'created', { externalId }));
  } catch (err) {
    if (!isUniqueViolation(err, 'inbound_calls_endpoint_external_key')) throw err;
    const existing = await inScope(async (tx) => {
      const [row] = await tx
        .select({ leadId: inboundCalls.leadId })
        .from(inboundCalls)
        .where(
          and(
            eq(inboundCalls.endpointId, endpoint.id),
            eq(inboundCalls.externalId, externalId as string),
            eq(inboundCalls.outcome, 'created'),
          ),
        );
      await logCall(tx, endpoint, 'duplicate', { externalId, leadId: row?.leadId ?? null });
      return row?.leadId;
    });
    if (!existing) throw new AppError('CONFLICT', 'A call with this external id is still being processed');
    return { leadId: existing, duplicate: true };
  }
  const ctx = jobContext({
    database: deps.database,
    log: deps.log,
    tenantId: endpoint.tenantId,
    userId: endpoint.createdBy,
    permissions,
  });
  try {
    const created = await createLead(ctx, lead.data);
    await inScope((tx) =>
      tx.update(inboundCalls).set({ leadId: created.id }).where(eq(inboundCalls.id, callId)),
    );
    await ctx.runAfterCommit();
    return { leadId: created.id, duplicate: false };
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'the lead could not be created';
    await inScope((tx) =>
      tx
        .update(inboundCalls)
        .set({ outcome: err instanceof AppError ? 'invalid' : 'error', error: message })
        .where(eq(inboundCalls.id, callId)),
    );
    throw err instanceof AppError ? err : new AppError('INTERNAL', message);
  }
};
