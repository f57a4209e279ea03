// Allure's CLI, loaded now and run when told. Loading Allure 3 is most of `allure generate` for a
// small run: about 1 s of 1.3 s on this project's 2-core machine, against about 0.25 s of work once
// loaded (measured). harness/report/render.ts starts this process while the tests run; once they
// are done it writes "go" and the CLI's arguments on stdin, and the CLI runs with its imports
// already in the module cache. Stdin closed without "go" (the run failed, was interrupted, wanted
// no report after all) ends the process without generating anything.
//
// Usage: node allure-when-told.mjs <allure's cli.js>, then `go ["generate", …]` and a newline on stdin.
// Plain JavaScript: it runs under node alone, without the project's TypeScript loader.
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [cli] = process.argv.slice(2);

// The CLI's commands, which import the rest of Allure; the package exports no path to them, so
// they are found beside cli.js. Only a head start: a module that fails to load here is loaded (and
// fails) again by the CLI itself, which then says why.
await import(pathToFileURL(path.join(path.dirname(cli), 'dist', 'commands', 'index.js')).href).catch(() => undefined);

// "go" and the CLI's arguments as a JSON array, on one line.
const args = await new Promise((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    input += chunk;
    const end = input.indexOf('\n');
    if (end >= 0) resolve(input.startsWith('go ') ? JSON.parse(input.slice(3, end)) : undefined);
  });
  process.stdin.on('end', () => resolve(undefined));
});
if (args) {
  process.stdin.destroy();
  // Changed in place: the CLI reads the array through `import { argv } from 'node:process'`.
  process.argv.splice(1, Infinity, cli, ...args);
  await import(pathToFileURL(cli).href);
} else {
  process.exit(0);
}
