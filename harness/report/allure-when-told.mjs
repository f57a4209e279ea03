// Allure's report generator, loaded now and run when told. Loading Allure 3 is most of generating
// the report of a small run: about 1 s of 1.3 s on this project's 2-core machine, against about
// 0.25 s of work once loaded (measured). harness/report/render.ts starts this process while the
// tests run; once they are done it writes "go" and what to generate on stdin. Stdin closed without
// "go" (the run failed, was interrupted, wanted no report after all) ends the process without
// generating anything.
//
// It does what `allure generate <results> --config <file> --output <dir>` does, through the same
// library the CLI calls (@allurereport/core: readConfig, then an AllureReport that reads the results
// directory), without loading the CLI: the CLI imports every command it has, and evaluates its
// entry and builds its argument parser only once told to generate (README, Performance).
//
// Usage: node allure-when-told.mjs <root>, then `go {"results": …, "config": …, "output": …}` and a
// newline on stdin; Allure is the one installed under <root>/node_modules.
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

// "go" and what to generate as JSON, on one line.
const job = await new Promise((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    input += chunk;
    const end = input.indexOf('\n');
    if (end >= 0) resolve(input.startsWith('go ') ? JSON.parse(input.slice(3, end)) : undefined);
  });
  process.stdin.on('end', () => resolve(undefined));
});
if (!job) process.exit(0);
process.stdin.destroy();

try {
  const { AllureReport, readConfig } = await loading;
  await gitAnswered;
  const config = await readConfig(root, job.config, { output: job.output });
  const report = new AllureReport(config);
  await report.start();
  await report.readDirectory(job.results);
  await report.done();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
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
