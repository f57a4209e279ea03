// `npm run sandbox [-- --port N] [-- --environment-out <file>]`: runs the embedded CloudLink
// sandbox until Ctrl-C and prints where each service is and the seeded credentials (public
// sandbox values). With --environment-out it also writes a Postman environment for the instance.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandbox, toPostmanEnvironment, type RunningSandbox } from '../sandbox';

const USAGE = `usage: npm run sandbox -- [--port N] [--environment-out <file>]
  --port N                  listen on 127.0.0.1:N (default: a free ephemeral port)
  --environment-out <file>  write a Postman environment file for the running sandbox`;

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
  lines.push(`  redirect_uri  ${client.redirect_uri}`, '', 'Ctrl-C to stop.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'environment-out': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got '${values.port}'`);

  const sandbox = await startSandbox({ port });
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
