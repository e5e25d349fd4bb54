import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** What `--trust-proxy` names: how many proxies stand in front of every request, or the proxies' addresses. */
export type TrustedProxies = number | string[];

const MAX_HOPS = 16;

/** `--trust-proxy 1` or `--trust-proxy 10.0.0.1,10.0.0.0/24,fd00::/8`; throws a message fit to show. */
export function parseTrustedProxies(text: string): TrustedProxies {
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_HOPS) throw new Error(`--trust-proxy takes 1 to ${MAX_HOPS} hops, not ${text}.`);
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries)
    if (!isAddressOrRange(entry)) throw new Error(`--trust-proxy takes a number of hops or proxy addresses (IP or CIDR), comma-separated; "${entry}" is neither.`);
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Fastify's `trustProxy` for it. Fastify trusts nobody for a bare hop count (it cannot check the peer), so hops
 * are counted here: the nearest `hops` addresses are proxies and the next one is the client. That is only
 * right when every request passes through those proxies, which is what `--trust-proxy N` declares.
 */
export function trustProxyOption(trusted: TrustedProxies | undefined): false | string[] | ((address: string, hop: number) => boolean) {
  if (trusted === undefined) return false;
  return typeof trusted === 'number' ? (_address, hop) => hop < trusted : trusted;
}

/**
 * The caller's address for rate limits and the audit log: what the trusted proxies report when it is an IP
 * address, otherwise the peer's own address, so header text never stands in for an address.
 */
export function clientAddress(request: FastifyRequest): string {
  return isIP(request.ip) ? request.ip : (request.socket.remoteAddress ?? 'unknown');
}
