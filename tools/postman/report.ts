// What `npm run import` and `npm run export` print. The import: what was written, which secrets
// to set in .env instead, which named parameters the suite must supply, and every script line not
// translated, so nothing of a Postman collection is lost without the user hearing about it. The
// export: per collection, what a Postman run captures by itself and what the user must fill in.
import path from 'node:path';
import type { ExportResult } from './export';
import { listWithin } from './format';
import type { ImportResult } from './import';

export function formatImportReport(result: ImportResult): string {
  const folders = new Set(result.requests.filter((r) => r.folders.length > 0).map((r) => r.folders.join(' › '))).size;
  const lines = [
    `Imported "${result.name}" (Postman collection v${result.version}, ${count(result.requests.length, 'request')}` +
      `${folders > 0 ? ` in ${count(folders, 'folder')}` : ''}) as suites/${result.api}/.`,
    '',
    'Wrote:',
    ...result.files.map((file) => `  ${file}`),
  ];
  const secrets = result.environment?.secrets ?? [];
  if (secrets.length > 0) {
    lines.push('', 'Secrets were not copied into the environment file; set them in .env (git-ignored) instead:');
    for (const secret of secrets) lines.push(`  ${secret.key} → ${secret.envName}${secret.hint ? ` (${secret.hint})` : ''}`);
  }
  const createdIds = (name: string) => result.things.filter((t) => t.users.includes(name)).map((t) => t.variable);
  const parameters = result.requests
    .map((r) => ({ r, own: r.parameters.filter((p) => !createdIds(r.request.name).includes(p.name)) }))
    .filter(({ own }) => own.length > 0);
  if (parameters.length > 0) {
    lines.push('', `Named parameters the suite must supply (\`parameters\` in suites/${result.api}/${result.api}.test.ts; blank ones skip their test):`);
    for (const { r, own } of parameters) {
      const list = own.map(
        (p) =>
          `${p.name} (${p.from === 'single-brace' ? `${p.placeholder} in Postman` : `${p.placeholder}, saved as "${p.value}"`})${p.value !== '' && p.from === 'single-brace' ? ` = ${JSON.stringify(p.value)}` : ''}`,
      );
      lines.push(`  ${r.request.name}: ${list.join(', ')}`);
    }
  }
  if (result.things.length > 0) {
    lines.push('', 'Created by one request and passed to the later ones (the suite captures each id from the answer):');
    for (const thing of result.things) {
      const removal = thing.undo
        ? `; "${thing.undo}" removes it after the last test that uses it, even when one fails`
        : '; the collection has no DELETE for it, so the run leaves it behind';
      lines.push(`  ${thing.variable}: from "${thing.creator}", used by ${thing.users.map((u) => `"${u}"`).join(', ') || 'no later request'}${removal}`);
    }
  }
  if (result.filled.length > 0) {
    lines.push('', "Filled in from the sandbox's seed (--fill-from-sandbox):");
    for (const f of result.filled) lines.push(`  ${f.kind === 'parameter' ? 'parameter ' : ''}${f.name} = ${JSON.stringify(f.value)} (${f.what})`);
  }
  const values = new Map(result.requests.flatMap((r) => r.parameters.map((p) => [p.name, p.value] as const)));
  const skipped = result.requests.filter((r) => (result.needed.get(r.request.name) ?? []).some((name) => (values.get(name) ?? '') === ''));
  if (skipped.length > 0) {
    lines.push(
      '',
      `${count(skipped.length, 'test')} of ${result.requests.length} will be skipped until their parameters are filled in: ${listWithin(skipped.map((r) => `"${r.request.name}"`))}.`,
    );
  } else if (result.requests.length > 0) {
    lines.push('', `All ${count(result.requests.length, 'test')} will run: no parameter is blank.`);
  }
  const untranslated = [
    ...result.sharedScripts.map(({ where, line }) => `  ${where}, ${line.listen} line ${line.line}: ${line.text.trim()}`),
    ...result.requests.flatMap((r) => r.untranslated.map((line) => `  ${r.request.name}, ${line.listen} line ${line.line}: ${line.text.trim()}`)),
  ];
  if (untranslated.length > 0) {
    lines.push('', `Script lines not translated (${untranslated.length}; kept as comments in the suite):`, ...untranslated);
  }
  const notes = [
    ...result.requests.flatMap((r) => r.notes.map((note) => `  ${r.request.name}: ${note}`)),
    ...result.unknownDynamic.map((name) => `  {{${name}}} is a Postman dynamic variable the harness does not generate; set it as a request variable`),
  ];
  if (notes.length > 0) lines.push('', 'Notes:', ...notes);
  const environment = result.environment ? ` --environment ${result.environment.stem}` : '';
  lines.push('', 'Next:');
  if (result.requests.some((r) => r.schemas.length > 0))
    lines.push('  npm run generate            (types for the new schemas; npm test checks they are current)');
  lines.push(`  npm start -- --collection ${result.api}${environment}`);
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

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
    if (sampled.length > 0)
      lines.push(`  sample values from the recorded suites (check them): ${sampled.map((f) => `${f.variable}=${JSON.stringify(f.sample)}`).join(', ')}`);
    if (blank.length > 0) lines.push(`  fill in before running: ${blank.map((f) => `${f.variable} (${f.usedBy.map((n) => `"${n}"`).join(', ')})`).join('; ')}`);
    if (collection.unasserted.length > 0) {
      lines.push(`  NO ASSERTION (a Newman run passes these whatever they answer): ${listWithin(collection.unasserted.map((n) => `"${n}"`))}`);
    }
  }
  lines.push('', 'Import both into Postman, or run them: npx newman run <collection> -e <environment>. See docs/postman.md.');
  return `${lines.join('\n')}\n`;
}
