// Worker entry under plain Node: registers tsx, then runs the TypeScript demo-data generator.
import { register } from 'tsx/esm/api';

register();
await import('./generatorWorker.ts');
