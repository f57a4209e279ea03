// harness/env: the one way to turn an environment file, .env files and the process environment
// into a frozen Environment, and Postman's {{variable}} resolution for the requests built from it.
export { loadEnvironment, assertComplete, MODES, type Environment, type LoadOptions, type Mode } from './load';
export { resolveTemplate, resolveJson, resolveForm, DYNAMIC_VARIABLES, type Scope, type ResolveContext } from './resolve';
export { envVariableName, isSecretVariable, isUrlKey, KNOWN_VARIABLES, CONTROL_NAMES } from './variables';
export { availableEnvironments, DEFAULT_ENVIRONMENT, ENVIRONMENT_SUFFIX } from './locate';
export { parsePostmanEnvironment, type PostmanEnvironmentFile, type PostmanValue } from './postman-file';
export { EnvironmentError, IncompleteEnvironmentError, UnresolvedVariableError, VariableCycleError } from './errors';
export { baseUrlsOf } from './base-urls';
export {
  envFlag,
  parseBoolean,
  parseDuration,
  readRunSettings,
  AUTH_GRANTS,
  REQUEST_DELAY_VARIABLE,
  TLS_INSECURE_VARIABLE,
  type RunSettings,
} from './validate';
