import { runServerAdminCommand, runServerCommand } from './cli.ts';

/** Standalone entry until the `crm` bin routes to it: `tsx server/main.ts server …` or `tsx server/main.ts server-admin …`. */
const [command, ...rest] = process.argv.slice(2);
const run = command === 'server-admin' ? runServerAdminCommand : command === 'server' ? runServerCommand : null;
if (!run) {
  console.error('Usage: tsx server/main.ts server|server-admin …');
  process.exitCode = 2;
} else {
  process.exitCode = await run(rest);
}
