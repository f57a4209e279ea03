// The suites' jest environment: allure-jest's node environment with three changes. It masks
// failure messages for sharing before any reporter reads them. It hands every test file its
// worker's schema registry, compiled once. And allure-js writes
// each result and attachment to a temporary file, fsyncs it and renames it — about 3 ms per request
// on a busy 2-core machine, the largest single cost of a replay run (measured with --cpu-prof).
// These files are rebuilt by every run and read once by the report renderer after jest exits, so
// durability buys nothing here: this writer writes them straight, with no fsync.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import AllureNodeEnvironment from 'allure-jest/node';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';
import type { Circus } from '@jest/types';
import { maskFailures } from '../report/failure-events';
import { WORKER_REGISTRY, workerRegistry } from '../schema/registry';
import { exitPromptlyWhenIdle } from './worker-exit';

// Loaded in the worker process itself (not in a test file's context), once per worker.
exitPromptlyWhenIdle();

class PlainFileWriter extends FileSystemWriter {
  constructor(private readonly resultsDir: string) {
    super({ resultsDir });
  }

  override writeAttachment(distFileName: string, content: Buffer): void {
    this.write(distFileName, content);
  }

  override writeResult(result: { uuid: string }): void {
    this.write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  override writeGroup(result: { uuid: string }): void {
    this.write(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  private write(name: string, content: string | Buffer): void {
    mkdirSync(this.resultsDir, { recursive: true });
    writeFileSync(path.join(this.resultsDir, name), content);
  }
}

export default class HarnessEnvironment extends AllureNodeEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const runtime = (this as unknown as { runtime: { writer: unknown } }).runtime;
    const resultsDir = (config.projectConfig.testEnvironmentOptions as { resultsDir?: string }).resultsDir ?? 'allure-results';
    runtime.writer = new PlainFileWriter(resultsDir);
    // One schema registry per worker, not per test file (harness/schema/registry.ts).
    this.global[WORKER_REGISTRY] = workerRegistry;
  }

  /**
   * Failure messages masked by the identifier policy before allure-jest and jest-junit read them
   * (harness/report/failure-events.ts); allure-jest runs this before its own handler.
   */
  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    maskFailures(event, state, this.global);
  }
}
