import { bundleElectron } from './bundles.ts';

// `npm run build:electron`: main, preloads and backend worker into out/ (layout in bundles.ts).
await bundleElectron('out');
