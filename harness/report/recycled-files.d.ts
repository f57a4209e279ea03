// The types of ./recycled-files.js, which the results thread loads without a TypeScript loader.

export const ASIDE: string;
export const CLAIMED: string;
export const JEST_PARENT_VARIABLE: string;

export class RecycledFiles {
  constructor(resultsDir: string, fromStart?: boolean, alone?: boolean);
  /** Writes `content` as `name` in the results directory: in an old file's place while one is left, else anew. */
  write(name: string, content: string | Uint8Array): void;
}

/** The directories set aside from `dir`, this run's and those of earlier runs. */
export function setAsideDirs(dir: string): string[];

/** Whether this is the only process writing the run's results (the tests run in band). */
export function writesAlone(env?: NodeJS.ProcessEnv): boolean;
