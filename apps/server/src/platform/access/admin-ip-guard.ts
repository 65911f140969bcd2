import { BlockList, isIPv4 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.ts';

/** A list of addresses and CIDR ranges (as the contracts validate them) as a matcher. */
export const addressMatcher = (entries: readonly string[]) => {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  // An IPv4 rule also matches its IPv4-mapped IPv6 form (::ffff:203.0.113.7), as a dual-stack socket reports it.
  return (ip: string) => list.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
};

/** Whether `ip` is on `entries`; an empty list allows every address. */
export const addressAllowed = (ip: string, entries: readonly string[]) =>
  entries.length === 0 || addressMatcher(entries)(ip);

/** The caller's tenant's allowlist (empty: no restriction). */
export type AllowlistOf = (req: FastifyRequest) => Promise<readonly string[]>;

/**
 * Admin operations — routes whose declared permission is in `guarded` — from an address that is not on the
 * caller's tenant's allowlist answer 403. The address is `req.ip`: the socket's, or the client's from
 * `X-Forwarded-For` when `TRUST_PROXY` trusts the proxy. Runs after route access (a caller without the
 * permission gets that 403 first, so the list is only read for callers who hold it).
 */
export const registerAdminIpGuard = (
  app: FastifyInstance,
  opts: { guarded: readonly string[]; allowlistOf: AllowlistOf },
) => {
  const guarded = new Set(opts.guarded);
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || !guarded.has(access) || !req.auth) return;
    if (addressAllowed(req.ip, await opts.allowlistOf(req))) return;
    throw new AppError(
      'FORBIDDEN',
      `Your company allows this administrative change only from its listed network addresses; this request came from ${req.ip}`,
    );
  });
};
