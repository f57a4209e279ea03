// The environment layer's errors. Each names its culprit (the file, the variable, the request) and
// carries every problem at once, so one run shows everything to fix instead of one thing per run.
// All are user mistakes (harness/user-error.ts): exit 2, no stack.
import { UserError } from '../user-error';

/** A file, selector or override that cannot become an Environment; lists every problem found. */
export class EnvironmentError extends UserError {
  constructor(
    /** The environment file at fault, or undefined when no file could be chosen. */
    readonly file: string | undefined,
    readonly problems: readonly string[],
    headline?: string,
  ) {
    super(formatProblems(headline ?? defaultHeadline(file, problems.length), problems));
    this.name = 'EnvironmentError';
  }
}

/** Variables a run needs are blank; thrown by assertComplete. */
export class IncompleteEnvironmentError extends EnvironmentError {
  constructor(
    file: string,
    headline: string,
    problems: readonly string[],
    /** The blank variable keys, in the order asked for. */
    readonly missing: readonly string[],
  ) {
    super(file, problems, headline);
    this.name = 'IncompleteEnvironmentError';
  }
}

/** One or more `{{variables}}` of a request template are defined in no scope. */
export class UnresolvedVariableError extends UserError {
  constructor(
    readonly request: string,
    /** Each unresolved variable once, with the variable whose value used it when nested. */
    readonly variables: readonly { name: string; usedBy?: string }[],
  ) {
    const list = variables.map((v) => `{{${v.name}}}${v.usedBy ? ` (in the value of {{${v.usedBy}}})` : ''}`).join(', ');
    const plural = variables.length === 1 ? 'variable' : 'variables';
    super(
      `Request "${request}": unresolved ${plural} ${list}. ` +
        'Define them in the environment file, as CLOUDLINK_<NAME> in .env or the process environment, or as request variables.',
    );
    this.name = 'UnresolvedVariableError';
  }
}

/** A variable's value refers back to itself through other variables; resolving would never end. */
export class VariableCycleError extends UserError {
  constructor(
    readonly request: string,
    /** The names along the cycle, first and last equal: ['a', 'b', 'a']. */
    readonly cycle: readonly string[],
  ) {
    super(`Request "${request}": variables refer to each other in a cycle: ${cycle.map((n) => `{{${n}}}`).join(' → ')}.`);
    this.name = 'VariableCycleError';
  }
}

function defaultHeadline(file: string | undefined, count: number): string {
  const what = file ? `Environment file ${file}` : 'Environment';
  return `${what} cannot be loaded (${count} problem${count === 1 ? '' : 's'}):`;
}

function formatProblems(headline: string, problems: readonly string[]): string {
  return [headline, ...problems.map((p) => `  - ${p}`)].join('\n');
}
