// The harness's half of the bench: the requests Newman sent, by name and in its order, sent through
// the send pipeline with the steps global setup and the Send button use (retry, auth, then the
// keep-alive transport), each answer then checked against its named request's contract as a suite's
// client checks it (Newman's test scripts check the same: status and schema). Tokens come as they
// do in the export: the first answer that carries an access token (the export's token setup runs
// first) logs the primary user in for the rest of the collection.
import { performance } from 'node:perf_hooks';
import { tokenFrom } from '../../harness/auth/acquire';
import { tokenRequests } from '../../harness/auth/token-requests';
import { TokenStore } from '../../harness/auth/token-store';
import type { Collection, NamedRequest } from '../../harness/client/named-request';
import type { Answer, SendContext } from '../../harness/pipeline';
import { auth } from '../../harness/pipeline/auth';
import { compose } from '../../harness/pipeline/compose';
import { contractProblems } from '../../harness/pipeline/contract';
import { retry } from '../../harness/pipeline/retry';
import { transport } from '../../harness/pipeline/transport';
import { requestOf } from '../../harness/pipeline/types';
import type { NewmanCollectionRun } from './newman-side';
import { Pairing, sequenceDifferences, type SentLine } from './same-work';

export interface HarnessCollectionRun {
  /** The time from handing each request to the pipeline to its answer checked, summed; the bench's own pairing is left out. */
  wallMs: number;
  /** Requests that reached the transport, retries and token refreshes included. */
  requests: number;
  /** Answers that broke their contract (Newman's failed checks, in the harness's terms). */
  contractBreaches: number;
  /** Why this run is not Newman's work (different count, method or URL, a request that could not be paired); empty when it is. */
  differences: string[];
  /** Requests answered with another status than Newman's (request name: Newman's → the harness's). */
  statusDifferences: string[];
  sent: SentLine[];
}

export interface HarnessSideInput {
  newman: NewmanCollectionRun;
  collection: Collection;
  /** The harness's environment, pointed at its own sandbox; no tokens yet. */
  context: SendContext;
  /** What a Postman user would type for each side's sandbox (newmanInputFor), by variable. */
  inputs: { newman: Record<string, string>; harness: Record<string, string> };
}

export async function runCollectionInHarness({ newman, collection, context, inputs }: HarnessSideInput): Promise<HarnessCollectionRun> {
  const sent: SentLine[] = [];
  const send = compose([retry, auth], (outgoing, ctx) => {
    const request = requestOf(outgoing);
    sent.push({ method: request.method, url: request.url });
    return transport(outgoing, ctx);
  });
  const pairing = new Pairing(inputs);
  const problems: string[] = [];
  const statusDifferences: string[] = [];
  let tokens: TokenStore | undefined;
  let wallMs = 0;
  let contractBreaches = 0;
  for (const exchange of newman.exchanges) {
    const named = requestNamed(collection, exchange.name);
    if (!named) {
      problems.push(`Newman ran "${exchange.name}", which is not a request of ${collection.name}`);
      continue;
    }
    let answer: Answer | undefined;
    try {
      const vars = pairing.varsFor(named, exchange.sent);
      const started = performance.now();
      answer = await send({ named, options: { vars } }, { ...context, tokens });
      contractBreaches += contractProblems(named, answer).length > 0 ? 1 : 0;
      wallMs += performance.now() - started;
    } catch (error) {
      problems.push(`"${named.name}" could not be sent as Newman sent it: ${(error as Error).message}`);
    }
    pairing.answered(exchange.body, answer?.body);
    if (answer && answer.status !== exchange.status) statusDifferences.push(`${named.name}: ${exchange.status ?? 'none'} → ${answer.status}`);
    if (!tokens && answer && typeof (answer.body as { access_token?: unknown } | undefined)?.access_token === 'string') {
      tokens = new TokenStore({ primary: tokenFrom(answer, 'primary') });
    }
  }
  const newmanSent = newman.exchanges.map((exchange) => ({ method: exchange.sent.method, url: exchange.sent.url }));
  const differences = [...problems, ...sequenceDifferences(newmanSent, sent, (url) => pairing.inNewmanTerms(url))];
  if (newman.requests !== newmanSent.length) {
    differences.unshift(`Newman counted ${newman.requests} requests but reported ${newmanSent.length}`);
  }
  return { wallMs, requests: sent.length, contractBreaches, differences, statusDifferences, sent };
}

/** The collection's request of that name; "POST Token" is the one the export adds in front of a collection without it. */
function requestNamed(collection: Collection, name: string): NamedRequest | undefined {
  const own = (collection.requests as Record<string, NamedRequest | undefined>)[name];
  if (own) return own;
  return name === 'POST Token' ? { name, ...tokenRequests['POST Token'] } : undefined;
}
