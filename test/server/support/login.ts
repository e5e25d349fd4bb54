import { v4 as uuidv4 } from 'uuid';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../shared/sync/index.ts';

export interface LoginAnswer {
  status: number;
  retryAfter: number | null;
}

/** A login sent with `X-Forwarded-For: forwardedFor`, which names the caller when the server trusts loopback as its proxy. */
export async function loginFrom(url: string, forwardedFor: string, login: string, password: string): Promise<LoginAnswer> {
  const response = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ login, password, deviceId: uuidv4(), deviceName: 'test' }),
  });
  await response.body?.cancel();
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, retryAfter: retryAfter === null ? null : Number(retryAfter) };
}
