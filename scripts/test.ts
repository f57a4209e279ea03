// `npm test`: what a change must pass, in two stages (tools/check/stages.ts). First the unit tests
// beside the static checks, which take turns on the core the tests leave; then every suite live
// and in replay side by side. Each stage prints a line per step and the output of any that failed;
// a failed first stage stops the run.
import { runStages, SUITES, UNIT_AND_STATIC } from '../tools/check/stages';

runStages('test', 'npm test   (unit tests beside lint, type-check and stale types; then the suites live and in replay)', [UNIT_AND_STATIC, SUITES]);
