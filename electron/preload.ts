import { contextBridge, ipcRenderer } from 'electron';
import type { BriefBridge, CrmBridge } from '../shared/api/bridge.ts';
import type { MethodName } from '../shared/api/contract.ts';
import { IPC_CHANNELS } from '../shared/api/ipc.ts';
import type { HostBridge } from '../shared/api/lockContract.ts';

/** The contract's method names, inlined at build time (electron/dev/build.ts) so the preload carries no schemas. */
declare const CRM_METHOD_NAMES: readonly MethodName[];

// Sandboxed preload of the main window (the workspace and the lock screen): one function per contract method as
// `window.crm`, the brief export and the app lock; nothing of ipcRenderer itself.
const bridge = Object.fromEntries(
  CRM_METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(IPC_CHANNELS.call, method, input)]),
) as unknown as CrmBridge;

contextBridge.exposeInMainWorld('crm', bridge);
// "Export brief": the main process renders, asks where to save, prints and audits (electron/briefs.ts).
const briefBridge: BriefBridge = { export: (request) => ipcRenderer.invoke(IPC_CHANNELS.briefExport, request) };
contextBridge.exposeInMainWorld('crmBrief', briefBridge);
const hostBridge: HostBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.host, method, input),
  onBeforeLock: (save) => {
    ipcRenderer.removeAllListeners(IPC_CHANNELS.beforeLock);
    ipcRenderer.on(IPC_CHANNELS.beforeLock, () => {
      void save().finally(() => ipcRenderer.send(IPC_CHANNELS.beforeLockDone));
    });
  },
};
contextBridge.exposeInMainWorld('crmHost', hostBridge);
