// `npm start -- -r "<name>"`: which top-level describes a request selects, and, in the suites'
// test files, leaving the others undefined. jest's testNamePattern alone would report every test
// of a collection's file that the name does not select as skipped: a "POST Token" run would say
// 6 passed and 23 skipped. A describe that is never defined is not a test of the run at all; within
// a selected describe, testNamePattern still narrows to the tests a longer name selects.

/** The variable the CLI sets to its --request for the suites' test files ('' for none). */
export const REQUEST_VARIABLE = 'CLOUDLINK_REQUEST';

/**
 * Whether `-r request` selects a top-level describe titled `name`: the request is its title, the
 * first words of it, or one of its tests' full names (jest's pattern is then `^<request>( |$)`).
 */
export function describeSelects(name: string, request: string): boolean {
  return `${name} `.startsWith(`${request} `) || request.startsWith(`${name} `);
}

type Describe = typeof globalThis.describe;

/**
 * Returns a `describe` that defines a top-level block only when `request` selects its title;
 * nested blocks, and every variant (`describe.each`, `.only`, `.skip`), are jest's own.
 */
export function describeSelectedBy(request: string, describe: Describe): Describe {
  let depth = 0;
  const selected = (name: Parameters<Describe>[0], body: Parameters<Describe>[1]) => {
    const title = typeof name === 'string' ? name : String((name as { name?: string }).name ?? name);
    if (depth === 0 && !describeSelects(title, request)) return;
    depth++;
    try {
      describe(name, body);
    } finally {
      depth--;
    }
  };
  return Object.assign(selected, describe) as Describe;
}
