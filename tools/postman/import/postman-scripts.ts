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
