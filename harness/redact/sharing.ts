// The identifier policy. Secrets (passwords, tokens, JWTs, client secrets) are masked everywhere,
// always. Identifiers of an account (account and user ids, emails, login names) are masked in what
// gets shared — fixtures, junit.xml, allure-results, the HTML report, and the terminal of a CI
// run — but shown in a developer's own terminal, where they are what one needs to debug an
// account. `mask_identifiers` (true, false, auto; CLOUDLINK_MASK_IDENTIFIERS, or the CLI's
// --mask-identifiers / --no-mask-identifiers) moves that line. Fixtures are scrubbed whatever it says:
// replay depends on their placeholders.
import { UserError } from '../user-error';
import { encodedPairs } from './encodings';
import { maskText } from './mask';
import { NeedleIndex } from './needles';
import { looksLikePlaceholder } from './placeholders';
import { EMAIL_ANY, IDENTIFYING_JSON_PAIR, IDENTIFYING_PAIR, UUID_ANY } from './patterns';
import type { Scrubber } from './scrubber';

/** The process-environment name of the setting (the environment variable mask_identifiers by the CLOUDLINK_ rule). */
export const MASK_IDENTIFIERS_VARIABLE = 'CLOUDLINK_MASK_IDENTIFIERS';
export const MASK_SETTINGS = ['auto', 'true', 'false'] as const;

export interface IdentifierPolicy {
  /** Identifiers are masked in junit.xml, allure-results and the HTML report. */
  shared: boolean;
  /** Identifiers are masked in the terminal. */
  terminal: boolean;
}

/**
 * The policy for a setting (blank: CLOUDLINK_MASK_IDENTIFIERS, else auto). `auto` masks in shared outputs, and in the terminal
 * only when CI=true, since a CI log is shared too.
 */
export function identifierPolicy(setting?: string, env: NodeJS.ProcessEnv = process.env): IdentifierPolicy {
  // A blank variable in the environment file defers to the process environment (the CLI's flag).
  const value = (setting?.trim() || env[MASK_IDENTIFIERS_VARIABLE]?.trim() || 'auto').toLowerCase();
  if (value === 'true') return { shared: true, terminal: true };
  if (value === 'false') return { shared: false, terminal: false };
  if (value === 'auto') return { shared: true, terminal: env.CI === 'true' };
  throw new UserError(
    `mask_identifiers must be one of ${MASK_SETTINGS.join(', ')}, not "${value}" (set in the environment file or ${MASK_IDENTIFIERS_VARIABLE}).`,
  );
}

/** Values shorter than this are not looked for inside text: "12" would mask every 12 in a message. */
const MIN_IDENTIFIER_LENGTH = 3;

/**
 * Text with every secret masked and the identifiers left alone: the known secrets and the
 * credentials the scrubber met get its placeholders (in every encoding), other credential shapes
 * (JWTs, Bearer tokens, name=value pairs) are masked wherever they are.
 */
export function maskSecrets(text: string, scrubber?: Scrubber): string {
  let out = text;
  if (scrubber) {
    const index = new NeedleIndex<string>();
    for (const value of scrubber.secretValues()) {
      if (value.length < MIN_IDENTIFIER_LENGTH) continue;
      const placeholder = scrubber.placeholderOf(value) ?? 'redacted-secret';
      for (const [form, masked] of encodedPairs(value, placeholder)) index.add(form, value.length < 6, masked);
    }
    out = index.replace(out, (masked) => masked);
  }
  return maskText(out);
}

/**
 * Text fit to share: secrets and identifiers masked. With the test's scrubber, the values it met
 * get the placeholders the report's attachments show; `identifiers` are values known to be
 * identifiers (the matcher notes those it prints), masked wherever they stand as a whole word.
 */
export function maskForSharing(text: string, scrubber?: Scrubber, identifiers: Iterable<string> = []): string {
  let out = scrubber ? scrubber.scrubText(text) : maskText(text).replace(UUID_ANY, '«masked uuid»').replace(EMAIL_ANY, '«masked email»');
  out = out.replace(IDENTIFYING_PAIR, (whole, name: string, value: string) => (isMasked(value) ? whole : `${name}=${placeholderFor(value, name, scrubber)}`));
  out = out.replace(IDENTIFYING_JSON_PAIR, (whole, name: string, colon: string, value: string) => {
    const raw = value.startsWith('"') ? value.slice(1, -1) : value;
    return isMasked(raw) ? whole : `"${name}"${colon}${JSON.stringify(placeholderFor(raw, name, scrubber))}`;
  });
  const index = new NeedleIndex<string>();
  const known = scrubber ? scrubber.sensitiveValues().map((s) => s.value) : [];
  for (const value of [...identifiers, ...known]) {
    if (value.length < MIN_IDENTIFIER_LENGTH || isMasked(value)) continue;
    index.add(value, true, scrubber?.placeholderOf(value) ?? '«masked identifier»');
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value) index.add(json, true, scrubber?.placeholderOf(value) ?? '«masked identifier»');
  }
  return index.replace(out, (masked) => masked);
}

function placeholderFor(value: string, name: string, scrubber: Scrubber | undefined): string {
  return scrubber?.placeholderOf(value) ?? `«masked ${name}»`;
}

/** Already a placeholder, numbered or not (scrubText masks values it never met without a number). */
function isMasked(value: string): boolean {
  return value.startsWith('«masked') || /^redacted-/.test(value) || looksLikePlaceholder(value) || UNNUMBERED.has(value);
}

const UNNUMBERED = new Set(['user@example.com', 'host.example.com']);
