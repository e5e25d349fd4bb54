import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const CRM = fileURLToPath(new URL('../../bin/crm.mjs', import.meta.url));

/**
 * Runs the `crm` command line as a user would, with `env` over this process's environment and no database key
 * unless `env` gives one; returns its exit status and output whether it succeeded or not.
 */
export async function runCrm(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CRM, ...args], { env: { ...process.env, CRM_DB_KEY: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
