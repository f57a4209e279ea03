// allure-jest writes a group file for every hook a test runs: the report's "Set up" and "Tear down"
// lines. The harness's own beforeEach and afterEach (./setup-suite.ts) alone make two per test,
// and most of them passed with nothing in them, which tells a reader nothing. Every file a run
// writes costs (README, Performance), so a group is written only when it shows something: a hook
// that did not pass, or one that holds a step (the afterEach's cleanup requests), an attachment or
// a parameter.
import type { FixtureResult, TestResultContainer } from 'allure-js-commons';

export function groupShowsSomething(group: TestResultContainer): boolean {
  return [...group.befores, ...group.afters].some(showsSomething);
}

function showsSomething(hook: FixtureResult): boolean {
  return hook.status !== 'passed' || hook.steps.length > 0 || hook.attachments.length > 0 || hook.parameters.length > 0;
}
