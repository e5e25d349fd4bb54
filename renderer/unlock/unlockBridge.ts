/** What the Electron unlock preload exposes as `window.crmUnlock`; the only thing the unlock page can do. */
export interface UnlockBridge {
  /** 'create' on first start (no key yet): the passphrase will wrap a new database key. */
  mode(): Promise<'create' | 'unlock'>;
  submit(passphrase: string): Promise<{ ok: true } | { ok: false; reason: 'wrong_passphrase' | 'too_short' | 'failed'; message: string }>;
}

export const MIN_PASSPHRASE_LENGTH = 10;
