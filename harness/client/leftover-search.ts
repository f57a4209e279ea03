// Against a real account, before a request that creates something is sent, the ledger is told how
// to find what it may create (the request's `leftovers`): a run killed between the platform's
// answer and the test's undo leaves something no undo names, and the next run's sweep finds it by
// the unique value the test sent (a user's email) and removes it. The value is read from the
// request the auth step built — the one that goes out — rather than from a second build.
import type { UndoLedger } from '../cleanup/ledger';
import type { TestState } from '../session';
import type { RecordedRequest } from './exchange';
import type { NamedRequest, RequestAuth } from './named-request';

export interface LeftoverSearchScope {
  ledger: UndoLedger;
  /** The collection's folder under suites/, which the sweep finds its requests by. */
  api: string;
  /** The running test: the search is named after it and its id kept until the test has its undo. */
  test: Pick<TestState, 'name' | 'intents'>;
  /** The user the create is sent as, who may list what it made. */
  as?: RequestAuth;
}

/**
 * The hook a send hands the pipeline (Outgoing.onBuilt) to write the search down before `named`
 * goes out; undefined when `named` declares no leftovers. Writes once per send: a retry or a
 * re-send after a token refresh carries the same body.
 */
export function leftoverSearch(named: NamedRequest, scope: LeftoverSearchScope): ((request: RecordedRequest) => void) | undefined {
  if (!named.leftovers) return undefined;
  const { list, match, undo, vars } = named.leftovers;
  let written = false;
  return (request) => {
    if (written) return;
    written = true;
    const value = (request.body as Record<string, unknown> | undefined)?.[match];
    if (typeof value !== 'string' || value === '') return;
    const filter = `${match} eq '${value.replace(/'/g, "''")}'`;
    scope.test.intents.push(
      scope.ledger.add({
        api: scope.api,
        label: `what "${named.name}" may have left (${match} ${value})`,
        test: scope.test.name,
        request: list,
        options: { query: { $filter: filter }, as: scope.as },
        each: { request: undo, vars },
      }),
    );
  };
}
