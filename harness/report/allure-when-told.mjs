// Allure's report generator, loaded now and run when told. Loading Allure 3 is most of generating
// the report of a small run: about 1 s of 1.3 s on this project's 2-core machine, against about
// 0.25 s of work once loaded (measured). harness/report/render.ts starts this process while the
// tests run, tells it where the report goes ("ready"), and once they are done writes "go" on
// stdin. Stdin closed without "go" (the run failed, was interrupted, wanted no report after all)
// ends the process without generating anything.
//
// It does what `allure generate <results> --config <file> --output <dir>` does, through the same
// library the CLI calls (@allurereport/core: readConfig, then an AllureReport that reads the results
// directory), without loading the CLI: the CLI imports every command it has, and evaluates its
// entry and builds its argument parser only once told to generate (README, Performance).
//
// Usage: node allure-when-told.mjs <root>, then the lines below on stdin; Allure is the one
// installed under <root>/node_modules.
// Plain JavaScript: it runs under node alone, without the project's TypeScript loader.
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [root] = process.argv.slice(2);
const fromRoot = createRequire(path.join(root, 'package.json'));
const load = async (name) => import(pathToFileURL(fromRoot.resolve(name)).href);
// The generator, and (only a head start) the report plugin allurerc.json names, which readConfig
// imports itself: one that fails to load here fails again there, and Allure then says why.
const loading = load('@allurereport/core');
// Awaited once told to generate, and its failure said then; not a crash while the tests still run.
loading.catch(() => undefined);
load('@allurereport/plugin-awesome').catch(() => undefined);
// Outside CI, Allure describes the run by asking git for its repository, branch and remote, again
// on every read of each (five `git` runs as the report is written: about 55 ms after the tests,
// measured). Read once now, while the tests run, the answers are the same ones.
const gitAnswered = loading.then(answerGitOnceForAllure).catch(() => undefined);

// Told on stdin, a line each: `ready {"config": …, "output": …}` once the run knows where its report
// goes, and `go {"results": …}` once the results are complete. What can be done before the results
// are (reading the configuration, starting the report and its plugin) is done on "ready", beside
// the tests: about 20–30 ms less to wait for after them.
let prepared;
const job = await new Promise((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    input += chunk;
    for (let end = input.indexOf('\n'); end >= 0; end = input.indexOf('\n')) {
      const line = input.slice(0, end);
      input = input.slice(end + 1);
      if (line.startsWith('ready ')) prepared = prepare(JSON.parse(line.slice(6)));
      else resolve(line.startsWith('go ') ? JSON.parse(line.slice(3)) : undefined);
    }
  });
  process.stdin.on('end', () => resolve(undefined));
});
if (!job) process.exit(0);
process.stdin.destroy();

try {
  if (!prepared) throw new Error('Told to generate the report before being told where it goes (no "ready" line).');
  const report = await prepared;
  await gitAnswered;
  await report.readDirectory(job.results);
  await report.done();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/** The report, started, with nothing read yet. Its failure is said once told to generate. */
function prepare({ config, output }) {
  const report = loading.then(async ({ AllureReport, readConfig }) => {
    const started = new AllureReport(await readConfig(root, config, { output }));
    await started.start();
    return started;
  });
  report.catch(() => undefined);
  return report;
}

/** Turns the getters of Allure's local (not CI) run description into the values they answer now. */
async function answerGitOnceForAllure() {
  // The copy @allurereport/core imports, which is the one it asks.
  const fromCore = createRequire(fromRoot.resolve('@allurereport/core'));
  const { detect, isLocalCiDescriptor } = await import(pathToFileURL(fromCore.resolve('@allurereport/ci')).href);
  const run = detect();
  if (!isLocalCiDescriptor(run)) return;
  for (const name of ['repoName', 'jobRunBranch', 'provider', 'repository', 'sourceBranch']) {
    const getter = Object.getOwnPropertyDescriptor(run, name);
    if (getter?.get && getter.configurable) Object.defineProperty(run, name, { value: run[name], enumerable: getter.enumerable });
  }
}
