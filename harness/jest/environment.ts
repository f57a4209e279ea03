// The suites' jest environment: allure-jest's node environment, with what is better done once per
// worker than once per test file, and what else it changes:
// - Once per worker: the schema registry, compiled; the HTTP client, supertest
//   (harness/pipeline/http-client.ts); in replay, the network guard (nock).
// - An idle worker exits at once instead of disposing its heap (./worker-exit.ts).
// - Failure messages are masked for sharing before any reporter reads them.
// - The async-context storages a test file started are disabled when it ends
//   (./test-file-storages.ts says why).
// - allure-js writes each result and attachment to a temporary file, fsyncs it and renames it:
//   about 3 ms per request on a busy 2-core machine, the largest single cost of a replay run
//   (measured with --cpu-prof). These files are rebuilt by every run and read once by the report
//   renderer after jest exits, so durability buys nothing here: this writer writes them straight,
//   in the places of the last run's files while any are left (harness/report/recycled-files.js), and
//   in band from a thread of their own (harness/report/result-files.ts).
//   It leaves out the hooks' groups that show nothing (./hook-groups.ts).
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import AllureNodeEnvironment from 'allure-jest/node';
import type { TestResultContainer } from 'allure-js-commons';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';
import type { Circus } from '@jest/types';
import { maskFailures } from '../report/failure-events';
import { resultFiles, type ResultFiles } from '../report/result-files';
import { reportTestEvent } from '../report/test-events';
import { WORKER_REGISTRY, workerRegistry } from '../schema/registry';
import { WORKER_HTTP_CLIENT } from '../pipeline/http-client-name';
import { httpClient, type HttpClient } from '../pipeline/http-client';
import { WORKER_NETWORK_GUARD, guardThisProcess } from '../fixtures/network-guard';
import { groupShowsSomething } from './hook-groups';
import { releaseStorages, watchStorages } from './test-file-storages';
import { exitPromptlyWhenIdle } from './worker-exit';

/**
 * Imported with this module, not on first use: jest compiles TypeScript only while it loads the
 * environment, so a later require of a .ts file from here would fail outside `-r ./scripts/register.js`.
 * Idle keep-alive sockets are unref'd by node's agent, so the worker can still exit when done.
 */
const workerHttpClient = (): HttpClient => httpClient;

// Loaded in the worker process itself (not in a test file's context), once per worker.
exitPromptlyWhenIdle();
watchStorages();

class PlainFileWriter extends FileSystemWriter {
  readonly files: ResultFiles;

  constructor(resultsDir: string) {
    super({ resultsDir });
    this.files = resultFiles(resultsDir, Number(process.env.JEST_WORKER_ID ?? 1) % 2 === 0);
  }

  override writeAttachment(distFileName: string, content: Buffer): void {
    this.files.write(distFileName, content);
  }

  override writeResult(result: { uuid: string }): void {
    this.files.write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  override writeGroup(result: TestResultContainer): void {
    if (groupShowsSomething(result)) this.files.write(`${result.uuid}-container.json`, JSON.stringify(result));
  }
}

export default class HarnessEnvironment extends AllureNodeEnvironment {
  private readonly writer: PlainFileWriter;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const runtime = (this as unknown as { runtime: { writer: unknown } }).runtime;
    const resultsDir = (config.projectConfig.testEnvironmentOptions as { resultsDir?: string }).resultsDir ?? 'allure-results';
    this.writer = new PlainFileWriter(resultsDir);
    runtime.writer = this.writer;
    // One schema registry per worker, not per test file (harness/schema/registry.ts).
    this.global[WORKER_REGISTRY] = workerRegistry;
    this.global[WORKER_HTTP_CLIENT] = workerHttpClient;
    // The network guard goes up once per process that runs replay files (a worker, or the CLI's own
    // when a replay runs in band) and comes down in global teardown (harness/fixtures/network-guard.ts).
    if (process.env.CLOUDLINK_MODE === 'replay') {
      guardThisProcess();
      this.global[WORKER_NETWORK_GUARD] = true;
    }
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    // Every result and attachment of this file written (harness/report/result-files.ts).
    await this.writer.files.flush();
    releaseStorages();
  }

  /**
   * Failure messages masked by the identifier policy before allure-jest and jest-junit read them
   * (harness/report/failure-events.ts); allure-jest runs this before its own handler. The report
   * learns each test's describe and outcome (harness/report/test-events.ts).
   */
  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    maskFailures(event, state, this.global);
    reportTestEvent(event, this.global);
  }
}
