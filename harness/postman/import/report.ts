// What `npm run import` prints: what was written, which secrets to set in .env instead, which
// named parameters the suite must supply, and every script line that was not translated, so
// nothing of the Postman collection is lost without the user hearing about it.
import type { ImportResult } from './index';

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
  const parameters = result.requests.filter((r) => r.parameters.length > 0);
  if (parameters.length > 0) {
    lines.push('', `Named parameters the suite must supply (\`parameters\` in suites/${result.api}/${result.api}.test.ts; blank ones skip their test):`);
    for (const r of parameters) {
      const list = r.parameters.map((p) => `${p.name} (${p.from === 'single-brace' ? `{${p.name}} in Postman` : `:${p.name}, saved as "${p.value}"`})`);
      lines.push(`  ${r.request.name}: ${list.join(', ')}`);
    }
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
  if (result.requests.some((r) => r.schemas.length > 0)) lines.push('  npm run generate            (types for the new schemas; npm test checks they are current)');
  lines.push(`  npm start -- --collection ${result.api}${environment}`);
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
