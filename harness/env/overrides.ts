// The layers above the environment file, lowest to highest: .env, .env.<environment name>, then
// the process environment. Each sets a variable by its CLOUDLINK_ name (see variables.ts). Files
// are parsed with dotenv.parse, never loaded, so process.env is not mutated behind anyone's back.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../user-error';
import { readDotenvFile } from './dotenv-file';
import { CONTROL_NAMES, OVERRIDE_PREFIX, envVariableName } from './variables';

export interface Layer {
  /** Where the values came from, as shown in error messages: a file path or "the process environment". */
  source: string;
  /** CLOUDLINK_ name → value. */
  values: Readonly<Record<string, string | undefined>>;
  /** Files are checked for names that match no variable (typos); the process environment is not, it holds everything. */
  strict: boolean;
  /** What could not be read: a directory, binary content, a line that is not NAME=value. */
  problems?: readonly string[];
}

export interface Overridden {
  values: Record<string, string>;
  /** Which layer last set each variable, for messages about a bad value. */
  sourceOf: Record<string, string>;
  problems: string[];
}

/** The .env layers that exist for this environment, then the process environment. */
export function overrideLayers(rootDir: string, environmentName: string, processEnv: NodeJS.ProcessEnv): Layer[] {
  const layers: Layer[] = [];
  for (const file of [path.join(rootDir, '.env'), path.join(rootDir, `.env.${environmentName}`)]) {
    if (!existsSync(file)) continue;
    const { values, problems } = readDotenvFile(file);
    layers.push({ source: file, values, strict: true, problems });
  }
  layers.push({ source: 'the process environment', values: processEnv, strict: false });
  return layers;
}

/**
 * Applies the layers over the file's values for every key in `keys`. An empty value does not
 * override: a copied .env.example is all `CLOUDLINK_X=` lines, and those must not blank the URLs
 * the file provides.
 */
export function applyOverrides(base: Record<string, string>, keys: readonly string[], layers: readonly Layer[], fileSource: string): Overridden {
  const values = { ...base };
  const sourceOf: Record<string, string> = Object.fromEntries(Object.keys(base).map((key) => [key, fileSource]));
  const keyByName = new Map(keys.map((key) => [envVariableName(key), key]));
  const problems: string[] = [];

  for (const layer of layers) {
    problems.push(...(layer.problems ?? []));
    for (const [name, value] of Object.entries(layer.values)) {
      if (!name.startsWith(OVERRIDE_PREFIX)) {
        if (layer.strict) problems.push(...unprefixedName(name, layer.source, keyByName));
        continue;
      }
      const key = keyByName.get(name);
      if (key === undefined) {
        if (layer.strict) problems.push(unknownName(name, layer.source, [...keyByName.keys()]));
        continue;
      }
      if (value === undefined || value === '') continue;
      values[key] = value;
      sourceOf[key] = `${name} in ${layer.source}`;
    }
  }
  return { values, sourceOf, problems };
}

function unknownName(name: string, source: string, known: readonly string[]): string {
  if (CONTROL_NAMES.includes(name)) {
    return `${source}: ${name} steers the harness and is read only from the process environment (or the CLI options), not from .env files`;
  }
  return `${source}: ${name} matches no variable of this environment (see environments/.env.example for the names).${didYouMean(name, known)}`;
}

/**
 * A .env may hold other tools' names, which are left alone; but PASSWORD= or cloudlink_password=
 * is this harness's variable missing its prefix or its case, and would otherwise do nothing.
 */
function unprefixedName(name: string, source: string, keyByName: ReadonlyMap<string, string>): string[] {
  const upper = name.toUpperCase();
  const meant = upper.startsWith(OVERRIDE_PREFIX) ? upper : envVariableName(name);
  if (!keyByName.has(meant)) return [];
  return [`${source}: ${name} is not read: variables are set by their upper-case CLOUDLINK_ name. Did you mean "${meant}"?`];
}
