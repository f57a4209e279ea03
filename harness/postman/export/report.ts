// What `npm run export` prints: the files, and per collection what a Postman run gets by itself
// (captured from earlier answers) and what a Postman user must look at before running it.
import path from 'node:path';
import type { ExportResult } from './index';

export function formatExportReport(result: ExportResult, cwd: string): string {
  const lines = ['Wrote (Postman collection format v2.1):', ...result.files.map((file) => `  ${path.relative(cwd, file) || file}`)];
  if (result.environment.blanked.length > 0) {
    lines.push('', `Left blank in ${result.environment.stem}.postman_environment.json (secrets): ${result.environment.blanked.join(', ')}`);
  }
  for (const collection of result.collections) {
    lines.push('', `${collection.name}:${collection.addedTokenSetup ? ' "POST Token" added first, to store access_token and refresh_token.' : ''}`);
    if (collection.captured.length > 0) {
      lines.push(`  captured by the run: ${collection.captured.map((c) => `${c.variable} (from "${c.from}")`).join(', ')}`);
    }
    const sampled = collection.fillIn.filter((f) => f.sample !== undefined);
    const blank = collection.fillIn.filter((f) => f.sample === undefined);
    if (sampled.length > 0) lines.push(`  sample values from the recorded suites (check them): ${sampled.map((f) => `${f.variable}=${JSON.stringify(f.sample)}`).join(', ')}`);
    if (blank.length > 0) lines.push(`  fill in before running: ${blank.map((f) => `${f.variable} (${f.usedBy.map((n) => `"${n}"`).join(', ')})`).join('; ')}`);
  }
  lines.push('', 'Import both into Postman, or run them: npx newman run <collection> -e <environment>. See docs/postman.md.');
  return `${lines.join('\n')}\n`;
}
