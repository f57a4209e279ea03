// Why a jest worker grows slower with every test file on Node 20 and 22. jest-circus evaluates its
// adapter afresh for each test file, and the adapter makes its own AsyncLocalStorage to know which
// test is running. Node keeps every storage that has run in one list until `disable()` is called,
// which jest never does; while the list is not empty, every promise and timer the worker creates
// walks the whole list. After n files, each promise pays for n storages: measured with --cpu-prof,
// Node's `_propagate` alone was 2.3 s of an in-band unit run and grew with every file. (Node 24's
// storages do not use async hooks, and this costs nothing there.)
//
// The fix: note each storage that starts a context while a test file runs, and disable them all
// when the file's environment is torn down, when nothing of that file is left to run. A storage
// that is used again afterwards (one of Node's, say) turns itself back on at its next run().
import { AsyncLocalStorage } from 'node:async_hooks';

type Storage = AsyncLocalStorage<unknown>;

// Kept on the class, which every copy of this module shares (jest evaluates a module again for
// each test file that imports it, but Node's AsyncLocalStorage is one): the prototype is wrapped
// once per process, and every copy releases the same storages.
const STARTED = Symbol.for('cloudlink-harness.started-storages');
const watched = AsyncLocalStorage as typeof AsyncLocalStorage & { [STARTED]?: Set<Storage> };

/** From now on, in this process, remember every storage whose run() is called. */
export function watchStorages(): void {
  if (watched[STARTED]) return;
  const started = new Set<Storage>();
  watched[STARTED] = started;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (this: Storage, ...args: Parameters<typeof run>) {
    started.add(this);
    return run.apply(this, args) as unknown;
  } as typeof run;
}

/** Disables the storages started since the last call; returns how many. */
export function releaseStorages(): number {
  const started = watched[STARTED];
  if (!started) return 0;
  const count = started.size;
  for (const storage of started) storage.disable();
  started.clear();
  return count;
}
