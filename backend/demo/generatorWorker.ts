import { parentPort, workerData } from 'node:worker_threads';
import { DemoGenerator, type GeneratorOptions } from './generate.ts';

/** Generates demo batches on request: each message from the parent is a number of batches to produce. */
const port = parentPort;
if (!port) throw new Error('generatorWorker.ts must run in a worker thread');
const { options, batchClients } = workerData as { options: GeneratorOptions; batchClients: number };
const generator = new DemoGenerator(options);

port.on('message', (credit: number) => {
  for (let i = 0; i < credit && !generator.done; i++) port.postMessage(generator.nextBatch(batchClients));
  if (generator.done) port.postMessage('end');
});
