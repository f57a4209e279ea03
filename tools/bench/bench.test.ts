// The bench's table: the one-request line is printed when it was timed, and says when it failed.
import { formatBench, type BenchLine, type BenchResult } from './bench';

const line: BenchLine = { wallMs: 2100, cpuMs: 2800, requests: 992, overheadMsPerRequest: 0.3, overheadMedianMs: 0.27, wireMsPerRequest: 0.17, success: true };
const command = 'npm start -- --mode replay -c authentication -r "POST Token"';

it('prints the one-request line below the runs, and nothing of it when it was not timed', () => {
  const result: BenchResult = { replay: line, live: line, oneRequest: { command, wallMs: 1420, success: true } };
  expect(formatBench(result).split('\n').slice(-1)).toEqual([`one request, as typed: ${command}: 1420 ms`]);
  expect(formatBench({ replay: line, live: line })).not.toContain('one request');
});

it('says the one request failed, with what it printed', () => {
  const result: BenchResult = { replay: line, live: line, oneRequest: { command, wallMs: 900, success: false, output: 'No fixture for POST Token' } };
  expect(formatBench(result)).toContain(`${command}: 900 ms  (failed)\nNo fixture for POST Token`);
});
