import { contextBridge, ipcRenderer } from 'electron';
import type { UnlockBridge } from '../renderer/unlock/unlockBridge.ts';

// Sandboxed preload of the passphrase window: exposes only what renderer/unlock.html needs, nothing of ipcRenderer.
const bridge: UnlockBridge = {
  mode: () => ipcRenderer.invoke('crm:unlock-mode'),
  submit: (passphrase) => ipcRenderer.invoke('crm:unlock', passphrase),
};
contextBridge.exposeInMainWorld('crmUnlock', bridge);
