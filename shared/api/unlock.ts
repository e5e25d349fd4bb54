/** The shortest passphrase that may wrap a new database key (product.md, Security). */
export const MIN_PASSPHRASE_LENGTH = 10;

export type UnlockResult = { ok: true } | { ok: false; reason: 'wrong_passphrase' | 'too_short' | 'failed'; message: string };

/** What the Electron unlock preload exposes as `window.crmUnlock`; the only thing the unlock page can do. */
export interface UnlockBridge {
  /** 'create' on first start (no key yet): the passphrase will wrap a new database key. */
  mode(): Promise<'create' | 'unlock'>;
  submit(passphrase: string): Promise<UnlockResult>;
}
