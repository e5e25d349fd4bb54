import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/index.ts';
import { HttpError } from './errors.ts';

/**
 * A device speaking another protocol version is refused before anything is read or written, so its unsent
 * changes stay in its outbox: 426 when the device must update, 409 when the server is older than the device.
 */
export function checkProtocol(header: string | string[] | undefined): void {
  const value = Array.isArray(header) ? header[0] : header;
  const version = value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : 0;
  if (version < SYNC_PROTOCOL_VERSION)
    throw new HttpError(426, 'protocol_too_old',
      `This app speaks sync protocol ${version || 'unknown'}, the server speaks ${SYNC_PROTOCOL_VERSION}. Update the app to sync; your unsent changes are kept on this device.`);
  if (version > SYNC_PROTOCOL_VERSION)
    throw new HttpError(409, 'protocol_too_new',
      `This app speaks sync protocol ${version}, but the server only knows up to ${SYNC_PROTOCOL_VERSION}. Ask your administrator to update the server; your unsent changes are kept on this device.`);
}
