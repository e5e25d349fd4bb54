import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS } from '../shared/api/ipc.ts';
import type { UnlockBridge } from '../shared/api/unlock.ts';

// Sandboxed preload of the passphrase window: exposes only what renderer/unlock.html needs, nothing of ipcRenderer.
const bridge: UnlockBridge = {
  mode: () => ipcRenderer.invoke(IPC_CHANNELS.unlockMode),
  submit: (passphrase) => ipcRenderer.invoke(IPC_CHANNELS.unlock, passphrase),
};
contextBridge.exposeInMainWorld('crmUnlock', bridge);
