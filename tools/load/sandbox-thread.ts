// Where the load tool's sandbox runs. By default on a worker thread of its own: the client (the
// harness's send pipeline) and the sandbox then have an event loop each, as a load generator and the
// server it loads would in any real test, and the figures are the sandbox's, not the sum of both
// sides' CPU on one loop. `--same-thread` starts it on the client's loop instead, as the tool did
// before, to compare.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SCRIPTS_LOADER } from '../cli/scripts-loader';
import type { WorkerMessage } from './sandbox-worker';

const WORKER_FILE = path.join(__dirname, 'sandbox-worker.ts');

// A worker starts without this process's TypeScript loader unless `-r ./scripts/register.js` was
// on the command line (workers inherit execArgv): register it when it is missing.
const WORKER_SOURCE = `
if (!require.extensions['.ts']) require(${JSON.stringify(SCRIPTS_LOADER)});
require(${JSON.stringify(WORKER_FILE)});
`;

export interface LoadSandbox extends RunningSandbox {
  /**
   * On its own thread: starts measuring how busy the sandbox's event loop is, and gives a function
   * that answers the busy fraction (0 to 1) since then. The client, not the sandbox, may be what
   * limits requests/s; this says how much more the sandbox had to give. Absent on the client's thread.
   */
  measureBusy?: () => () => number;
}

export async function startLoadSandbox(sameThread: boolean): Promise<LoadSandbox> {
  return sameThread ? startSandbox() : startSandboxThread();
}

function startSandboxThread(): Promise<LoadSandbox> {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(new Error(`the sandbox thread did not start: ${error.message}`));
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`it exited with code ${code}`)));
    worker.once('message', (message: WorkerMessage) => {
      if (message.kind === 'failed') return failed(new Error(message.message));
      worker.removeAllListeners('exit');
      let closing: Promise<void> | undefined;
      const close = () =>
        (closing ??= new Promise<void>((done) => {
          worker.once('exit', () => done());
          worker.postMessage('close');
        }));
      resolve({
        ...message.sandbox,
        inventory: () => {
          throw new Error('the load tool does not read the inventory of a sandbox on another thread');
        },
        close,
        measureBusy: () => {
          const start = worker.performance.eventLoopUtilization();
          return () => worker.performance.eventLoopUtilization(start).utilization;
        },
      });
    });
  });
}
