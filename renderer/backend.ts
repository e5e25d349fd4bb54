import { pickTransport, type Call } from './transport.ts';

/** The backend as the renderer sees it, whichever host runs it. */
export const call: Call = pickTransport();
