// The bridge between a running test and the jest environment that reports it. A failure message
// (a matcher's, jest's "Resolved to value: {…}", a timeout naming a URL) is written once, inside
// the test, but read by junit.xml, allure-results and the terminal, which the identifier policy
// treats differently. The test side exposes, on the test's global object, a masker that knows the
// test's scrubber; the environment (failure-events.ts) rewrites each failure with it before
// allure-jest and jest-junit read it.
import { identifierPolicy, maskForSharing, maskSecrets, type IdentifierPolicy } from '../redact/sharing';
import type { Scrubber } from '../redact/scrubber';

const MASKER = Symbol.for('cloudlink.failure-masker');
const HOOKED = Symbol.for('cloudlink.failure-masking-hooked');

export interface FailureMasker {
  readonly policy: IdentifierPolicy;
  /** The test file relative to the root, as the metrics name it; '' when unknown. */
  readonly file: string;
  /** What junit.xml, allure-results and the HTML report may show. */
  shared(text: string): string;
  /** What the terminal may show: the same as shared in CI, identifiers kept on a developer's machine. */
  terminal(text: string): string;
  /** A value a message prints as it is, known to be an identifier: shared copies mask it wherever it stands. */
  noteIdentifier(value: string): void;
}

type Holder = Record<symbol, unknown>;

/**
 * Puts the running test's masker on the test's global object; call at the start of each test,
 * once its scrubber exists. It stays until the next test's, so that failures reported after the
 * test's cleanups (jest's test_done) are still masked with what the test saw.
 */
export function exposeFailureMasker(scrubber: Scrubber, options: { file: string; policy?: IdentifierPolicy }, holder: object = globalThis): FailureMasker {
  const masker = createFailureMasker(scrubber, options.file, options.policy ?? identifierPolicy());
  (holder as Holder)[MASKER] = masker;
  return masker;
}

/** A masker with a scrubber (the test's) or without one (stateless shapes only: a failure outside any test). */
export function createFailureMasker(scrubber: Scrubber | undefined, file: string, policy: IdentifierPolicy): FailureMasker {
  const identifiers = new Set<string>();
  const shared = (text: string): string => (policy.shared ? maskForSharing(text, scrubber, identifiers) : maskSecrets(text, scrubber));
  return {
    policy,
    file,
    shared,
    terminal: (text) => (policy.terminal ? shared(text) : maskSecrets(text, scrubber)),
    noteIdentifier: (value) => {
      identifiers.add(value);
    },
  };
}

export function failureMaskerOf(holder: object = globalThis): FailureMasker | undefined {
  return (holder as Holder)[MASKER] as FailureMasker | undefined;
}

/** Set by the environment's event hook: from then on failure messages are masked before anything reads them. */
export function markFailureMaskingHooked(holder: object): void {
  (holder as Holder)[HOOKED] = true;
}

/**
 * Whether a message written now may print an identifier as it is (the matcher asks): only when the
 * environment masks shared copies and the terminal is allowed to show identifiers. The identifier
 * must then be handed to `noteIdentifier`. Otherwise messages mask identifiers themselves.
 */
export function identifierNoter(holder: object = globalThis): ((value: string) => void) | undefined {
  const masker = failureMaskerOf(holder);
  if (!masker || (holder as Holder)[HOOKED] !== true || masker.policy.terminal) return undefined;
  return masker.noteIdentifier;
}
