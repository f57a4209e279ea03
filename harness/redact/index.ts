// Redaction: THE list of sensitive names (sensitive.ts), one scrubber for everything that leaves the
// process (fixtures, reports, logs), and stateless masking for messages.
export { CREDENTIAL_NAMES, IDENTIFYING_NAMES, isCredentialName, isIdentifyingName, JWT_PATTERN } from './sensitive';
export { Scrubber, escapeRegExp, MIN_EMBEDDED_LENGTH, type KnownSecret, type ScrubberOptions, type SensitiveValue } from './scrubber';
export { maskSensitive, maskText } from './mask';
export { parsePlaceholder, isRedactedPlaceholder, type ParsedPlaceholder } from './placeholders';
export { encodedForms, base64Fragments } from './encodings';
