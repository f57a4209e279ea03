// The scrubber's memory for one test: which value got which placeholder, the next number of each
// kind, and every encoded form of the values and placeholders seen so far. Numbers are handed out
// in order of first appearance, so a replayed test that meets the same values in the same order
// gets the same placeholders as its recording.
import { encodedPairs, type Encoder, encodersFor } from './encodings';
import { NeedleIndex } from './needles';
import {
  digitsPlaceholder,
  emailPlaceholder,
  type Family,
  hostPlaceholder,
  kindOf,
  redactedPlaceholder,
  uuidPlaceholder,
  wordPlaceholder,
} from './placeholders';
import { isIdentifyingName } from './sensitive';

/** Values shorter than this are replaced as whole values only, never inside longer strings. */
export const MIN_EMBEDDED_LENGTH = 6;
/** Known secrets shorter than this are not recognised outside a credential-named field. */
const MIN_KNOWN_LENGTH = 4;

export interface KnownSecret {
  /** The variable's name (password, client_secret, access_token2…); it names the placeholder. */
  name: string;
  value: string;
}

/** A value the scrubber replaced, for the fixture guard's last check. */
export interface SensitiveValue {
  value: string;
  /** A credential or JWT (looked for in every encoding), as opposed to an identifier. */
  secret: boolean;
}

/** A form of a value, and how to encode its placeholder the same way. */
export interface ValueForm {
  value: string;
  encode: Encoder;
}

export class PlaceholderBook {
  /** Value → placeholder; every placeholder also maps to itself, so scrubbing twice changes nothing. */
  readonly forward = new Map<string, string>();
  /** Placeholder → the value it stands for in this run (only for values this book saw). */
  readonly reverse = new Map<string, string>();
  /** Known secret value → placeholder kind. */
  readonly known = new Map<string, string>();
  /** Values replaced as credentials, JWTs or known secrets (as opposed to identifiers). */
  readonly secrets = new Set<string>();
  /** Placeholder of a known value → the variable it came from (access_token2, accountId). */
  readonly variables = new Map<string, string>();
  /** Look values up and mask what is new, but hand out and register nothing (scrubText). */
  dryRun = false;
  /** Highest number handed out or adopted, per kind. */
  private readonly counters = new Map<string, number>();
  private readonly entries: Array<{ value: string; placeholder: string }> = [];
  /** Known values remembered under an identifying name: treated as secrets for fixtures, not for the terminal. */
  private readonly knownIdentifiers = new Set<string>();

  constructor(
    /** Every form (raw, URL-, form-, JSON-, base64-encoded) of the values seen and the known secrets. */
    readonly valueForms = new NeedleIndex<ValueForm>(),
    /** Every form of the placeholders handed out → the same form of the value. */
    readonly placeholderForms = new NeedleIndex<string>(),
  ) {}

  /** A book that knows what this one knows, and whose numbering goes on apart from this one's. */
  copy(): PlaceholderBook {
    const copy = new PlaceholderBook(this.valueForms.copy(), this.placeholderForms.copy());
    copyMap(this.forward, copy.forward);
    copyMap(this.reverse, copy.reverse);
    copyMap(this.known, copy.known);
    copyMap(this.variables, copy.variables);
    copyMap(this.counters, copy.counters);
    for (const value of this.secrets) copy.secrets.add(value);
    for (const value of this.knownIdentifiers) copy.knownIdentifiers.add(value);
    copy.entries.push(...this.entries);
    copy.dryRun = this.dryRun;
    return copy;
  }

  /** A known value gets its placeholder now, in the order values are made known, not when first met. */
  remember({ name, value }: KnownSecret): void {
    if (value.length < MIN_KNOWN_LENGTH || this.known.has(value)) return;
    this.known.set(value, kindOf(name));
    this.indexValue(value, true);
    // Replay meets the accountId first in a recorded answer where record met it first in a
    // request, and both must still call it by the same placeholder.
    const placeholder = this.assign(value, kindOf(name), 'redacted', true);
    if (!this.variables.has(placeholder)) this.variables.set(placeholder, name);
    if (isIdentifyingName(name)) this.knownIdentifiers.add(value);
  }

  /** The credentials met and the known values that are not identifiers (accountId, username are). */
  secretValues(): string[] {
    return [...this.secrets].filter((value) => !this.knownIdentifiers.has(value));
  }

  /**
   * The placeholder for a new value: the next number of its kind, skipping any number whose
   * placeholder is already taken (a real value that happened to look like a placeholder).
   */
  assign(value: string, kind: string, family: Family, secret: boolean): string {
    if (this.dryRun) return make(family, kind, 0, value);
    let n = (this.counters.get(kind) ?? 0) + 1;
    let placeholder = make(family, kind, n, value);
    while (placeholder !== value && this.forward.has(placeholder)) {
      n += 1;
      placeholder = make(family, kind, n, value);
    }
    this.counters.set(kind, n);
    this.forward.set(value, placeholder);
    this.forward.set(placeholder, placeholder);
    if (secret) this.secrets.add(value);
    if (placeholder !== value) {
      this.reverse.set(placeholder, value);
      this.entries.push({ value, placeholder });
      this.indexValue(value, secret);
      for (const [valueForm, placeholderForm] of encodedPairs(value, placeholder, secret)) {
        if (placeholderForm.length >= MIN_EMBEDDED_LENGTH) this.placeholderForms.add(placeholderForm, true, valueForm);
      }
    }
    return placeholder;
  }

  /** The placeholder already given to a value, or a credential placeholder of `kind` for a new one. */
  credential(value: string, kind: string): string {
    return this.forward.get(value) ?? this.assign(value, this.known.get(value) ?? kind, 'redacted', true);
  }

  /** A placeholder this book did not hand out: keep it, and never hand out its number of its kind again. */
  adopt(placeholder: string, kind: string, n: number): void {
    if (this.dryRun) return;
    if (!this.forward.has(placeholder)) this.forward.set(placeholder, placeholder);
    if ((this.counters.get(kind) ?? 0) < n) this.counters.set(kind, n);
  }

  /** Every value replaced, and the known secrets: what must never reach a fixture. */
  sensitiveValues(): SensitiveValue[] {
    const out = new Map<string, boolean>();
    for (const entry of this.entries) out.set(entry.value, this.secrets.has(entry.value));
    for (const value of this.known.keys()) out.set(value, true);
    return [...out].map(([value, secret]) => ({ value, secret }));
  }

  private indexValue(value: string, secret: boolean): void {
    if (value.length < MIN_EMBEDDED_LENGTH) return;
    for (const encode of encodersFor(value, secret)) {
      const form = encode(value);
      if (form.length >= MIN_EMBEDDED_LENGTH) this.valueForms.add(form, !secret, { value, encode });
    }
  }
}

/** A placeholder of a family; number 0 is the unnumbered mask scrubText uses. */
function make(family: Family, kind: string, n: number, original: string): string {
  switch (family) {
    case 'uuid':
      return uuidPlaceholder(n);
    case 'email':
      return n === 0 ? 'user@example.com' : emailPlaceholder(n);
    case 'host':
      return n === 0 ? 'host.example.com' : hostPlaceholder(n);
    case 'digits':
      return digitsPlaceholder(n, original);
    case 'word':
      return n === 0 ? kind : wordPlaceholder(kind, n);
    case 'redacted':
      return n === 0 ? `redacted-${kind}` : redactedPlaceholder(kind, n);
  }
}

function copyMap<K, V>(from: ReadonlyMap<K, V>, to: Map<K, V>): void {
  for (const [key, value] of from) to.set(key, value);
}
