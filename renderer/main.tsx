import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { App } from './shell/App.tsx';
import { settingsStore } from './shell/stores.ts';
import './shell/app.css';

initI18n(settingsStore.getState().language);

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
