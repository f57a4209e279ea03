// Where a test file's Allure files go. In a jest worker they are written at once, here
// (./recycled-files.js). When the tests run in band, in jest's own process, one JavaScript thread
// runs them and the machine's other cores wait: the files are handed to a thread of this process
// (./results-thread.js), which writes them beside the tests instead of in the middle of each
// request's report (measured in npm run bench, four rounds turn about: the harness's overhead per
// request in replay 0.36–0.51 → 0.22–0.33 ms mean, 0.29–0.46 → 0.16–0.24 ms median; the replay's
// wall and CPU time the same or less in three rounds of four),
// once the process has written its first files itself (WRITES_BEFORE_THREAD). A test file's
// environment waits for its files at teardown (flush), so a failure to write one fails that file,
// and global teardown finds everything written.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RecycledFiles, writesAlone } from './recycled-files';

export interface ResultFiles {
  /** Writes `content` as `name` in the results directory (in an old file's place while one is left). */
  write(name: string, content: string | Uint8Array): void;
  /** Resolves once every file handed over is written; rejects naming the first that could not be. */
  flush(): Promise<void>;
}

/**
 * `fromStart`: which end of the old files a jest worker takes from (./recycled-files.js).
 * `writesBeforeThread`: in band, how many files this process writes itself (WRITES_BEFORE_THREAD).
 */
export function resultFiles(resultsDir: string, fromStart: boolean, writesBeforeThread = WRITES_BEFORE_THREAD): ResultFiles {
  if (!writesAlone()) {
    const files = new RecycledFiles(resultsDir, fromStart);
    return { write: (name, content) => files.write(name, content), flush: () => Promise.resolve() };
  }
  let here: RecycledFiles | undefined;
  let thread: ResultsThread | undefined;
  return {
    write(name, content) {
      if (!thread && !running && writtenHere < writesBeforeThread) {
        writtenHere++;
        (here ??= new RecycledFiles(resultsDir, false, true)).write(name, content);
        return;
      }
      if (!thread) {
        // From here on the thread alone takes the old files: it lists those still set aside.
        thread = resultsThread();
        thread.post({ kind: 'begin', resultsDir });
      }
      thread.post({ kind: 'write', name, content });
    },
    flush: () => thread?.flush() ?? Promise.resolve(),
  };
}

/**
 * Files a process writes itself before it starts the thread: starting one takes about 50 ms of a
 * run of one request (1.31 → 1.37 s, medians of 8), which writes about ten files; a replay of every
 * collection writes 1,400.
 */
const WRITES_BEFORE_THREAD = 100;
let writtenHere = 0;

interface ResultsThread {
  post(order: object): void;
  flush(): Promise<void>;
  end(): Promise<void>;
}

/** Ends this process's results thread, if it has one: global teardown, once every file is flushed. */
export async function endResultsThread(): Promise<void> {
  await running?.end();
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
  // A thread that died answers no flush: those waiting, and any later, are told why.
  let died: Error | undefined;
  const dead = (error: Error) => {
    died ??= error;
    for (const waiter of waiting.values()) waiter.reject(died);
    waiting.clear();
    if (running === thread) running = undefined;
  };
  worker.on('error', dead);
  worker.on('exit', (code) => dead(new Error(`The thread writing the Allure results stopped (exit code ${code}).`)));
  // The thread holds the process only while someone waits for a flush.
  worker.unref();
  // Orders go over in batches, one message per turn of the event loop (a test's requests answered
  // in replay are often one turn): a message per file cost more than the thread saved.
  let batch: object[] = [];
  const send = () => {
    if (batch.length > 0) worker.postMessage({ kind: 'batch', orders: batch });
    batch = [];
  };
  const thread: ResultsThread = {
    post: (order) => {
      if (batch.length === 0) setImmediate(send);
      batch.push(order);
    },
    flush: () =>
      new Promise((resolve, reject) => {
        if (died) return reject(died);
        const id = flushes++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        send();
        worker.postMessage({ kind: 'flush', id });
      }),
    end: async () => {
      await worker.terminate();
    },
  };
  running = thread;
  return thread;
}
