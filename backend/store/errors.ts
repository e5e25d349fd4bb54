/** The key does not open the file: wrong key, or not an encrypted store at all. The file is left untouched. */
export class WrongKeyError extends Error {
  override readonly name = 'WrongKeyError';
  constructor(readonly file: string) {
    super(`The database key does not open ${file} (wrong key, or not a CRM store). The file was not changed.`);
  }
}

/** The file was written by a newer version of the app; it is refused rather than risk damaging it. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `${file} has schema version ${fileVersion}, but this app knows only up to ${appVersion}. ` +
        'Update the app to open it; the file was not changed.',
    );
  }
}

/** A key that is not 64 hexadecimal characters (256 bits). */
export class MalformedKeyError extends Error {
  override readonly name = 'MalformedKeyError';
  constructor() {
    super('The database key must be 64 hexadecimal characters (256 bits).');
  }
}
