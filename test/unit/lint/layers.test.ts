import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own eslint.config.js, run on source text placed (by its file path) in a layer. */
const eslint = new ESLint();
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

/** [file the import is written in, the import]: each must be refused. */
const FORBIDDEN: Array<[string, string]> = [
  ['shared/api/probe.ts', "import fs from 'node:fs';"],
  ['shared/api/probe.ts', "import { join } from 'path';"],
  ['shared/api/probe.ts', "import { Button } from 'antd';"],
  ['shared/api/probe.ts', "import { useState } from 'react';"],
  ['shared/api/probe.ts', "import { app } from 'electron';"],
  ['shared/api/probe.ts', "import { openStore } from '../../backend/store/store.ts';"],
  ['shared/probe.ts', "import { pickTransport } from '../renderer/transport.ts';"],
  ['shared/sync/probe.ts', "import { buildServer } from '../../server/http/app.ts';"],
  ['shared/sync/probe.ts', "import { serveBackend } from '../../electron/ipc.ts';"],
  ['renderer/clients/probe.tsx', "import path from 'node:path';"],
  ['renderer/clients/probe.tsx', "import { ipcRenderer } from 'electron';"],
  ['renderer/clients/probe.tsx', "import { openBackend } from '../../backend/backend.ts';"],
  ['renderer/clients/probe.tsx', "import { runServerCommand } from '../../server/cli.ts';"],
  ['renderer/clients/probe.tsx', "import { APP_URL } from '../../electron/appUrl.ts';"],
  ['renderer/clients/probe.tsx', "const backend = await import('../../backend/backend.ts');"],
  ['renderer/briefs/probe.tsx', "import { briefHtml } from '../../print/briefs/briefHtml.ts';"],
  ['backend/sync/probe.ts', "import { pickTransport } from '../../renderer/transport.ts';"],
  ['backend/cli/probe.ts', "import { runServerCommand } from '../../server/cli.ts';"],
  ['backend/cli/probe.ts', "const server = await import('../../server/cli.ts');"],
  ['backend/host/probe.ts', "import { serveBackend } from '../../electron/ipc.ts';"],
  ['backend/host/probe.ts', "import { safeStorage } from 'electron';"],
  ['server/sync/probe.ts', "import { openBackend } from '../../backend/backend.ts';"],
  ['server/sync/probe.ts', "import { pickTransport } from '../../renderer/transport.ts';"],
  ['server/sync/probe.ts', "import { APP_URL } from '../../electron/appUrl.ts';"],
  ['print/briefs/probe.tsx', "import { Table } from 'antd';"],
  ['print/briefs/probe.tsx', "import fs from 'node:fs';"],
  ['print/briefs/probe.tsx', "import { clientProfile } from '../../backend/clients/profile.ts';"],
  ['print/briefs/sections/probe.tsx', "import { formatDate } from '../../../renderer/i18n/format.ts';"],
  ['cli/probe.ts', "import { pickTransport } from '../renderer/transport.ts';"],
  ['cli/probe.ts', "import { serveBackend } from '../electron/ipc.ts';"],
  ['electron/probe.ts', "import { briefHtml } from '../print/briefs/briefHtml.ts';"],
  ['test/integration/probe.test.ts', "import { app } from 'electron';"],
];

/** Imports each layer is meant to make: none may be refused. */
const ALLOWED: Array<[string, string]> = [
  ['shared/api/probe.ts', "import { z } from 'zod';"],
  ['shared/api/probe.ts', "import { Client } from '../domain/index.ts';"],
  ['renderer/clients/probe.tsx', "import { useState } from 'react';"],
  ['renderer/clients/probe.tsx', "import { Table } from 'antd';"],
  ['renderer/clients/probe.tsx', "import { contract } from '../../shared/api/contract.ts';"],
  ['print/briefs/probe.tsx', "import { renderToStaticMarkup } from 'react-dom/server';"],
  ['print/briefs/probe.tsx', "import * as echarts from 'echarts/core';"],
  ['print/briefs/probe.tsx', "import { formatDate } from '../../shared/format/index.ts';"],
  ['backend/briefs/probe.ts', "import { UsageError } from '../cli/command.ts';"],
  ['backend/briefs/probe.ts', "const template = await import('../../print/briefs/briefHtml.ts');"],
  ['backend/store/probe.ts', "import fs from 'node:fs';"],
  ['server/sync/probe.ts', "import Fastify from 'fastify';"],
  ['server/sync/probe.ts', "import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/index.ts';"],
  ['cli/probe.ts', "import { STORE_COMMANDS } from '../backend/cli/commands.ts';"],
  ['cli/probe.ts', "const server = await import('../server/cli.ts');"],
  ['electron/probe.ts', "import { app } from 'electron';"],
  ['electron/probe.ts', "import { startBackendWorker } from '../backend/host/workerHost.ts';"],
  ['test/integration/probe.test.ts', "import { openBackend } from '../../backend/backend.ts';"],
];

describe('layer rules in eslint.config.js', () => {
  it.each(FORBIDDEN)('refuses in %s: %s', async (file, code) => {
    expect(await refusals(file, code)).not.toEqual([]);
  });

  it.each(ALLOWED)('allows in %s: %s', async (file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });

  it('says why an import is refused', async () => {
    expect(await refusals('backend/cli/probe.ts', "import { runServerCommand } from '../../server/cli.ts';")).toEqual([
      expect.stringContaining('backend/ knows neither the screens, the sync server nor the shell that hosts it'),
    ]);
  });
});
