// Lints source texts as if they were files at the given paths, with the project's eslint.config.mjs,
// and prints the messages as JSON: `node -r ./scripts/register.js tools/lint/lint-texts.ts < cases.json`.
// A separate process because ESLint loads its config with import(), which jest's module sandbox
// refuses without --experimental-vm-modules; boundaries.test.ts runs it.
import path from 'node:path';
import { ESLint } from 'eslint';

export interface LintCase {
  /** Where the text pretends to live, relative to the repository root (the file need not exist). */
  filePath: string;
  code: string;
}

export interface LintedCase {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

export async function lintTexts(cases: readonly LintCase[], root: string): Promise<LintedCase[]> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
  const out: LintedCase[] = [];
  for (const { filePath, code } of cases) {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
    out.push({ filePath, messages: (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message })) });
  }
  return out;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const cases = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LintCase[];
  process.stdout.write(JSON.stringify(await lintTexts(cases, path.resolve(__dirname, '../..'))));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
