// The thread that writes a run's Allure files while the tests run in band (./result-files.ts says
// why). It takes its orders in the order they were posted, alone or in a `batch`: `begin` (a test
// file's writer, over a results directory), `write` (a file), `flush` (answer once everything
// before it is written, with the first failure since the last flush, if any). JavaScript: a thread
// has no TypeScript loader.
'use strict';
const { parentPort } = require('node:worker_threads');
const { RecycledFiles } = require('./recycled-files');

/** @type {RecycledFiles | undefined} */
let files;
/** @type {string | undefined} */
let failure;

parentPort.on('message', (message) => {
  if (message.kind === 'batch') message.orders.forEach(take);
  else take(message);
});

function take(order) {
  if (order.kind === 'begin') {
    files = new RecycledFiles(order.resultsDir, false, true);
  } else if (order.kind === 'write') {
    if (failure !== undefined) return;
    try {
      files.write(order.name, order.content);
    } catch (error) {
      failure = `${order.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  } else if (order.kind === 'flush') {
    parentPort.postMessage({ id: order.id, failure });
    failure = undefined;
  }
}
