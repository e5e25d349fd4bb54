// Worker entry under plain Node: registers tsx, then loads the TypeScript worker. Packaged builds use a bundle instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
