// `npm run import -- … --fill-from-sandbox`: the values a Postman user would look up by hand to run
// a CloudLink collection against the embedded sandbox. The sandbox's seed is fixed (sandbox/seed.ts),
// so the ids read from one instance started here hold for the instance the harness starts at run
// time. Three kinds of value:
//   * the harness's own: URLs and credentials, which global setup fills in from the sandbox it starts;
//     the environment gets target=sandbox and these stay blank;
//   * the seed's: a collection's names for the account, its number, users and applications
//     (Mitel's PartnerPrimeAccountId is the account number, accountIdGUID the account id);
//   * samples, for inputs the seed has no value for: a name, an email at example.com, a webhook URL on
//     127.0.0.1 (the sandbox delivers only over loopback), a GUID. Anything else stays for the user.
import { startSandbox, toPostmanEnvironment } from '../../../sandbox';
import type { ImportedEnvironment } from '../environment';
import type { ImportedRequest } from './convert';

export interface SandboxSeed {
  /** Variables the harness fills in at run time against the sandbox (auth_url, username, …). */
  harnessFilled: string[];
  /** The seed's values by normalised alias (lower case, letters and digits only), with what each is. */
  byAlias: Record<string, { value: string; what: string }>;
}

export interface FilledValue {
  name: string;
  value: string;
  what: string;
  kind: 'environment' | 'parameter';
}

/** Starts a sandbox in this process, reads its seed, and stops it. */
export async function readSandboxSeed(): Promise<SandboxSeed> {
  const sandbox = await startSandbox();
  try {
    const { credentials } = sandbox;
    const user = (key: string) => credentials.users.find((u) => u.key === key);
    const account = { value: credentials.accountId, what: "the sandbox account's id" };
    const number = { value: credentials.accountNumber, what: "the sandbox account's number" };
    const application = { value: credentials.client.client_id, what: 'a seeded application of the sandbox account' };
    const byAlias: SandboxSeed['byAlias'] = {
      accountidguid: account,
      accountguid: account,
      accountid: account,
      customerid: account,
      partnerprimeaccountid: number,
      accountnumber: number,
      primeaccountid: number,
      applicationid: application,
      appid: application,
      clientid: application,
      applicationguid: application,
    };
    const primary = user('primary');
    const second = user('second');
    if (primary)
      Object.assign(byAlias, {
        userid: { value: primary.userId, what: "the sandbox's primary user" },
        principalid: { value: primary.userId, what: "the sandbox's primary user" },
      });
    if (second)
      Object.assign(byAlias, {
        participantid: { value: second.userId, what: "the sandbox's second user" },
        otheruserid: { value: second.userId, what: "the sandbox's second user" },
      });
    const harnessFilled = toPostmanEnvironment(sandbox)
      .values.map((v) => v.key)
      .filter((key) => key !== 'x-mitel-app');
    return { harnessFilled, byAlias };
  } finally {
    await sandbox.close();
  }
}

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A value for an input the seed does not hold, when its name says what it is. */
function sample(name: string): { value: string; what: string } | undefined {
  const key = normalise(name);
  if (key.includes('email')) return { value: `imported.${key.replace(/email.*/, '') || 'user'}@example.com`, what: 'a sample address at example.com' };
  if (/(url|uri)$/.test(key))
    return { value: 'http://127.0.0.1:9/cloudlink-webhook', what: 'a sample URL on 127.0.0.1 (the sandbox delivers webhooks over loopback only)' };
  if (/(guid|uuid)$/.test(key)) return { value: '7d3f1c2a-9b8e-4f6d-a5c4-3b2a1f0e9d8c', what: 'a sample GUID' };
  if (key.includes('description')) return { value: 'Imported from Postman and run against the sandbox.', what: 'a sample text' };
  if (key.includes('name')) return { value: 'Imported Sample', what: 'a sample name' };
  return undefined;
}

/**
 * Fills the environment and the named parameters from the seed, in place; returns what was filled.
 * Seed values replace what the collection held (a real account's ids mean nothing to the sandbox);
 * samples fill only blanks.
 */
export function fillFromSandbox(environment: ImportedEnvironment, requests: readonly ImportedRequest[], seed: SandboxSeed): FilledValue[] {
  const filled: FilledValue[] = [];
  const values = environment.document.values;
  const set = (key: string, value: string, description?: string) => {
    const entry = values.find((v) => v.key === key);
    if (entry) Object.assign(entry, { value }, description ? { description } : {});
    else values.push({ key, value, type: 'default', enabled: true, ...(description ? { description } : {}) });
  };
  set('target', 'sandbox');
  for (const key of seed.harnessFilled) {
    const entry = values.find((v) => v.key === key);
    if (entry) set(key, '', 'Filled in at run time by the harness from the embedded sandbox.');
  }
  // Parameters are filled below, in the suite; captured values come from the answers at run time.
  const suiteOwn = new Set(requests.flatMap((r) => [...r.parameters.map((p) => p.name), ...r.captures.map((c) => c.variable)]));
  const used = new Set(requests.flatMap((r) => r.variables).filter((name) => !suiteOwn.has(name)));
  for (const key of new Set([...values.map((v) => v.key), ...used])) {
    if (seed.harnessFilled.includes(key) || key === 'target') continue;
    const entry = values.find((v) => v.key === key);
    if (entry?.type === 'secret') continue;
    const fromSeed = seed.byAlias[normalise(key)];
    const fallback = entry?.value ? undefined : sample(key);
    const chosen = fromSeed ?? fallback;
    if (!chosen || (!entry && !used.has(key))) continue;
    set(key, chosen.value);
    filled.push({ name: key, value: chosen.value, what: chosen.what, kind: 'environment' });
  }
  const seen = new Set<string>();
  for (const parameter of requests.flatMap((r) => r.parameters)) {
    const chosen = seed.byAlias[normalise(parameter.name)] ?? (parameter.value === '' ? sample(parameter.name) : undefined);
    if (!chosen) continue;
    parameter.value = chosen.value;
    if (!seen.has(parameter.name)) filled.push({ name: parameter.name, value: chosen.value, what: chosen.what, kind: 'parameter' });
    seen.add(parameter.name);
  }
  return filled;
}
