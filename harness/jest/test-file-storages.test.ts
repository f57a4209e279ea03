// The storages a test file started are released at its end, and a storage used again afterwards
// still works. (That a released storage no longer slows the worker is measured, not asserted: see
// test-file-storages.ts.)
import { AsyncLocalStorage } from 'node:async_hooks';
import { releaseStorages, watchStorages } from './test-file-storages';

it('disables each storage that ran since the last release, once', async () => {
  watchStorages();
  releaseStorages();
  const first = new AsyncLocalStorage<string>();
  const second = new AsyncLocalStorage<string>();
  await first.run('a', async () => undefined);
  second.run('b', () => undefined);
  second.run('c', () => undefined);
  expect(releaseStorages()).toBe(2);
  expect(releaseStorages()).toBe(0);
});

it('leaves a released storage usable: its next run turns it back on', async () => {
  watchStorages();
  const storage = new AsyncLocalStorage<string>();
  await storage.run('before', async () => undefined);
  releaseStorages();
  const seen = await storage.run('after', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return storage.getStore();
  });
  expect(seen).toBe('after');
});
