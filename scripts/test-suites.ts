// `npm run test:suites`: every suite in replay and live, side by side (tools/check/parallel.ts).
// Replay answers from the fixtures and live talks to its own embedded sandbox, so they share
// nothing but the cores; replay writes its reports to reports/replay/, live to reports/. One
// after the other they left a core idle through live's deliberate waits (Retry-After, latency).
import { runStages, SUITES } from '../tools/check/stages';

runStages('test:suites', 'npm run test:suites   (npm run test:live and npm run test:replay side by side)', [SUITES]);
