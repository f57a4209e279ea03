// `npm run sandbox [-- --port N] [-- --environment-out <file>]`: runs the embedded CloudLink
// sandbox until Ctrl-C and prints where each service is and the seeded credentials (public
// sandbox values). With --environment-out it also writes a Postman environment for the instance;
// --fault, --drift and --seed switch the switchboard's faults and contract drifts on from the start.
import { writeFileSync } from 'node:fs';
import { DRIFT_CATALOGUE, startSandbox, switchboardFromFlags, toPostmanEnvironment, type RunningSandbox } from '../sandbox';
import { UserError } from '../harness/user-error';
import { integerFlag, parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { checkOutputFile } from '../tools/run/preflight';

const USAGE = `usage: npm run sandbox -- [--port N] [--environment-out <file>] [--fault <spec>]… [--drift <id>]… [--seed N]
  --port N                  listen on 127.0.0.1:N (default: a free ephemeral port)
  --environment-out <file>  write a Postman environment file for the running sandbox
  --fault <spec>            a switchboard fault, kind[:field=value,…] or JSON, e.g. server-error:status=503,share=0.2
  --drift <id>              a contract drift from the catalogue (--list-drifts), e.g. media.call.state-enum
  --seed N                  makes every fault share reproducible
  --list-drifts             print the drift catalogue and exit`;

function describe(sandbox: RunningSandbox): string {
  const { credentials, urls } = sandbox;
  const lines = ['CloudLink sandbox running', '', 'services:'];
  for (const [key, url] of Object.entries(urls)) lines.push(`  ${key.padEnd(18)} ${url}`);
  lines.push('', `account: ${credentials.accountId} (accountNumber ${credentials.accountNumber})`, 'users:');
  for (const user of credentials.users) {
    lines.push(`  ${user.key.padEnd(8)} ${user.role.padEnd(14)} ${user.username}  password: ${user.password}`);
  }
  const { client } = credentials;
  lines.push('OpenID Connect client:', `  client_id     ${client.client_id}`, `  client_secret ${client.client_secret}`);
  lines.push(`  redirect_uri  ${client.redirect_uri}`);
  // A random key per run, local to this machine; the switchboard route is 404 without it.
  lines.push('switchboard:', `  url ${sandbox.switchboard.url}`, `  key ${sandbox.switchboard.key}`, '', 'Ctrl-C to stop.');
  return lines.join('\n');
}

// Runs until Ctrl-C: the promise main returns never settles on success.
async function main(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    port: { type: 'string' },
    'environment-out': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    fault: { type: 'string', multiple: true },
    drift: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'list-drifts': { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  if (values.help) return (process.stdout.write(`${USAGE}\n`), 0);
  if (values['list-drifts']) {
    return (process.stdout.write(`${DRIFT_CATALOGUE.map((drift) => `${drift.id.padEnd(48)} ${drift.description}`).join('\n')}\n`), 0);
  }
  const port = integerFlag('--port', values.port, 0) ?? 0;
  if (port > 65535) throw new UserError(`Option --port takes 0–65535, not "${values.port}".`);
  if (values['environment-out'] !== undefined) checkOutputFile(values['environment-out'], '--environment-out');
  let switchboard;
  try {
    switchboard = switchboardFromFlags({ fault: values.fault, drift: values.drift, seed: values.seed });
  } catch (error) {
    // switchboardFromFlags names the flag and what is wrong with it: the user's to fix.
    throw new UserError((error as Error).message);
  }

  const sandbox = await startSandbox({ port, switchboard }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
      throw new UserError(`--port ${port}: 127.0.0.1:${port} cannot be listened on (${error.code}); choose another port or leave --port out.`);
    throw error;
  });
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const out = values['environment-out'];
  if (out) writeFileSync(out, `${JSON.stringify(toPostmanEnvironment(sandbox), null, 2)}\n`);
  process.stdout.write(`${describe(sandbox)}\n${out ? `Postman environment written to ${out}\n` : ''}`);
  return new Promise<number>(() => undefined);
}

runMain('sandbox', main);
