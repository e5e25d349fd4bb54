import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnUntilPrinted } from '../../support/processes.ts';

const CRM = fileURLToPath(new URL('../../../bin/crm.mjs', import.meta.url));

/** `crm server` in its own process, so a test can SIGKILL it mid-request. */
export async function spawnServer(args: string[], port: number): Promise<ChildProcess> {
  const { child } = await spawnUntilPrinted(process.execPath, [CRM, 'server', ...args, '--port', String(port), '--quiet'], /listening on/, { timeoutMs: 20_000 });
  return child;
}
