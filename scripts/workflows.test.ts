// The CI workflows are checked inside `npm test` (actionlint is not installed): they parse, they
// trigger when the README says, every action is pinned to a major version, the test job runs the
// README's test command, the nightly run shards and merges, and no step prints a secret.
// `yaml` comes with the dev dependencies (allure's), so the check needs no install of its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown[]> };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const root = path.resolve(__dirname, '..');
const load = (name: string) => parse(readFileSync(path.join(root, '.github/workflows', name), 'utf8')) as Workflow;
const ci = load('ci.yml');
const nightly = load('nightly.yml');
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

describe.each([
  ['ci.yml', ci],
  ['nightly.yml', nightly],
])('%s', (_name, workflow) => {
  it('has a name, triggers and jobs whose steps each use an action or run a command', () => {
    expect(workflow.name).toEqual(expect.any(String));
    expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
    for (const step of steps(workflow)) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
  });

  it('pins every action to a major version (owner/name[/sub]@vN)', () => {
    for (const step of steps(workflow).filter((each) => each.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w.-]+)?@v\d+$/);
  });

  it('sets up a supported Node (20, 22 or 24, or the test matrix of them) and installs with npm ci in every job', () => {
    for (const job of Object.values(workflow.jobs)) {
      const version = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'];
      const versions = version === '${{ matrix.node }}' ? job.strategy?.matrix?.node : [version];
      expect(versions?.length).toBeGreaterThan(0);
      for (const each of versions ?? []) expect([20, 22, 24]).toContain(each);
      expect(runs(job)).toMatch(/^npm ci$/m);
    }
  });

  it('never echoes a secret or puts one in a command line', () => {
    for (const step of steps(workflow)) expect(step.run ?? '').not.toMatch(/secrets\.|echo\s+\S*(PASSWORD|SECRET|TOKEN)/i);
  });

  it('only refers to jobs that exist in needs', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const need of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs)).toContain(need);
    }
  });
});

describe('ci.yml', () => {
  it('runs on every push and pull request', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
  });

  it('tests on Node 20, 22 and 24, runs the end-to-end proofs, and rehearses the nightly against an external sandbox', () => {
    expect(ci.jobs.test!.strategy?.matrix?.node).toEqual([20, 22, 24]);
    expect(runs(ci.jobs.rehearse!)).toMatch(/^npm run rehearse$/m);
    expect(runs(ci.jobs.e2e!)).toMatch(/^npm run test:e2e$/m);
  });

  it('runs the README test command', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/^npm test\b/m);
    expect(runs(ci.jobs.test!)).toMatch(/^npm test$/m);
  });
});

describe('ci.yml browser check', () => {
  it('checks the HTML report in a browser in a step of its own, after npm test', () => {
    const commands = ci.jobs.test!.steps.map((step) => step.run ?? '');
    expect(commands.indexOf('npm run test:report')).toBeGreaterThan(commands.indexOf('npm test'));
  });
});

describe('nightly.yml', () => {
  const live = nightly.jobs.live!;
  const merge = nightly.jobs.merge!;

  it('runs on a schedule and on demand for a chosen environment', () => {
    expect(nightly.on.schedule).toEqual([{ cron: expect.any(String) }]);
    expect(nightly.on.workflow_dispatch).toMatchObject({ inputs: { environment: { required: true } } });
    expect(nightly.env?.CLOUDLINK_ENVIRONMENT).toContain('inputs.environment');
  });

  it.each(['live', 'drift'])('%s takes the credentials from secrets, as the CLOUDLINK_* names of .env.example', (id) => {
    const job = nightly.jobs[id]!;
    const example = readFileSync(path.join(root, 'environments/.env.example'), 'utf8');
    for (const name of ['CLOUDLINK_USERNAME', 'CLOUDLINK_PASSWORD']) expect(job.env?.[name]).toBe(`\${{ secrets.${name} }}`);
    for (const [name, value] of Object.entries(job.env ?? {})) {
      expect(example).toContain(`${name}=`);
      expect(value).toMatch(/^\$\{\{ (secrets|vars)\.[A-Z0-9_]+ \}\}$/);
    }
  });

  it('shards the live run across a matrix with jest --shard, one reports directory per shard', () => {
    const matrix = live.strategy?.matrix ?? {};
    expect(matrix.shard).toEqual(Array.from({ length: Number(matrix.total?.[0]) }, (_, index) => index + 1));
    expect(runs(live)).toMatch(
      /npm start -- --environment "\$CLOUDLINK_ENVIRONMENT" .*--reports reports\/shard-\$\{\{ matrix\.shard \}\} --shard \$\{\{ matrix\.shard \}\}\/\$\{\{ matrix\.total \}\}/s,
    );
  });

  it("carries each shard's undo ledger from night to night, saved even when the run failed", () => {
    const restore = live.steps.find((step) => step.uses?.startsWith('actions/cache/restore@'));
    const save = live.steps.find((step) => step.uses?.startsWith('actions/cache/save@'));
    expect(restore?.with?.path).toBe('.cloudlink/ledger');
    expect(save?.with?.path).toBe('.cloudlink/ledger');
    expect(save?.if).toBe('always()');
  });

  it('writes the drift report and uploads it', () => {
    const drift = nightly.jobs.drift!;
    expect(runs(drift)).toMatch(/^npm run drift -- --env "\$CLOUDLINK_ENVIRONMENT"/m);
    expect(drift.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toContain('reports/drift.md');
  });

  it('writes drift.html and attaches it to the merged report before the merge', () => {
    expect(nightly.jobs.drift!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toContain('reports/drift.html');
    const attach = merge.steps.findIndex((step) => step.run?.includes('attachDriftReport'));
    expect(attach).toBeGreaterThan(-1);
    expect(attach).toBeLessThan(merge.steps.findIndex((step) => step.run?.includes('npx allure generate')));
  });

  it("merges the shards into one Allure report with last night's history and uploads JUnit and the report", () => {
    expect([merge.needs].flat()).toEqual(['live', 'drift']);
    expect(runs(merge)).toMatch(/npx allure generate .*reports\/shards\/\*\/allure-results/);
    expect(runs(merge)).toContain('historyPath');
    expect(merge.steps.some((step) => step.uses?.startsWith('actions/cache@') && step.with?.path === 'allure-history')).toBe(true);
    const uploaded = merge.steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@')).map((step) => step.with?.name);
    expect(uploaded).toEqual(expect.arrayContaining(['junit', 'allure-report']));
  });
});
