// What one jest worker knows while it runs suite files: the environment and mode, the users'
// tokens, the current file's fixtures and the current test's scrubber and cleanups. The jest glue
// (harness/jest/setup-suite.ts) opens and closes files and tests; the client takes a SendContext
// from here for each send. Nothing here sends: the session never calls back into the client.
import path from 'node:path';
import { ledgerDir, UndoLedger } from './cleanup/ledger';
import { baseUrlsOf, loadEnvironment, type Environment } from './env';
import { fixturePathFor } from './fixtures/fixture-file';
import { ReplayPlayer } from './fixtures/player';
import type { FixtureRecorder } from './fixtures/recorder';
import { Scrubber } from './redact';
import { TokenStore, jwtExpiry, type TokenSet } from './auth/token-store';
import type { SendContext } from './pipeline/types';
import { identifierPolicy, type IdentifierPolicy } from './redact/sharing';
import { exposeFailureMasker } from './report/failure-masker';
import { USER_KEYS, USER_VARIABLES, type UserKey } from './auth/users';

export interface TestState {
  name: string;
  scrubber: Scrubber;
  cleanups: Array<{ label: string; run: () => Promise<unknown> }>;
  labelled: boolean;
  /** One line per request that was sent again (a reset, a 5xx, a 429): a test that needed any is flaky. */
  retries: string[];
  /** Set by a test that provokes retries to prove them: they do not make it flaky. */
  retriesExpected?: boolean;
  /** Headers added to every request the test sends, token refreshes included (CollectionClient.addHeadersForTest). */
  headers: Record<string, string>;
  /** Breaches of the contract found by the client's contract step (harness/pipeline/contract.ts). */
  contractProblems: string[];
  /** Where the account's identifiers are masked (mask_identifiers). */
  identifiers: IdentifierPolicy;
  /** Ledger ids of leftover searches written before a create (client/leftover-search.ts), done once the test has its undo. */
  intents: string[];
  /** Creates no leftover search could be written for (client/leftover-search.ts unfindableCreate): the test fails after its cleanups. */
  unfindable: string[];
}

export interface FileState {
  testPath: string;
  /** testPath relative to the working directory, as reports show it. */
  relativePath: string;
  /** The suites/<api> folder name. */
  api: string;
  recorder?: FixtureRecorder;
  player?: ReplayPlayer;
}

class Session {
  private environment?: Environment;
  private tokenStore?: TokenStore;
  private cachedBaseUrls?: Record<string, string>;
  private identifierPolicy?: IdentifierPolicy;
  private undoLedger?: UndoLedger | null;
  file?: FileState;
  test?: TestState;

  get env(): Environment {
    this.environment ??= loadEnvironment();
    return this.environment;
  }

  get tokens(): TokenStore {
    if (!this.tokenStore) {
      const initial: Partial<Record<UserKey, TokenSet>> = {};
      for (const user of USER_KEYS) {
        const accessToken = this.env.values[USER_VARIABLES[user].accessToken];
        if (!accessToken) continue;
        const refreshToken = this.env.values[USER_VARIABLES[user].refreshToken] || undefined;
        initial[user] = { accessToken, refreshToken, expiresAt: jwtExpiry(accessToken) };
      }
      this.tokenStore = new TokenStore(initial);
    }
    return this.tokenStore;
  }

  openFile(testPath: string): void {
    const api = path.basename(path.dirname(testPath));
    const fixture = fixturePathFor(testPath);
    this.file = { testPath, api, relativePath: path.relative(process.cwd(), testPath) };
    if (this.env.mode === 'record') this.file.recorder = recorderOf(fixture);
    // A live run for the drift report keeps its exchanges, scrubbed like fixtures, beside them in
    // the capture directory instead of over them (tools/drift).
    const capture = process.env[CAPTURE_DIR_VARIABLE];
    if (this.env.mode === 'live' && capture) this.file.recorder = recorderOf(path.join(capture, path.relative(process.cwd(), fixture)));
    if (this.env.mode === 'replay') this.file.player = new ReplayPlayer(fixture);
  }

