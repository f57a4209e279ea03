// The body of the load tool's sandbox thread (sandbox-thread.ts starts it): a private sandbox on its
// own event loop, described to the parent once it listens and closed when the parent says so.
import { parentPort } from 'node:worker_threads';
import { startSandbox } from '../../sandbox';

/** What the parent learns about the sandbox: everything of a RunningSandbox but its functions. */
export type SandboxDescription = Pick<Awaited<ReturnType<typeof startSandbox>>, 'origin' | 'urls' | 'credentials' | 'switchboard'>;

export type WorkerMessage = { kind: 'listening'; sandbox: SandboxDescription } | { kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('tools/load/sandbox-worker.ts runs only as a worker thread (see sandbox-thread.ts)');
const post = (message: WorkerMessage) => port.postMessage(message);

startSandbox().then(
  (sandbox) => {
    const { origin, urls, credentials, switchboard } = sandbox;
    post({ kind: 'listening', sandbox: { origin, urls, credentials, switchboard } });
    port.once('message', () => {
      // Closed, the sandbox holds nothing open, and with the port closed the thread ends.
      void sandbox.close().then(() => port.close());
    });
  },
  (error: Error) => {
    post({ kind: 'failed', message: error.stack ?? error.message });
    port.close();
  },
);
