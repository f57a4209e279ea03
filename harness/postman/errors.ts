// One error type for bad Postman input. Its message is a single line a user can act on: the file,
// the item (with its folders) when one is at fault, and what is wrong with it, so a broken export
// from someone else's Postman is fixed without reading this code.

export class PostmanInputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    /** The item at fault, folders first ("Admin › Users › GET User"); undefined for the whole file. */
    readonly item?: string,
  ) {
    super(`${file}${item === undefined ? '' : `, item "${item}"`}: ${problem}`);
    this.name = 'PostmanInputError';
  }
}

/** How an item is named in messages: its folders and its own name, as Postman's sidebar nests them. */
export function itemLabel(folders: readonly string[], name: string): string {
  return [...folders, name].join(' › ');
}

/** A short rendering of a value for messages; long strings are cut, as they may hold anything. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
