// `npm run load`: see tools/load/load.ts for the options, which it reads with tools/cli/args; runMain
// turns a mistake in them into one message and exit 2 like every other script's.
import { runMain } from '../tools/cli/main';
import { runLoad } from '../tools/load/load';

runMain('load', runLoad);