  beginTest(name: string): void {
    const known = this.env.accountKeys.map((key) => ({ name: key, value: this.env.values[key] ?? '' })).filter((secret) => secret.value !== '');
    const scrubber = new Scrubber(known, { baseUrls: this.baseUrls() });
    const identifiers = this.identifiers();
    this.test = { name, scrubber, cleanups: [], labelled: false, retries: [], contractProblems: [], headers: {}, identifiers, intents: [], unfindable: [] };
    exposeFailureMasker(scrubber, { file: this.file?.relativePath ?? '', policy: identifiers });
    this.file?.player?.start(name);
    this.file?.recorder?.begin(name);
  }

  /** Runs the test's cleanups newest first, every one even when some fail, then checks replay use. */
  async endTest(): Promise<void> {
    const test = this.test;
    if (!test) return;
    const failures: string[] = [];
    for (const cleanup of [...test.cleanups].reverse()) {
      try {
        await cleanup.run();
      } catch (error) {
        failures.push(`cleanup "${cleanup.label}" failed: ${(error as Error).message}`);
      }
    }
    // The test ended, so whatever it made it has undone (or its undos are in the ledger).
    for (const id of test.intents.splice(0)) this.ledger()?.done(id);
    this.test = undefined;
    this.file?.player?.finish(test.name);
    if (failures.length) throw new Error(`After test "${test.name}":\n${failures.join('\n')}`);
  }

  /** Where identifiers of the account are masked (mask_identifiers; harness/redact/sharing.ts), decided once. */
  identifiers(): IdentifierPolicy {
    this.identifierPolicy ??= identifierPolicy(this.env.values.mask_identifiers);
    return this.identifierPolicy;
  }

  /** What a send from the running test may use (harness/pipeline). */
  sendContext(): SendContext {
    return { env: this.env, tokens: this.tokens, test: this.test, file: this.file, baseUrls: this.baseUrls() };
  }

  /** This worker's undo ledger against a real account (harness/cleanup/ledger.ts); undefined when none is kept. */
  ledger(): UndoLedger | undefined {
    if (this.undoLedger === undefined) {
      const dir = ledgerDir(this.env);
      this.undoLedger = dir ? new UndoLedger(dir) : null;
    }
    return this.undoLedger ?? undefined;
  }

  /** The API base URLs that have a value, by variable (auth_url → http://…/authentication/2017-09-01). */
  baseUrls(): Record<string, string> {
    this.cachedBaseUrls ??= baseUrlsOf(this.env);
    return this.cachedBaseUrls;
  }

  /**
   * The path part of an API's base URL (media_url → /media/2017-09-01 on the sandbox, /2017-09-01 on
   * CloudLink). In replay the URLs are the replay origin's, so the recorded paths are used.
   */
  basePath(urlKey: string): string {
    const recorded = this.file?.player?.recordedBasePaths()[urlKey];
    if (this.env.mode === 'replay') return recorded ?? '';
    return basePathOf(this.env.values[urlKey] ?? '');
  }

  closeFile(): void {
    const file = this.file;
    this.file = undefined;
    file?.player?.close();
    file?.recorder?.save(
      {
        recordedAt: new Date().toISOString(),
        target: this.env.target,
        environment: this.env.name,
        basePaths: Object.fromEntries(this.env.urlKeys.map((key) => [key, basePathOf(this.env.values[key] ?? '')]).filter(([, p]) => p !== '')),
      },
      { prune: process.env[RECORD_SUBSET_VARIABLE] !== '1' },
    );
  }
}

export const session = new Session();

/** Where a live run keeps its scrubbed exchanges for the drift report; unset, it keeps none. */
export const CAPTURE_DIR_VARIABLE = 'CLOUDLINK_CAPTURE_DIR';

/** Set by the CLI when only some tests run (--request): their recordings replace, the rest stay. */
export const RECORD_SUBSET_VARIABLE = 'CLOUDLINK_RECORD_SUBSET';

function basePathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * Loaded only by a run that keeps exchanges (record mode, a live run capturing for the drift
 * report): the recorder and its secret scan were about 3 ms of every other suite file's loading.
 */
function recorderOf(file: string): FixtureRecorder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { FixtureRecorder: Recorder } = require('./fixtures/recorder') as typeof import('./fixtures/recorder');
  return new Recorder(file);
}
