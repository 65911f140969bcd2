import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF rules for outgoing webhooks: an address is refused when it is loopback, private, link-local, CGNAT,
 * multicast, unspecified, reserved/documentation, a cloud metadata address, or an IPv6 form that embeds an
 * IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Decimal/octal/hex IPv4 forms (`2130706433`,
 * `0177.0.0.1`, `0x7f.1`) are normalised by the WHATWG URL parser to dotted quads before the check.
 */
// Two lists: a BlockList also matches IPv4 addresses against IPv6 rules such as ::ffff:0:0/96.
const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, 169.254.169.254 metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo …)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local, fd00:ec2::254 metadata
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const)
  blocked6.addSubnet(net, prefix, 'ipv6');

/** True when an IP address literal may be connected to. */
export const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !blocked4.check(address, 'ipv4') : !blocked6.check(address, 'ipv6');
};

export class BlockedDestinationError extends Error {
  override name = 'BlockedDestinationError';
}

/** The URL's host as the connection sees it (brackets of IPv6 literals removed). */
export const urlHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Checks a target URL before connecting: http(s) only, no credentials, and — when the host is an IP literal —
 * a public address. Host names are checked when they are resolved (`resolvePublic`), on every attempt.
 */
export const checkTargetUrl = (raw: string, allowPrivate: boolean): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedDestinationError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BlockedDestinationError(`scheme ${url.protocol} is not allowed`);
  if (url.username || url.password) throw new BlockedDestinationError('credentials in the URL');
  const host = urlHost(url);
  if (!allowPrivate && isIP(host) !== 0 && !isPublicAddress(host))
    throw new BlockedDestinationError(`address ${host} is not public`);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')))
    throw new BlockedDestinationError(`host ${host} is not public`);
  return url;
};

/**
 * Resolves a host name once and returns the address to connect to; every resolved address must be public
 * (one private answer refuses the host: a DNS-rebinding answer set cannot slip one in).
 */
export const resolvePublic = async (
  host: string,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }> => {
  if (isIP(host) !== 0) {
    if (!allowPrivate && !isPublicAddress(host))
      throw new BlockedDestinationError(`address ${host} is not public`);
    return { address: host, family: isIP(host) as 4 | 6 };
  }
  const answers = await dnsLookup(host, { all: true, verbatim: true });
  if (answers.length === 0) throw new BlockedDestinationError(`${host} does not resolve`);
  if (!allowPrivate) {
    const bad = answers.find((a) => !isPublicAddress(a.address));
    if (bad) throw new BlockedDestinationError(`${host} resolves to ${bad.address}, which is not public`);
  }
  const first = answers[0] as { address: string; family: number };
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
};
