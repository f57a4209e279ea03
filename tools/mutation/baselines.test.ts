// Runs with no drift spread over the whole run, and a false positive in any of them counted once
// and never as a detection. The run function is a fake: no suite runs here.
import { driftFailures, falsePositives, planRuns, runMutation, summaryFromJson, type MutationRun, type PlannedRun } from '.';
import { isUserError } from '../../harness/user-error';

const failure = (test: string) => ({ file: 'suites/admin/users.test.ts', test, message: 'Expected: 200\nReceived: 204' });

/** The plan as a string: B for a baseline, d for a drift. */
const shape = (plan: PlannedRun[]) => plan.map((step) => ('drift' in step ? 'd' : 'B')).join('');

describe('planRuns', () => {
  const drifts = (count: number) => Array.from({ length: count }, (_, index) => `drift.${index}`);

  it('puts one baseline first, one in the middle and one last by default', () => {
    const plan = planRuns(drifts(54), 3);

    expect(plan).toHaveLength(57);
    expect(plan.filter((step) => 'baseline' in step)).toEqual([
      { baseline: 0, afterDrifts: 0 },
      { baseline: 1, afterDrifts: 27 },
      { baseline: 2, afterDrifts: 54 },
    ]);
    expect(plan[0]).toEqual({ baseline: 0, afterDrifts: 0 });
    expect(plan[28]).toEqual({ baseline: 1, afterDrifts: 27 });
    expect(plan.at(-1)).toEqual({ baseline: 2, afterDrifts: 54 });
    // Every drift once, in catalogue order.
    expect(plan.flatMap((step) => ('drift' in step ? [step.drift] : []))).toEqual(drifts(54));
  });

  it('spreads any count evenly, keeps one baseline first, and runs none for 0', () => {
    expect(shape(planRuns(drifts(4), 1))).toBe('Bdddd');
    expect(shape(planRuns(drifts(4), 2))).toBe('BddddB');
    expect(shape(planRuns(drifts(4), 3))).toBe('BddBddB');
    expect(shape(planRuns(drifts(6), 4))).toBe('BddBddBddB');
    expect(shape(planRuns(drifts(1), 3))).toBe('BdBB');
    expect(shape(planRuns(drifts(4), 0))).toBe('dddd');
  });
});

describe('runMutation with a fake run function', () => {
  const drift = 'admin.user.delete-status-204';

  it('makes the runs in plan order and reports each with a label', async () => {
    const made: (string | undefined)[] = [];
    const labels: string[] = [];
    const summary = await runMutation({
      drifts: [drift],
      baselines: 3,
      runOne: async (id) => {
        made.push(id);
        return { drift: id, failures: id ? [failure('DELETE User › returns 200')] : [], wallMs: 1 };
      },
      onRun: (_run, index, total, label) => labels.push(`${index}/${total} ${label}`),
    });

    expect(made).toEqual([undefined, drift, undefined, undefined]);
    expect(labels).toEqual(['1/4 (no drift 1/3)', `2/4 ${drift}`, '3/4 (no drift 2/3)', '4/4 (no drift 3/3)']);
    expect(summary.baselines.map((run) => run.afterDrifts)).toEqual([0, 1, 1]);
    expect(summary.runs.map((run) => run.drift)).toEqual([drift]);
  });

  it('counts a test that failed in only the last baseline as a false positive, not a detection', async () => {
    let call = 0;
    const summary = await runMutation({
      drifts: [drift],
      baselines: 3,
      // Run 4 (the last baseline) fails the very test the drift run failed: late, by time or order.
      runOne: async (id): Promise<MutationRun> => ({
        drift: id,
        failures: ++call === 2 || call === 4 ? [failure('DELETE User › returns 200')] : [],
        wallMs: 1,
      }),
    });

    expect(falsePositives(summary.baselines).map((each) => [each.test, each.inBaselines])).toEqual([['DELETE User › returns 200', [3]]]);
    expect(driftFailures(summary.runs[0]!, summary.baselines)).toEqual([]);
  });
});

describe('falsePositives', () => {
  it('unites the failures of every baseline, once each, with the runs each failed in', () => {
    const baselines = [
      { failures: [failure('a › one')], wallMs: 1 },
      { failures: [], wallMs: 1 },
      // JUnit's spelling of the same test, and a second one.
      { failures: [failure('a one'), failure('b')], wallMs: 1 },
    ];

    expect(falsePositives(baselines).map((each) => [each.test, each.inBaselines])).toEqual([
      ['a › one', [1, 3]],
      ['b', [3]],
    ]);
    expect(falsePositives([])).toEqual([]);
  });
});

describe('summaryFromJson', () => {
  const runs = [{ drift: 'a.b.c', failures: [failure('x')], wallMs: 1 }];

  it('keeps every baseline of a --json file, as written', () => {
    const written = {
      baselines: [
        { failures: [], wallMs: 1, afterDrifts: 0 },
        { failures: [failure('y')], wallMs: 2, afterDrifts: 1 },
      ],
      runs,
    };

    expect(summaryFromJson(JSON.parse(JSON.stringify(written)), 'f.json')).toEqual(written);
  });

  it('reads an older file with a single baseline as a list of one, made first', () => {
    const older = { baseline: { failures: [failure('y')], wallMs: 2 }, runs };

    expect(summaryFromJson(older, 'old.json')).toEqual({ baselines: [{ failures: [failure('y')], wallMs: 2, afterDrifts: 0 }], runs });
    expect(summaryFromJson({ runs }, 'none.json')).toEqual({ baselines: [], runs });
  });

  it.each([
    ['not an object', [], '--from-json f.json: is not a JSON object; expected a file written by --json.'],
    ['no runs', { baselines: [] }, '--from-json f.json: has no "runs" array of runs; expected a file written by --json.'],
    [
      'baselines not runs',
      { runs, baselines: [{ wallMs: 1 }] },
      '--from-json f.json: has a "baselines" that is not an array of runs; expected a file written by --json.',
    ],
    ['a baseline not a run', { runs, baseline: 'clean' }, '--from-json f.json: has a "baseline" that is not a run; expected a file written by --json.'],
  ])('refuses a file with %s, naming it', (_kind, parsed, message) => {
    let thrown: unknown;
    try {
      summaryFromJson(parsed, 'f.json');
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(message);
  });
});
