// One kind of error for the user's own mistakes: a configuration value, a flag, an input file, a
// request name. It names the culprit and what would be valid; command-line entries print only its
// message (no stack unless --verbose) and exit 2, so a mistake is never confused with a failure
// of the API under test (exit 1).

// jest loads global setup through its own transformer, so a UserError thrown there may come from a
// second copy of this module: `instanceof` alone would miss it, the brand does not.
const BRAND = Symbol.for('cloudlink.UserError');

export class UserError extends Error {
  readonly [BRAND] = true;

  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** True for a UserError from any copy of this module. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError || (typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true);
}

/** The known names closest to `given` (edit distance, case-insensitive), best first; at most three. */
export function closestNames(given: string, known: readonly string[], max = 3): string[] {
  const target = given.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 3));
  return known
    .map((name) => ({ name, distance: editDistance(target, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= limit || name.toLowerCase().includes(target))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, max)
    .map(({ name }) => name);
}

/** " Did you mean "x"?" when a known name is close, else the empty string. */
export function didYouMean(given: string, known: readonly string[]): string {
  const close = closestNames(given, known);
  return close.length ? ` Did you mean ${close.map((name) => `"${name}"`).join(' or ')}?` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
