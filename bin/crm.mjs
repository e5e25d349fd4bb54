#!/usr/bin/env node
// The headless `crm` command. The CLI is TypeScript, run through tsx so the bin needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
