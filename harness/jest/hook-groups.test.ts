import { Stage, Status, type FixtureResult, type TestResultContainer } from 'allure-js-commons';
import { groupShowsSomething } from './hook-groups';

function hook(overrides: Partial<FixtureResult> = {}): FixtureResult {
  return { name: 'afterEach', status: Status.PASSED, statusDetails: {}, stage: Stage.FINISHED, steps: [], attachments: [], parameters: [], ...overrides };
}

function group(befores: FixtureResult[], afters: FixtureResult[] = []): TestResultContainer {
  return { uuid: 'g', name: 'hooks', children: ['t'], befores, afters };
}

describe('groupShowsSomething', () => {
  it('leaves out a group whose hooks all passed with nothing in them', () => {
    expect(groupShowsSomething(group([hook({ name: 'beforeEach' })]))).toBe(false);
    expect(groupShowsSomething(group([], [hook(), hook()]))).toBe(false);
  });

  it('keeps a group with a hook that failed, broke or never finished', () => {
    expect(groupShowsSomething(group([hook({ status: Status.FAILED })]))).toBe(true);
    expect(groupShowsSomething(group([], [hook(), hook({ status: Status.BROKEN })]))).toBe(true);
    expect(groupShowsSomething(group([hook({ status: undefined })]))).toBe(true);
  });

  it('keeps a passed hook that shows a step, an attachment or a parameter', () => {
    const step = { name: 'DELETE Conversation', status: Status.PASSED, statusDetails: {}, stage: Stage.FINISHED, steps: [], attachments: [], parameters: [] };
    expect(groupShowsSomething(group([], [hook({ steps: [step] })]))).toBe(true);
    expect(groupShowsSomething(group([hook({ attachments: [{ name: 'log', source: 'a.txt', type: 'text/plain' }] })]))).toBe(true);
    expect(groupShowsSomething(group([hook({ parameters: [{ name: 'user', value: 'primary' }] })]))).toBe(true);
  });
});
