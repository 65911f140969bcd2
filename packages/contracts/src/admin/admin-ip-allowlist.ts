import { z } from 'zod';
import type { Permission } from '../access/permissions.ts';
import { version } from '../primitives.ts';

/**
 * The operations an IP allowlist protects: changing company settings, members, roles, API keys and webhooks.
 * A route that requires one of these permissions answers 403 to a caller whose address is not on the tenant's
 * list (an empty list: no restriction).
 */
export const ADMIN_PERMISSIONS: readonly Permission[] = [
  'settings.manage',
  'members.manage',
  'roles.manage',
  'api_keys.manage',
  'webhooks.manage',
];

export const ADMIN_IP_ALLOWLIST_MAX = 50;

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();
const CIDR4 = z.cidrv4();
const CIDR6 = z.cidrv6();
const isAddressOrRange = (v: string) =>
  [IPV4, IPV6, CIDR4, CIDR6].some((schema) => schema.safeParse(v).success);

/** One IPv4/IPv6 address or CIDR range, e.g. `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`. */
export const ipAddressOrRange = z
  .string()
  .trim()
  .max(49)
  .refine(isAddressOrRange, 'Not an IP address or range (e.g. 203.0.113.7 or 203.0.113.0/24)');

export const adminIpAllowlistSchema = z.object({
  addresses: z
    .array(z.string())
    .describe('Addresses and CIDR ranges admin operations may come from; empty: any'),
  yourAddress: z.string().describe('The address this request came from, as the server sees it'),
  version,
});
export type AdminIpAllowlistDto = z.infer<typeof adminIpAllowlistSchema>;

export const adminIpAllowlistUpdateInput = z.strictObject({
  addresses: z
    .array(ipAddressOrRange)
    .max(ADMIN_IP_ALLOWLIST_MAX, `At most ${ADMIN_IP_ALLOWLIST_MAX} addresses or ranges`),
  version,
});
export type AdminIpAllowlistUpdateInput = z.input<typeof adminIpAllowlistUpdateInput>;
