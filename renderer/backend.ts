import { lockAware } from './lock/windowLock.ts';
import { pickTransport, type Call } from './transport.ts';

/** The backend as the renderer sees it, whichever host runs it; a call refused because the app locked shows the lock screen. */
export const call: Call = lockAware(pickTransport());
