// Allure's CLI, started before the tests end and run when told. Loading Allure 3 is most of `allure
// generate` for a small run: about 1 s of 1.3 s on this project's 2-core machine, against about
// 0.25 s of work once loaded (measured). The run starts this
// process beside jest, so the loading happens while the tests run; when they are done it writes
// "go" and a newline on stdin, and the CLI runs with the arguments given here, its imports already
// in the module cache. Stdin closed without "go" (the run failed to start, was interrupted) ends the
// process without generating anything.
//
// Usage: node allure-when-told.mjs <allure cli.js> <the CLI's arguments...>
// Plain JavaScript: it runs under node alone, without the project's TypeScript loader.
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [cli, ...args] = process.argv.slice(2);

// Only a head start: a module that fails to load here is loaded (and fails) again by the CLI itself,
// which then says why.
// The CLI's commands, which import the rest of Allure; the package exports no path to them, so
// they are found beside cli.js.
await import(pathToFileURL(path.join(path.dirname(cli), 'dist', 'commands', 'index.js')).href).catch(() => undefined);

const told = await new Promise((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    input += chunk;
    if (input.includes('\n')) resolve(input.startsWith('go\n'));
  });
  process.stdin.on('end', () => resolve(false));
});
if (told) {
  process.stdin.destroy();
  // Changed in place: the CLI reads the array through `import { argv } from 'node:process'`.
  process.argv.splice(1, Infinity, cli, ...args);
  await import(pathToFileURL(cli).href);
} else {
  process.exit(0);
}
