// Against a real account, before a request that creates something is sent, the ledger is told how
// to find what it may create (the request's `leftovers`): a run killed between the platform's
// answer and the test's undo leaves something no undo names, and the next run's sweep finds it by
// the unique value the test sent (a user's email) and removes it. The value is read from the
// request the auth step built — the one that goes out — rather than from a second build.
import type { UndoLedger } from '../cleanup/ledger';
import { eqFilter } from '../cleanup/undo';
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
  /** The create's own variables, some of which the list's URL may need (`listVars`). */
  vars?: Record<string, string>;
}

/**
 * The hook a send hands the pipeline (Outgoing.onBuilt) to write the search down before `named`
 * goes out; undefined when `named` declares no leftovers. Writes once per send: a retry or a
 * re-send after a token refresh carries the same body.
 */
export function leftoverSearch(named: NamedRequest, scope: LeftoverSearchScope): ((request: RecordedRequest) => void) | undefined {
  if (!named.leftovers) return undefined;
  const { list, listVars = [], match, undo, vars, fixed, alreadyDone, then } = named.leftovers;
  const missing = listVars.filter((name) => scope.vars?.[name] === undefined);
  // A collection that names a variable its own sends do not carry is a mistake in the collection.
  if (missing.length) throw new Error(`"${named.name}" is sent without ${missing.join(', ')}, which its leftovers' list "${list}" needs.`);
  const listed = Object.fromEntries(listVars.map((name) => [name, scope.vars?.[name] ?? '']));
  // What the list is under (an endpoint) is what each item is under too: its undo gets them as well.
  const fixedVars = { ...listed, ...fixed };
  const each = { request: undo, vars, ...(Object.keys(fixedVars).length ? { fixed: fixedVars } : {}), ...(then ? { then } : {}) };
  const listOptions = listVars.length ? { vars: listed } : {};
  let written = false;
  return (request) => {
    if (written) return;
    written = true;
    const value = matchValue(match, request);
    if (value === undefined) return;
    scope.test.intents.push(
      scope.ledger.add({
        api: scope.api,
        label: `what "${named.name}" may have left (${match} ${value})`,
        test: scope.test.name,
        request: list,
        options: { ...listOptions, query: { $filter: eqFilter(match, value) }, as: scope.as },
        ...(alreadyDone ? { alreadyDone } : {}),
        each,
      }),
    );
  };
}

/**
 * Made, though the body lacked the value its leftovers are found by: a run killed at that moment
 * would leave something no sweep finds. Checked after every successful create, whatever the
 * target, so a suite that sends such a body fails on the sandbox before it meets a real account;
 * the test fails once its cleanups ran, so what was made is still deleted.
 */
export function unfindableCreate(named: NamedRequest, request: RecordedRequest | undefined): string | undefined {
  if (!named.leftovers) return undefined;
  const { match, list } = named.leftovers;
  if (matchValue(match, request) !== undefined) return undefined;
  return `"${named.name}" created something though its body has no "${match}": had the run been killed then, "${list}" could not have found it. Put "${match}" in the body.`;
}

/** The body's value of the field leftovers are found by, if it has a non-empty one. */
function matchValue(match: string, request: RecordedRequest | undefined): string | undefined {
  const value = (request?.body as Record<string, unknown> | undefined)?.[match];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
