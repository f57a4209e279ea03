// Runs exported collections with Newman's Node API, as a Postman user's CI would, and boils the
// summary down to what a test or a benchmark needs: wall time, how many requests and assertions,
// and each failure with the request and the test that failed. Newman is a dev dependency, loaded
// on first use (it takes a while), so importing this module costs nothing. newmanInputFor gives
// what a Postman user would type into the environment to run the exports against the sandbox.
import type { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { NewmanRunSummary } from 'newman';
import { toPostmanEnvironment, type PostmanEnvironment, type RunningSandbox } from '../../sandbox';

export interface NewmanFailure {
  request: string;
  /** The pm.test name, or the kind of error for script and request errors. */
  test: string;
  message: string;
}

export interface NewmanOutcome {
  wallMs: number;
  requests: number;
  assertions: number;
  failures: NewmanFailure[];
  /** Each request's name and status, in run order. */
  responses: Array<{ request: string; status: number | undefined }>;
}

export interface NewmanInput {
  /** A Postman collection document or the path of one. */
  collection: object | string;
  /** A Postman environment document or the path of one. */
  environment?: object | string;
  /** Values that override the environment's, as `--env-var key=value` does. */
  envVar?: Record<string, string>;
}

export function runNewman(input: NewmanInput): Promise<NewmanOutcome> {
  return runNewmanSummary(input).then(({ summary, wallMs }) => outcome(summary, wallMs));
}

/**
 * Newman's own summary, for a caller that needs more than the outcome (the bench pairs each request
 * Newman sent). `requestAgents` are Newman's option of that name: the agents its requests go through.
 */
export function runNewmanSummary(
  input: NewmanInput & { requestAgents?: { http?: Agent; https?: Agent } },
): Promise<{ summary: NewmanRunSummary; wallMs: number }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- newman is heavy; only a run with it loads it
  const newman = require('newman') as typeof import('newman');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: input.collection as string,
        environment: input.environment as string | undefined,
        envVar: Object.entries(input.envVar ?? {}).map(([key, value]) => ({ key, value })),
        reporters: [],
        timeoutRequest: 10_000,
        ...(input.requestAgents ? { requestAgents: input.requestAgents } : {}),
      },
      (error: Error | null, summary: NewmanRunSummary) => {
        if (error) return reject(error);
        resolve({ summary, wallMs: performance.now() - started });
      },
    );
  });
}

function outcome(summary: NewmanRunSummary, wallMs: number): NewmanOutcome {
  const { run } = summary;
  const failures = run.failures.map((failure) => {
    const error = failure.error as { name?: string; message?: string; test?: string };
    const source = failure.source as { name?: string } | undefined;
    return { request: source?.name ?? '(collection)', test: error.test ?? error.name ?? 'error', message: error.message ?? String(error) };
  });
  if (summary.error) failures.push({ request: '(run)', test: 'error', message: String((summary.error as Error).message ?? summary.error) });
  return {
    wallMs: Math.round(wallMs),
    requests: run.stats.requests.total ?? 0,
    assertions: run.stats.assertions.total ?? 0,
    failures,
    responses: run.executions.map((execution) => ({
      request: execution.item.name ?? '',
      status: (execution.response as { code?: number } | undefined)?.code,
    })),
  };
}

/** One line per failure, for assertion messages. */
export function describeFailures(failures: readonly NewmanFailure[]): string {
  return failures.map((f) => `${f.request} › ${f.test}: ${f.message}`).join('\n');
}

export interface NewmanSandboxInput {
  environment: PostmanEnvironment;
  /** Overrides, as `newman run -e … --env-var key=value` would pass them. */
  envVar: Record<string, string>;
}

/**
 * The sandbox's own Postman environment, logged in as its partner admin (registering an
 * application, "POST Application", needs a partner or global admin; the account admin gets the 403
 * real CloudLink gives), with the values docs/postman.md tells a Postman user to fill in.
 */
export function newmanInputFor(sandbox: RunningSandbox): NewmanSandboxInput {
  const user = (key: string) => {
    const found = sandbox.credentials.users.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`The sandbox has no "${key}" user; newmanInputFor needs its partner admin and second user.`);
    return found;
  };
  const partner = user('partner');
  return {
    environment: toPostmanEnvironment(sandbox),
    envVar: {
      username: partner.username,
      password: partner.password,
      // The values the export leaves blank ("fill in before running"), as a user would choose them.
      appName: 'Registered from Newman',
      appDescription: 'An application registered by the exported Authentication collection.',
      participantId: user('second').userId,
      // Conversations' "POST Participant" adds a user not yet in the conversation (participantId is).
      newParticipantId: user('user').userId,
      email: 'postman.user@example.com',
    },
  };
}
