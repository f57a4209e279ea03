// `npm run lint:cycles`: fails (exit 1) naming each runtime import cycle in the project; see tools/lint/cycles.ts.
import { CYCLE_FOLDERS, describeCycle, findCycles, importGraph, listTypeScriptFiles } from '../tools/lint/cycles';

const root = process.cwd();
const files = listTypeScriptFiles(root);
const cycles = findCycles(importGraph(files));
if (cycles.length === 0) {
  process.stdout.write(`cycles: no runtime import cycle among ${files.length} files of ${CYCLE_FOLDERS.join(', ')}\n`);
} else {
  process.stderr.write(`cycles: ${cycles.length} runtime import cycle(s); break each, or make the imports that only serve types \`import type\`:\n`);
  for (const cycle of cycles) process.stderr.write(`  ${describeCycle(cycle, root)}\n`);
  process.exitCode = 1;
}
