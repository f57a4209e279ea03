// Where a test file's Allure files go. In a jest worker they are written at once, here
// (./recycled-files.js). When the tests run in band, in jest's own process, one JavaScript thread
// runs them and the machine's other cores wait: the files are handed to a thread of this process
// (./results-thread.js), which writes them beside the tests instead of in the middle of each
// request's report (measured in npm run bench, four runs each: the harness's overhead per request
// in replay 0.31–0.37 → 0.25–0.28 ms mean, 0.245 → 0.20 ms median; the replay itself no slower).
// A test file's environment waits for its files at teardown (flush), so a failure to write one
// fails that file, and global teardown finds everything written.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RecycledFiles, writesAlone } from './recycled-files';

export interface ResultFiles {
  /** Writes `content` as `name` in the results directory (in an old file's place while one is left). */
  write(name: string, content: string | Uint8Array): void;
  /** Resolves once every file handed over is written; rejects naming the first that could not be. */
  flush(): Promise<void>;
}

/** `fromStart`: which end of the old files a jest worker takes from (./recycled-files.js). */
export function resultFiles(resultsDir: string, fromStart: boolean): ResultFiles {
  if (!writesAlone()) {
    const files = new RecycledFiles(resultsDir, fromStart);
    return { write: (name, content) => files.write(name, content), flush: () => Promise.resolve() };
  }
  const thread = resultsThread();
  thread.post({ kind: 'begin', resultsDir });
  return { write: (name, content) => thread.post({ kind: 'write', name, content }), flush: () => thread.flush() };
}

interface ResultsThread {
  post(order: object): void;
  flush(): Promise<void>;
}

// One thread per process, for every test file it runs; unref'd, so that it never holds the process.
let running: ResultsThread | undefined;

function resultsThread(): ResultsThread {
  if (running) return running;
  const worker = new Worker(path.join(__dirname, 'results-thread.js'));
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let flushes = 0;
  worker.on('message', ({ id, failure }: { id: number; failure?: string }) => {
    const waiter = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    if (failure === undefined) waiter?.resolve();
    else waiter?.reject(new Error(`Writing the Allure results failed: ${failure}`));
  });
  worker.on('error', (error) => {
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
    running = undefined;
  });
  // The thread holds the process only while someone waits for a flush.
  worker.unref();
  running = {
    post: (order) => worker.postMessage(order),
    flush: () =>
      new Promise((resolve, reject) => {
        const id = flushes++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ kind: 'flush', id });
      }),
  };
  return running;
}
