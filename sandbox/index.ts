// The sandbox's public entry: the harness, tools and scripts import from here and nowhere deeper, but
// for the light switchboard/client.ts and switchboard/types.ts (eslint.config.mjs enforces it).
export { startSandbox } from './main';
export { buildSandbox, API_VERSION, SERVICE_PREFIXES, type BuiltSandbox } from './app';
export { toPostmanEnvironment, SANDBOX_X_MITEL_APP, type PostmanEnvironment, type PostmanVariable } from './postman-environment';
export type { RunningSandbox, SandboxCredentials, SandboxOptions, SandboxTimeouts, SandboxUrls, SandboxUser, StartSandboxOptions } from './types';
export { switchboardClient, SwitchboardRequestError, type SwitchboardClient } from './switchboard/client';
export { switchboardFromFlags, parseFaultFlag, type SwitchboardFlags } from './switchboard/cli-spec';
export { DRIFT_CATALOGUE, type DriftDefinition } from './switchboard/drift-catalogue';
export type { DriftInfo, FaultSpec, ServiceName, SwitchboardAccess, SwitchboardConfig, SwitchboardSnapshot } from './switchboard/types';
