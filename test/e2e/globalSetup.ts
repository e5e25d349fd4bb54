import fs from 'node:fs';

/** Fails fast when the app is not built; each test's store and host come from the fixtures (fixtures.ts). */
export default function globalSetup(): void {
  const electron = process.env.CRM_E2E_ELECTRON === '1';
  const built = electron ? 'out/app/electron/main.cjs' : 'out/app/renderer/index.html';
  if (!fs.existsSync(built)) throw new Error(`Build first (${built} is missing): npm run build:renderer${electron ? ' && npm run build:electron' : ''}`);
}
