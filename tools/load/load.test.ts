// npm run load end to end at a tiny size: the sandbox on its thread, the users logged in through
// the pipeline, both phases sent and booked. Speed is not asserted here (it is measured, not tested).
import { runLoad } from './load';
import { row, routeStats, sandboxCapacity } from './stats';

describe('npm run load', () => {
  it('sends both phases through the pipeline to a sandbox on its own thread, with no errors', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    let code: number;
    try {
      code = await runLoad(['--requests', '20', '--warmup', '4', '--concurrency', '2']);
    } finally {
      write.mockRestore();
    }
    const out = written.join('');
    expect(code).toBe(0);
    expect(out).toContain('sandbox on a thread of its own');
    // requests, req/s, p50, p99, errors 0, resent 0, CPU per request, the sandbox thread's busy share.
    expect(out).toMatch(/^read {3}GET Token +20 +\d+ +[\d.]+ +[\d.]+ +0 +0 +\d+ +\d+%$/m);
    expect(out).toMatch(/^write {2}\(POST \+ DELETE\) +20 +\d+ +[\d.]+ +[\d.]+ +0 +0 +\d+ +\d+%$/m);
  }, 60_000);

  it('refuses a count that is not a whole number, naming the option', async () => {
    await expect(runLoad(['--requests', 'many'])).rejects.toThrow('Option --requests takes a whole number ≥ 1, not "many".');
  });
});

describe('the load table', () => {
  it('counts what the pipeline sent again apart from the sends themselves', () => {
    const stats = { ...routeStats('read GET Token'), latenciesMs: [2, 1, 4, 3], wire: 5 };
    const cells = row(stats, { seconds: 2, cpuSeconds: 0.001 }, 4)
      .trim()
      .split(/\s{2,}/);
    // route, requests, req/s, p50, p99, errors, resent, CPU µs per request, sandbox busy (no thread of its own)
    expect(cells).toEqual(['read GET Token', '4', '2', '2.00', '4.00', '0', '1', '250', '-']);
  });

  it("gives the sandbox's own capacity from how busy its thread was", () => {
    expect(sandboxCapacity(5000, { seconds: 1, cpuSeconds: 0.5, sandboxBusy: 0.4 })).toBeCloseTo(12500);
    // On the client's thread, or hardly busy: nothing to say.
    expect(sandboxCapacity(5000, { seconds: 1, cpuSeconds: 0.5 })).toBeUndefined();
    expect(sandboxCapacity(10, { seconds: 1, cpuSeconds: 0.5, sandboxBusy: 0.01 })).toBeUndefined();
  });
});
