// What must never be readable in the report: the sandbox's passwords and client secret (the known
// run logs in with them), any JWT (the sandbox's tokens are JWTs), and a bearer credential that is
// not one of the scrubber's placeholders. The check scans every view it opens and every file the
// single-file report embeds, attachments included.
import { escapeRegExp } from '../../harness/redact/scrubber';
import { startSandbox } from '../../sandbox';

export interface Needle {
  /** How a hit is named in the failure: never the value itself. */
  name: string;
  pattern: RegExp;
}

/** Three base64url parts, the first a JSON header: `eyJ…` is `{"…` encoded. */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/;
/** A bearer credential, unless it is a placeholder the scrubber wrote ("redacted-access_token-1", "{{access_token}}"). */
const BEARER = /\bbearer\s+(?!redacted-|\{\{|«)[A-Za-z0-9._~+/-]{16,}/i;

export function secretNeedles(secrets: ReadonlyArray<{ name: string; value: string }>): Needle[] {
  return [
    { name: 'a JWT', pattern: JWT },
    { name: 'a bearer token', pattern: BEARER },
    ...secrets.filter((secret) => secret.value.length >= 6).map((secret) => ({ name: secret.name, pattern: new RegExp(escapeRegExp(secret.value)) })),
  ];
}

/** The names of the needles found in `text`. */
export function findSecrets(text: string, needles: readonly Needle[]): string[] {
  return needles.filter((needle) => needle.pattern.test(text)).map((needle) => needle.name);
}

/** The sandbox's seeded secrets (the same on every start), read from a sandbox started for a moment. */
export async function sandboxSecrets(): Promise<Array<{ name: string; value: string }>> {
  const sandbox = await startSandbox();
  try {
    const { users, client } = sandbox.credentials;
    return [
      ...users.map((user) => ({ name: `the password of the sandbox user "${user.key}"`, value: user.password })),
      { name: 'the sandbox client secret', value: client.client_secret },
    ];
  } finally {
    await sandbox.close();
  }
}
