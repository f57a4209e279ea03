// `npm run send -- "GET Users" [-e production] [-c admin] [--var userId=…]`: one named request, like
// Postman's Send button (tools/send). Exit 0 when the answer keeps its contract, 1 when it does not,
// 2 on a usage mistake.
import { parseArgs } from 'node:util';
import { listRequests, sendRequest } from '../tools/send/send';
import { UserError } from '../harness/user-error';

const USAGE = `usage: npm run send -- "<request name>" [-e <environment>] [-c <collection>] [--var name=value]…
  -e, --environment <name|file>  as for npm start (default: sandbox, started for the occasion)
  -c, --collection <api>         when the name is in more than one collection
      --var name=value           a request variable, e.g. --var userId=…  (repeatable)
      --list                     list every named request`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      environment: { type: 'string', short: 'e' }, collection: { type: 'string', short: 'c' },
      var: { type: 'string', multiple: true }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    process.stdout.write(`${listRequests()}\n`);
    return 0;
  }
  const [request, ...extra] = positionals;
  if (!request || extra.length) throw new UserError(`Give exactly one request name${extra.length ? `, not ${positionals.length}` : ''}.\n\n${USAGE}`);
  const vars: Record<string, string> = {};
  for (const pair of values.var ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UserError(`--var takes name=value, got "${pair}".`);
    vars[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  const outcome = await sendRequest({ request, environment: values.environment, collection: values.collection, vars });
  process.stdout.write(`${outcome.text}\n`);
  return outcome.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const mistake = error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`send: ${mistake ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(mistake ? 2 : 1);
  },
);
