// Step: replay. In replay mode the fixture player answers in-process: the request is scrubbed once
// (fixtures hold placeholders, and the scrubber's numbering must stay in step with the recording),
// matched against the test's recorded exchanges, and the recorded answer handed back with this
// run's values restored. No socket is opened and nothing is intercepted; nock only stands guard,
// refusing any connection but loopback, in case something sends around the pipeline. In live and
// record modes this step passes the request on.
import { performance } from 'node:perf_hooks';
import { toUrlTemplate } from '../fixtures/url-template';
import { requestOf, type Step } from './types';

export const replay: Step = async (outgoing, context, next) => {
  if (context.env.mode !== 'replay') return next(outgoing);
  const { test, file } = context;
  const name = outgoing.named.name;
  if (!test || !file?.player) throw new Error(`"${name}" was sent in replay mode outside a suite test: replay answers only tests, from their fixtures.`);
  const started = performance.now();
  const request = test.scrubber.scrubRequest(requestOf(outgoing));
  const recorded = file.player.answer(request);
  const response = test.scrubber.restoreResponse(recorded.response);
  return {
    ...response,
    ms: performance.now() - started,
    recorded: { name, request: { ...request, url: toUrlTemplate(request.url, context.baseUrls) }, response: recorded.response },
  };
};
