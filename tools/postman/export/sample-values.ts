// Sensible starting values for a collection's variables, taken from what its suites really sent:
// the recorded fixtures hold each request as it went out (scrubbed), so lining a recorded request
// up against its template shows the value each {{variable}} had ("POST Conference" was sent with
// {"name": "media paging 1"}, so conferenceName = "media paging 1"). Only successful exchanges
// count, and scrubbed stand-ins are never offered as values.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Collection, NamedRequest } from '../../../harness/client/named-request';
import { readFixture } from '../../../harness/fixtures/fixture-file';
import type { RecordedRequest } from '../../../harness/client/exchange';
import { isUrlKey } from '../../../harness/env';
import { EMBEDDED_PLACEHOLDER, looksLikePlaceholder } from '../../../harness/redact/placeholders';
import { isCredentialName, isIdentifyingName } from '../../../harness/redact/sensitive';

/** The most frequent usable value of each variable in the fixtures under `fixturesDir`. */
export function sampleValues(collection: Collection, fixturesDir: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const file of fixtureFiles(fixturesDir)) {
    const fixture = readFixture(file);
    for (const exchanges of Object.values(fixture?.tests ?? {})) {
      for (const exchange of exchanges) {
        const named = collection.requests[exchange.name];
        if (!named || exchange.response.status < 200 || exchange.response.status >= 300) continue;
        for (const [variable, value] of aligned(named, exchange.request)) {
          if (!usable(variable, value)) continue;
          const seen = counts.get(variable) ?? new Map<string, number>();
          seen.set(value, (seen.get(value) ?? 0) + 1);
          counts.set(variable, seen);
        }
      }
    }
  }
  const out = new Map<string, string>();
  for (const [variable, seen] of counts) {
    const [best] = [...seen].sort((a, b) => b[1] - a[1]);
    if (best) out.set(variable, best[0]);
  }
  return out;
}

function fixtureFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/** Pairs of variable and value where the recorded request has a value at the variable's place. */
function aligned(named: NamedRequest, recorded: RecordedRequest): Array<[string, string]> {
  const pairs: Array<[string, string]> = [...fromUrl(named.url, recorded.url)];
  const body = named.body;
  if (body?.mode === 'json') pairs.push(...fromJson(body.json, recorded.body));
  if (body?.mode === 'urlencoded') pairs.push(...fromJson(body.form, recorded.body));
  return pairs;
}

function fromUrl(template: string, url: string): Array<[string, string]> {
  const names: string[] = [];
  // Base URLs stay {{media_url}} in fixtures; every other variable is one path segment.
  const pattern = template.split(/(\{\{[^{}]+\}\})/).map((part) => {
    const variable = /^\{\{([^{}]+)\}\}$/.exec(part)?.[1];
    if (variable === undefined || isUrlKey(variable)) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(variable);
    return '([^/?#]+)';
  });
  const match = new RegExp(`^${pattern.join('')}(?:[?#]|$)`).exec(url);
  if (!match) return [];
  return names.map((name, index) => [name, safeDecode(match[index + 1] as string)]);
}

function fromJson(template: unknown, recorded: unknown): Array<[string, string]> {
  if (typeof template === 'string') {
    const variable = /^\{\{([^{}]+)\}\}$/.exec(template)?.[1];
    return variable !== undefined && (typeof recorded === 'string' || typeof recorded === 'number') ? [[variable, String(recorded)]] : [];
  }
  if (template === null || typeof template !== 'object' || recorded === null || typeof recorded !== 'object') return [];
  return Object.entries(template).flatMap(([key, value]) => fromJson(value, (recorded as Record<string, unknown>)[key]));
}

function usable(variable: string, value: string): boolean {
  if (value === '' || value.includes('{{') || isCredentialName(variable) || isIdentifyingName(variable)) return false;
  EMBEDDED_PLACEHOLDER.lastIndex = 0;
  return !looksLikePlaceholder(value) && !EMBEDDED_PLACEHOLDER.test(value);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
