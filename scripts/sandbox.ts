// `npm run sandbox [-- --port N] [-- --environment-out <file>]`: runs the embedded CloudLink
// sandbox until Ctrl-C and prints where each service is and the seeded credentials (public
// sandbox values). With --environment-out it also writes a Postman environment for the instance;
// --fault, --drift and --seed switch the switchboard's faults and contract drifts on from the start.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DRIFT_CATALOGUE, startSandbox, switchboardFromFlags, toPostmanEnvironment, type RunningSandbox } from '../sandbox';

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, 'environment-out': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      fault: { type: 'string', multiple: true }, drift: { type: 'string', multiple: true }, seed: { type: 'string' },
      'list-drifts': { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values['list-drifts']) {
    return void process.stdout.write(`${DRIFT_CATALOGUE.map((drift) => `${drift.id.padEnd(48)} ${drift.description}`).join('\n')}\n`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got '${values.port}'`);
  const switchboard = switchboardFromFlags({ fault: values.fault, drift: values.drift, seed: values.seed });

  const sandbox = await startSandbox({ port, switchboard });
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const out = values['environment-out'];
  if (out) writeFileSync(out, `${JSON.stringify(toPostmanEnvironment(sandbox), null, 2)}\n`);
  process.stdout.write(`${describe(sandbox)}\n${out ? `Postman environment written to ${out}\n` : ''}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(2);
});
