import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the renderer once for both hosts: Electron's app:// protocol and the web host's loopback server. */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/app/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 3000,
    sourcemap: true,
    // The workspace, and the passphrase screen the desktop app shows where the OS has no keychain.
    rollupOptions: {
      input: {
        workspace: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        unlock: fileURLToPath(new URL('./renderer/unlock.html', import.meta.url)),
      },
    },
  },
});
