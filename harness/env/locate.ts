// Turns what the user typed (CLOUDLINK_ENVIRONMENT, --environment) into one environment file:
// a bare name means environments/<name>.postman_environment.json, anything path-like is a path to
// any Postman environment export. An unknown name lists the names that would have worked.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../user-error';
import { EnvironmentError } from './errors';

export const ENVIRONMENT_SUFFIX = '.postman_environment.json';
export const DEFAULT_ENVIRONMENT = 'sandbox';

export interface LocatedEnvironment {
  /** The file's stem: selects .env.<name> and is what reports show. */
  name: string;
  /** Absolute path of the file. */
  file: string;
}

/** The folder that holds the shipped environment files. */
export function environmentsDir(rootDir: string): string {
  return path.join(rootDir, 'environments');
}

/** Names of the environment files under rootDir/environments, sorted. */
export function availableEnvironments(rootDir: string): string[] {
  const dir = environmentsDir(rootDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => entry.endsWith(ENVIRONMENT_SUFFIX))
    .map((entry) => entry.slice(0, -ENVIRONMENT_SUFFIX.length))
    .sort();
}

/** Finds the file for a selector; relative paths are taken from the current directory, as a shell would. */
export function locateEnvironment(selector: string, rootDir: string): LocatedEnvironment {
  if (isPathLike(selector)) {
    const file = path.resolve(selector);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new EnvironmentError(file, [`no such file (from environment selector "${selector}")`]);
    }
    return { name: stemOf(file), file };
  }

  const file = path.join(environmentsDir(rootDir), `${selector}${ENVIRONMENT_SUFFIX}`);
  if (existsSync(file)) return { name: selector, file };
  const available = availableEnvironments(rootDir);
  throw new EnvironmentError(
    undefined,
    [
      `no file ${file}.${didYouMean(selector, available)}`,
      available.length ? `available environments: ${available.join(', ')}` : `there are no *${ENVIRONMENT_SUFFIX} files in ${environmentsDir(rootDir)}`,
      'or set CLOUDLINK_ENVIRONMENT to the path of a Postman environment export',
    ],
    `Unknown environment "${selector}":`,
  );
}

function isPathLike(selector: string): boolean {
  return selector.includes('/') || selector.includes('\\') || selector.endsWith('.json');
}

/** "CloudLink.postman_environment.json" → "CloudLink"; "prod.json" → "prod". */
function stemOf(file: string): string {
  const base = path.basename(file);
  if (base.endsWith(ENVIRONMENT_SUFFIX)) return base.slice(0, -ENVIRONMENT_SUFFIX.length);
  return base.endsWith('.json') ? base.slice(0, -'.json'.length) : base;
}
