import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

/** Characters of a child's output kept once it is ready: enough for the error that ends a failing test. */
const OUTPUT_KEPT = 64 * 1024;

/**
 * Starts a child process and waits until it prints a line matching `ready` (on stdout or stderr): how the web
 * host tells its URL and `crm server` its address. Rejects with everything it printed if it exits or stays
 * silent for `timeoutMs` first; `output()` is what it printed since (the latest part).
 */
export function spawnUntilPrinted(
  command: string,
  args: readonly string[],
  ready: RegExp,
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<{ child: ChildProcess; match: RegExpExecArray; output(): string }> {
  const { timeoutMs = 60_000, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${[command, ...args].join(' ')} ${why}:\n${output}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`printed nothing matching ${ready} within ${timeoutMs} ms`);
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // From here on only the tail of what it prints is kept, to explain a failure; it is not scanned again.
      for (const stream of [child.stdout, child.stderr]) {
        stream?.off('data', read).on('data', (more: Buffer) => {
          output = (output + more.toString()).slice(-OUTPUT_KEPT);
        });
      }
      resolve({ child, match, output: () => output });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? code}) before it was ready`);
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', onExit);
  });
}

/** Stops a child (SIGTERM: a clean shutdown; SIGKILL: a crash or a flat battery) and waits until it is gone. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** A TCP port free on loopback right now, for a server that must come back on the same port after a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
