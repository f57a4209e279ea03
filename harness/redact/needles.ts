// A multi-string search for the scrubber: the forms of the values seen so far, found left to right,
// longest first at each position. Adding a value is O(1) (no regular expression to rebuild), and a
// scan costs one map lookup per character, which keeps a typical exchange well under 0.2 ms.

interface Needle<T> {
  form: string;
  /** Only where no letter or digit touches it on either side (identifiers, placeholders). */
  bounded: boolean;
  data: T;
}

export class NeedleIndex<T> {
  private readonly byPrefix = new Map<number, Array<Needle<T>>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** An index holding the same needles, to which adding leaves this one as it is. */
  copy(): NeedleIndex<T> {
    const copy = new NeedleIndex<T>();
    for (const [key, list] of this.byPrefix) copy.byPrefix.set(key, list.slice());
    copy.count = this.count;
    return copy;
  }

  /** Adds a form unless it is already there (the first one added wins) or shorter than two characters. */
  add(form: string, bounded: boolean, data: T): void {
    if (form.length < 2) return;
    const key = prefixKey(form, 0);
    const list = this.byPrefix.get(key);
    const needle = { form, bounded, data };
    this.count++;
    if (!list) {
      this.byPrefix.set(key, [needle]);
      return;
    }
    let at = list.length;
    for (let i = 0; i < list.length; i++) {
      const other = (list[i] as Needle<T>).form;
      if (other.length === form.length && other === form) {
        this.count--;
        return;
      }
      if (other.length < form.length && at === list.length) at = i;
    }
    list.splice(at, 0, needle);
  }

  /** Replaces every occurrence, left to right, longest first; `replace` gets the needle's data and the matched form. */
  replace(text: string, replace: (data: T, form: string) => string): string {
    if (this.count === 0 || text.length < 2) return text;
    let out = '';
    let copied = 0;
    const last = text.length - 1;
    for (let i = 0; i < last; i++) {
      const list = this.byPrefix.get(prefixKey(text, i));
      if (!list) continue;
      for (const needle of list) {
        if (!text.startsWith(needle.form, i)) continue;
        if (needle.bounded && (isWordChar(text.charCodeAt(i - 1)) || isWordChar(text.charCodeAt(i + needle.form.length)))) continue;
        out += text.slice(copied, i) + replace(needle.data, needle.form);
        copied = i + needle.form.length;
        i = copied - 1;
        break;
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}

function prefixKey(text: string, at: number): number {
  return text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
