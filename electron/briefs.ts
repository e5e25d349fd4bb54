import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { settle, type CallResult } from '../shared/api/bridge.ts';
import { BriefExport } from '../shared/api/contract.ts';
import { ApiError } from '../shared/api/errors.ts';
import { IPC_CHANNELS } from '../shared/api/ipc.ts';
import type { BriefExportResult, RenderedBrief } from '../shared/briefs/brief.ts';
import { BRIEF_MARGINS_MM, type PageChrome } from '../shared/briefs/pageChrome.ts';
import type { BackendWorker } from '../backend/host/workerHost.ts';
import { APP_URL } from './appUrl.ts';

const inches = (mm: number) => mm / 25.4;

/** The brief documents being printed right now: the only URLs the print session loads. */
const printing = new Set<string>();

/**
 * Prints a brief document to PDF in a hidden window: no script, no preload, its own in-memory session that refuses
 * every request except the document itself. The document is written to a private temporary folder for the load
 * (a data: URL would hit Chromium's 2 MB URL limit on a long brief) and removed right after printing.
 */
export async function printBriefToPdf(html: string, chrome: PageChrome): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(app.getPath('temp'), 'crm-brief-'));
  const file = path.join(dir, 'brief.html');
  const url = pathToFileURL(file).href;
  const printSession = session.fromPartition('crm-brief-print', { cache: false });
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) }));
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false,
      spellcheck: false, devTools: false, disableBlinkFeatures: 'Auxclick',
    },
  });
  printing.add(url);
  try {
    await fs.writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    await win.loadURL(url);
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: chrome.headerTemplate,
      footerTemplate: chrome.footerTemplate,
      margins: { top: inches(BRIEF_MARGINS_MM.top), bottom: inches(BRIEF_MARGINS_MM.bottom), left: inches(BRIEF_MARGINS_MM.left), right: inches(BRIEF_MARGINS_MM.right) },
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
  } finally {
    printing.delete(url);
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The folder the user last saved a brief to, remembered across sessions (the sections are remembered by the renderer). */
const lastFolderFile = () => path.join(app.getPath('userData'), 'brief-export.json');
async function lastFolder(): Promise<string> {
  try {
    const saved = z.object({ folder: z.string() }).parse(JSON.parse(await fs.readFile(lastFolderFile(), 'utf8')));
    await fs.access(saved.folder);
    return saved.folder;
  } catch {
    return app.getPath('documents');
  }
}

/**
 * "Export brief" from the workspace: the same template and data as `crm brief`, printed by Electron, saved where the
 * user chooses in the save dialog, and recorded in the audit trail. Calls are checked like every other IPC message.
 */
export function serveBriefExport(backend: () => BackendWorker | null, window: () => WebContents | null): void {
  ipcMain.handle(IPC_CHANNELS.briefExport, (event: IpcMainInvokeEvent, input: unknown): Promise<CallResult<BriefExportResult>> =>
    settle(async () => {
      const frame = event.senderFrame;
      const contents = window();
      if (!contents || event.sender !== contents || !frame || frame !== contents.mainFrame || !frame.url.startsWith(APP_URL))
        throw new ApiError('internal', 'Refused a call from an unexpected frame');
      const parsed = BriefExport.safeParse(input);
      if (!parsed.success) throw ApiError.invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const worker = backend();
      if (!worker) throw new ApiError('store_locked', 'The database is not open');
      const { actor, ...request } = parsed.data;

      const brief = (await worker.call('briefs.render', request)) as RenderedBrief;
      const owner = BrowserWindow.fromWebContents(contents);
      const options = { defaultPath: path.join(await lastFolder(), brief.fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false } satisfies BriefExportResult;

      const pdf = await printBriefToPdf(brief.html, brief.chrome);
      await fs.writeFile(choice.filePath, pdf);
      await fs.writeFile(lastFolderFile(), JSON.stringify({ folder: path.dirname(choice.filePath) }));
      await worker.call('briefs.recordExport', { ...request, actor });
      return { saved: true, file: choice.filePath, bytes: pdf.length } satisfies BriefExportResult;
    }),
  );
}
