// The Postman environment handed over with the exported collections: the environment file's own
// values (not .env, which is the user's and holds credentials), every variable the harness knows
// (so "POST Token" has somewhere to store access_token), and every secret blank, typed secret.
import { readFileSync } from 'node:fs';
import { KNOWN_VARIABLES, isSecretVariable, parsePostmanEnvironment } from '../../env';
import { locateEnvironment } from '../../env/locate';
import type { EnvironmentDocument, EnvironmentValue } from '../import/environment';

export interface ExportedEnvironment {
  stem: string;
  document: EnvironmentDocument;
  /** Keys written blank because they are secrets. */
  blanked: string[];
}

/** `selector` is what --environment takes: a name under environments/ or a path to an export. */
export function exportEnvironment(selector: string, rootDir: string): ExportedEnvironment {
  const { name, file } = locateEnvironment(selector, rootDir);
  const parsed = parsePostmanEnvironment(readFileSync(file, 'utf8'), file);
  const values: EnvironmentValue[] = [];
  const blanked: string[] = [];
  const add = (key: string, value: string, type?: string): void => {
    const secret = isSecretVariable(key, type);
    if (secret && value !== '') blanked.push(key);
    values.push({ key, value: secret ? '' : value, type: secret ? 'secret' : 'default', enabled: true });
  };
  for (const entry of parsed.values) add(entry.key, entry.value, entry.type);
  for (const key of KNOWN_VARIABLES) if (!parsed.values.some((entry) => entry.key === key)) add(key, '');
  return { stem: name, document: { name: parsed.name, values, _postman_variable_scope: 'environment' }, blanked };
}
