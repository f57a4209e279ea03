// Stops the sandbox global setup started (globalSetup and globalTeardown share one process).
import type { RunningSandbox } from '../../sandbox';
import { SANDBOX_HANDLE } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const sandbox = (globalThis as Record<string, unknown>)[SANDBOX_HANDLE] as RunningSandbox | undefined;
  if (sandbox) await sandbox.close();
}
