// What an imported request's Postman scripts asserted and stored, kept beside the collection in the
// generated module (`postmanScripts`), so `npm run export` can write them back as Postman tests:
// the suite's assertions live in test code, which an export cannot read. Read back with
// readPostmanScripts, which trusts nothing a person may have edited.
import type { BodyPath } from './script-expressions';
import type { Check } from './scripts';

/** Captures of these are the token setup's: the environment holds them, as in Mitel's library. */
export const TOKEN_VARIABLES: ReadonlySet<string> = new Set(['access_token', 'refresh_token', 'access_token2', 'refresh_token2']);

export interface RecordedCapture {
  variable: string;
  /** Where the answer holds it; the first path present wins. */
  paths?: BodyPath[];
  /** Or the response header that holds it. */
  header?: string;
  scope: 'environment' | 'collectionVariables';
}

export interface PostmanScriptRecord {
  /** The statuses the scripts accept; empty: any 2xx. */
  statuses: number[];
  checks: Check[];
  captures: RecordedCapture[];
  /** Script lines the import could not translate, by script, kept verbatim so the export gives them back. */
  untranslated?: { test: string[]; prerequest: string[] };
  /** Names those lines use for the parsed body (`jsonData`). */
  bodyNames?: string[];
}

/** Script lines of one collection or folder that the import could not translate, kept verbatim. */
export interface UntranslatedScripts {
  test: string[];
  prerequest: string[];
  /** Names those lines use for the parsed body (`jsonData`), whose binding the import took in. */
  bodyNames?: string[];
}

/**
 * The module's `sharedPostmanScripts`: what the collection's and the folders' own scripts held that
 * the import could not translate. Postman runs them for every request below them, so the export
 * gives them back where they were rather than to each request.
 */
export interface SharedScriptRecord {
  collection?: UntranslatedScripts;
  folders: Array<UntranslatedScripts & { path: string[] }>;
}

/** The module's `sharedPostmanScripts`; malformed entries are left out rather than guessed at. */
export function readSharedPostmanScripts(value: unknown): SharedScriptRecord {
  const record = (value !== null && typeof value === 'object' ? value : {}) as { collection?: unknown; folders?: unknown };
  const out: SharedScriptRecord = { folders: [] };
  const collection = untranslatedOf(record.collection);
  if (collection) out.collection = collection;
  for (const entry of Array.isArray(record.folders) ? record.folders : []) {
    const path = strings((entry as { path?: unknown } | null)?.path);
    const scripts = untranslatedOf(entry);
    if (path.length > 0 && scripts) out.folders.push({ path, ...scripts });
  }
  return out;
}

function untranslatedOf(value: unknown): UntranslatedScripts | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entry = value as Partial<UntranslatedScripts>;
  const scripts: UntranslatedScripts = { test: strings(entry.test), prerequest: strings(entry.prerequest) };
  const bodyNames = strings(entry.bodyNames).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  if (bodyNames.length > 0) scripts.bodyNames = bodyNames;
  return scripts.test.length + scripts.prerequest.length > 0 ? scripts : undefined;
}

/** The module's `postmanScripts`, by request name; malformed entries are left out rather than guessed at. */
export function readPostmanScripts(value: unknown): Map<string, PostmanScriptRecord> {
  const out = new Map<string, PostmanScriptRecord>();
  if (value === null || typeof value !== 'object') return out;
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    const record = entry as Partial<PostmanScriptRecord> | null;
    if (!record || typeof record !== 'object') continue;
    out.set(name, {
      statuses: Array.isArray(record.statuses) ? record.statuses.filter((s): s is number => typeof s === 'number') : [],
      checks: Array.isArray(record.checks) ? record.checks.filter((c) => c && typeof c === 'object' && typeof (c as Check).kind === 'string') : [],
      captures: Array.isArray(record.captures) ? record.captures.filter((c) => c && typeof c.variable === 'string') : [],
      untranslated: {
        test: strings(record.untranslated?.test),
        prerequest: strings(record.untranslated?.prerequest),
      },
      bodyNames: strings(record.bodyNames).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)),
    });
  }
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
