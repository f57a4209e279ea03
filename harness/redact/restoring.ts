// Restoring a replayed answer: the placeholders this run handed out become this run's values again
// (in every encoded form), {{variable}} becomes this run's base URL, and placeholders this run has
// never seen (ids the server minted at record time) are adopted, so that numbering stays in step
// with the recording.
import { EMBEDDED_PLACEHOLDER, parsePlaceholder } from './placeholders';
import { mapJsonLeaves, type JsonLeaves } from './json-walk';
import { MIN_EMBEDDED_LENGTH, type PlaceholderBook } from './placeholder-book';
import { type BaseUrl, URL_TEMPLATE_ANY } from './patterns';
import { isIdentifyingName } from './sensitive';

export class ValueRestorer implements JsonLeaves {
  private readonly baseUrls: ReadonlyMap<string, string>;

  constructor(
    private readonly book: PlaceholderBook,
    baseUrls: ReadonlyArray<BaseUrl>,
  ) {
    this.baseUrls = new Map(baseUrls);
  }

  /** Any JSON-like value, with the lower-case name of the field it sits under. */
  value(value: unknown, name: string | undefined): unknown {
    return mapJsonLeaves(value, name, this);
  }

  key(key: string): string {
    return this.embedded(key);
  }

  number(value: number, name: string | undefined): number {
    if (name === undefined || !isIdentifyingName(name) || !Number.isSafeInteger(value)) return value;
    const text = String(value);
    const original = this.book.reverse.get(text);
    if (original !== undefined && /^\d+$/.test(original)) return Number(original);
    const parsed = parsePlaceholder(text, name);
    if (parsed) this.book.adopt(text, parsed.kind, parsed.n);
    return value;
  }

  string(value: string, name: string | undefined): string {
    if (value === '') return value;
    const original = this.book.reverse.get(value);
    if (original !== undefined) return original;
    const identifying = name !== undefined && isIdentifyingName(name) ? name : undefined;
    const parsed = parsePlaceholder(value, identifying);
    if (parsed) {
      this.book.adopt(value, parsed.kind, parsed.n);
      return value;
    }
    return this.embedded(value);
  }

  private embedded(value: string): string {
    const book = this.book;
    let out = value;
    if (out.length >= MIN_EMBEDDED_LENGTH) {
      // The placeholders this run handed out, in every form; then the ones it never saw, adopted.
      out = book.placeholderForms.replace(out, (valueForm) => valueForm);
      out = out.replace(EMBEDDED_PLACEHOLDER, (match) => {
        const original = book.reverse.get(match);
        if (original !== undefined) return original;
        const parsed = parsePlaceholder(match);
        if (parsed) book.adopt(match, parsed.kind, parsed.n);
        return match;
      });
    }
    if (this.baseUrls.size && out.includes('{{')) {
      out = out.replace(URL_TEMPLATE_ANY, (whole, variable: string) => this.baseUrls.get(variable) ?? whole);
    }
    return out;
  }
}
