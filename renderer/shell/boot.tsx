import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.ts';
import { App } from './App.tsx';
import { settingsStore } from './stores.ts';
import './app.css';

/** Mounts the workspace; loaded by main.tsx right after it has started fetching the first clients. */
export function boot(): void {
  initI18n(settingsStore.getState().language);
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
}
