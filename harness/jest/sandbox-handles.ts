// How global setup hands the embedded sandbox to global teardown and to `npm run mutation`: jest
// runs globalSetup and globalTeardown in the parent process, so a global is enough.

/** Comma list of drift ids (sandbox/switchboard/drift-catalogue.ts) switched on from the start. */
export const DRIFTS_VARIABLE = 'CLOUDLINK_SANDBOX_DRIFTS';
export const SANDBOX_HANDLE = '__cloudlinkSandbox';
/** What the sandbox held before any suite ran; global teardown compares. */
export const INVENTORY_HANDLE = '__cloudlinkSandboxInventory';
