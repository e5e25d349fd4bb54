import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './command.ts';

/** The terminal `crm sync` may ask on; process.stdin and process.stderr in use. */
export interface PasswordTerminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  output: NodeJS.WritableStream;
}

export const PASSWORD_ENV = 'CRM_SYNC_PASSWORD';

/**
 * The sync password for `crm sync`, from the safest source given: `--password-file`, then `CRM_SYNC_PASSWORD`,
 * then a prompt on the terminal without echo. `--password` still works but puts the password in the shell
 * history and the process list, where other users of the machine can read it.
 */
export async function syncPassword(
  options: { password?: string | undefined; passwordFile?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
  terminal: PasswordTerminal = { input: process.stdin, output: process.stderr },
): Promise<string> {
  if (options.password !== undefined && options.passwordFile !== undefined) throw new UsageError('give --password or --password-file, not both');
  if (options.passwordFile !== undefined) return readPasswordFile(options.passwordFile, terminal.output);
  if (options.password !== undefined) return options.password;
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (terminal.input.isTTY && terminal.input.setRawMode) return promptHidden('Sync password: ', terminal);
  throw new UsageError(`no password: set ${PASSWORD_ENV}, give --password-file FILE, or run on a terminal to be asked`);
}

function readPasswordFile(file: string, output: NodeJS.WritableStream): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --password-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    output.write(`crm sync: warning: ${file} can be read by other users; chmod 600 it.\n`);
  const password = text.replace(/\r?\n$/, '');
  if (!password) throw new UsageError(`--password-file ${file} is empty`);
  return password;
}

/** Reads one line from a terminal in raw mode, so nothing typed is echoed; Ctrl+C cancels. */
export function promptHidden(question: string, { input, output }: PasswordTerminal): Promise<string> {
  output.write(question);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of chunk.toString()) {
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish();
          resolve(typed.join(''));
          return;
        }
        if (character === '\u0003') {
          finish();
          reject(new UsageError('cancelled'));
          return;
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed.push(character);
      }
    };
    input.on('data', onData);
  });
}
