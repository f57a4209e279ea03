// `npm run send -- "GET Users" [-e production] [-c admin] [--var userId=…]`: one named request, like
// Postman's Send button (tools/send). Exit 0 when the answer keeps its contract, 1 when it does not,
// 2 on a usage mistake.
import { UserError } from '../harness/user-error';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { listRequests, sendRequest } from '../tools/send/send';

const USAGE = `usage: npm run send -- "<request name>" [-e <environment>] [-c <collection>] [--var name=value]…
  -e, --environment <name|file>  as for npm start (default: sandbox, started for the occasion)
  -c, --collection <api>         when the name is in more than one collection
      --var name=value           a request variable, e.g. --var userId=…  (repeatable)
      --list                     list every named request`;

runMain('send', async (argv) => {
  const { values, positionals } = parseFlags(
    argv,
    {
      environment: { type: 'string', short: 'e' },
      collection: { type: 'string', short: 'c' },
      var: { type: 'string', multiple: true },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      verbose: { type: 'boolean' },
    },
    { allowPositionals: true },
  );
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
    if (equals <= 0) throw new UserError(`Option --var takes name=value, not ${JSON.stringify(pair)}.`);
    vars[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  const outcome = await sendRequest({ request, environment: values.environment, collection: values.collection, vars });
  process.stdout.write(`${outcome.text}\n`);
  return outcome.ok ? 0 : 1;
});
