// How the bench makes the harness send what Newman sent. Newman runs an exported collection, whose
// scripts pass values along (an id captured from one answer, a form of it set for the next
// request); the harness sends the same named requests, in the same order, with the values its own
// run gives them. Each value Newman sent is read back from its request against the named
// request's template, then put in the harness's terms:
//
//   - a value a Postman user typed in (the sandbox's URLs, the partner admin's login, the fill-ins)
//     becomes the harness sandbox's value of the same variable;
//   - a value found in one of Newman's earlier answers becomes the value at the same place of the
//     harness's answer to the same request — as is, percent-encoded, or its last path segment, the
//     forms the export's pre-request scripts give a captured callId (per-request-values.ts);
//   - anything else (samples, names a script made up, a PKCE pair) is sent as Newman sent it.
import type { NamedRequest } from '../../harness/client/named-request';
import { escapeRegExp } from '../../harness/redact/scrubber';

/** A request as it went on the wire. Header names are lower-case. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: { form: Record<string, string> } | { raw: string };
}

export interface SentLine {
  method: string;
  url: string;
}

const VARIABLE = /\{\{([^{}]+)\}\}/g;

/** The value each {{variable}} of `template` took in `concrete`; empty when it does not fit the template. */
export function matchTemplate(template: string, concrete: string): Record<string, string> {
  const parts = template.split(VARIABLE);
  if (parts.length === 1) return {};
  const names: string[] = [];
  const pattern = parts.map((part, index) => (index % 2 === 0 ? escapeRegExp(part) : (names.push(part), '([\\s\\S]*?)'))).join('');
  const match = new RegExp(`^${pattern}$`).exec(concrete);
  if (!match) return {};
  const values: Record<string, string> = {};
  // Postman's dynamic variables ({{$guid}}) are fresh on every send: the harness makes its own.
  names.forEach((name, index) => {
    if (!name.startsWith('$') && !(name in values)) values[name] = match[index + 1] as string;
  });
  return values;
}

/** The values Newman gave `named`'s variables, read back from the request it sent. */
export function valuesSent(named: NamedRequest, sent: WireRequest): Record<string, string> {
  const pairs: Array<[string, string | undefined]> = [[named.url, sent.url]];
  for (const [name, template] of Object.entries(named.headers ?? {})) pairs.push([template, sent.headers[name.toLowerCase()]]);
  const form = sent.body && 'form' in sent.body ? sent.body.form : {};
  const raw = sent.body && 'raw' in sent.body ? sent.body.raw : undefined;
  const body = named.body;
  // The export writes a JSON body as JSON.stringify(json, null, 2) and Newman substitutes in that text.
  if (body?.mode === 'json') pairs.push([JSON.stringify(body.json, null, 2), raw]);
  if (body?.mode === 'raw') pairs.push([body.raw, raw]);
  if (body?.mode === 'urlencoded') for (const [field, template] of Object.entries(body.form)) pairs.push([template, form[field]]);
  const values: Record<string, string> = {};
  for (const [template, concrete] of pairs) if (concrete !== undefined) Object.assign(values, { ...matchTemplate(template, concrete), ...values });
  return values;
}

type Leaf = { path: Array<string | number>; value: string };

function leavesOf(node: unknown, path: Array<string | number> = [], out: Leaf[] = []): Leaf[] {
  if (node === null || ['string', 'number', 'boolean'].includes(typeof node)) out.push({ path, value: String(node) });
  else if (Array.isArray(node)) node.forEach((item, index) => leavesOf(item, [...path, index], out));
  else if (typeof node === 'object') for (const [key, item] of Object.entries(node as object)) leavesOf(item, [...path, key], out);
  return out;
}

function leafAt(node: unknown, path: ReadonlyArray<string | number>): string | undefined {
  let current = node;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current === null || ['string', 'number', 'boolean'].includes(typeof current) ? String(current) : undefined;
}

const FORMS: ReadonlyArray<(value: string) => string> = [(value) => value, encodeURIComponent, (value) => value.split('/').pop() ?? value];

/** Newman's and the harness's values of one collection run, kept in step request by request. */
export class Pairing {
  private readonly answers: Array<{ newman: unknown; harness: unknown }> = [];
  /** Harness value → Newman value, for every value put in the harness's terms. */
  private readonly translated = new Map<string, string>();

  /** `inputs`: what a Postman user would type for each side's sandbox, by variable. */
  constructor(private readonly inputs: { newman: Record<string, string>; harness: Record<string, string> }) {}

  /** The request-local variables that make the harness send `named` as Newman sent it. */
  varsFor(named: NamedRequest, sent: WireRequest): Record<string, string> {
    const vars: Record<string, string> = {};
    for (const [name, value] of Object.entries(valuesSent(named, sent))) {
      vars[name] = this.ownValue(name, value);
      if (vars[name] !== value) this.translated.set(vars[name], value);
    }
    return vars;
  }

  /** Both sides' answers to the request just sent (undefined where there was none). */
  answered(newman: unknown, harness: unknown): void {
    this.answers.push({ newman, harness });
  }

  /**
   * A URL the harness sent, without its origin and with its own values put back in Newman's terms.
   * Whole path segments and query values only: a short value ("1", a call's number) must not
   * change "2017-09-01".
   */
  inNewmanTerms(url: string): string {
    return withoutOrigin(url)
      .split(/([/?&=])/)
      .map((part) => this.translated.get(part) ?? part)
      .join('');
  }

  private ownValue(name: string, value: string): string {
    const { newman, harness } = this.inputs;
    if (newman[name] === value && name in harness) return harness[name] as string;
    const typed = Object.keys(newman).find((key) => value !== '' && newman[key] === value && key in harness);
    if (typed) return harness[typed] as string;
    for (let index = this.answers.length - 1; index >= 0; index--) {
      const found = counterpart(value, this.answers[index] as { newman: unknown; harness: unknown });
      if (found !== undefined) return found;
    }
    return value;
  }
}

/** The harness's value where Newman's answer held `value` (in one of the FORMS), if both have one there. */
function counterpart(value: string, answers: { newman: unknown; harness: unknown }): string | undefined {
  const leaves = leavesOf(answers.newman);
  for (const form of FORMS) {
    for (const leaf of leaves) {
      if (form(leaf.value) !== value) continue;
      const own = leafAt(answers.harness, leaf.path);
      if (own !== undefined) return form(own);
    }
  }
  return undefined;
}

export function withoutOrigin(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
}

/** Where two runs' requests part ways: a count, then the first few method/URL pairs that differ. */
export function sequenceDifferences(newman: readonly SentLine[], harness: readonly SentLine[], inNewmanTerms: (url: string) => string): string[] {
  if (newman.length !== harness.length) return [`Newman sent ${newman.length} requests, the harness ${harness.length}`];
  const differences: string[] = [];
  newman.forEach((line, index) => {
    const own = harness[index] as SentLine;
    const theirs = `${line.method} ${withoutOrigin(line.url)}`;
    const ours = `${own.method} ${inNewmanTerms(own.url)}`;
    if (theirs !== ours) differences.push(`request ${index + 1}: Newman sent ${theirs}, the harness ${ours}`);
  });
  return differences;
}
