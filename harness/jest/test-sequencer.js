// The order jest runs test files in, and whether it starts workers at all, come from the timings of
// the last run, which jest keeps per project. The suites' project is one for every mode, and a
// replay's timings misled the next live run twice (measured): the resilience file, well under a
// second in replay but 3.5 s of deliberate waits live, was started last instead of first, and six
// files each "under a second" made jest run everything in band, the waits after the rest (7.4 s
// instead of 5.3 s). This is jest's own sequencer with one change: the suites' timings are kept per
// mode (CLOUDLINK_MODE, which the CLI sets), so each mode is ordered and scheduled by its own last
// run. jest requires this file itself, without its transform, hence JavaScript; should a jest
// upgrade rename the method, test-sequencer.test.ts fails to say so.
'use strict';
const TestSequencer = require('@jest/test-sequencer').default;

class TimingsPerModeSequencer extends TestSequencer {
  _getCachePath(testContext) {
    const shared = super._getCachePath(testContext);
    const mode = process.env.CLOUDLINK_MODE;
    return mode ? `${shared}-${mode}` : shared;
  }
}

module.exports = TimingsPerModeSequencer;
