// Every citation in the repository must lead somewhere a user who cloned it can follow: a source tag
// or an issue that docs/sources.md expands to a public address. Paths into the notes the project was
// written from (outside the repository) and bare section numbers of those notes lead nowhere, so
// they fail here, naming the file and the line.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SOURCES = 'docs/sources.md';

// Built from pieces so that this file does not cite what it forbids.
const FORBIDDEN: Array<{ pattern: RegExp; what: string }> = [
  { pattern: new RegExp(['shared', 'reference'].join('/')), what: 'a path outside the repository' },
  { pattern: new RegExp(['\\.\\.', 'shared', ''].join('/')), what: 'a path outside the repository' },
  { pattern: /\breference \u00a7/, what: 'a section of notes outside the repository' },
];

// Hyphenated capitals with at least two letters (or a digit then letters) after the hyphen:
// AUTH-SPEC, S-NOTIF, NOTIF-3P. Ranges such as A-Z, A-D or A-Z0-9 and words like UTF-8 do not match.
// One-word tags (PM, AWS, SWIFT) cannot be told apart from ordinary words, so only the table checks them.
const TAG = /\b[A-Z][A-Z0-9]*-(?:[A-Z]{2,}[A-Z0-9]*|\d[A-Z]+)\b/g;
// Issue citations: name#N or owner/name#N, N digits (not URL fragments or ids like 1650975157#7).
const ISSUE = /(?<![\w./-])(?:[A-Za-z][\w.-]*\/)?[A-Za-z][\w.-]*#\d+\b/g;

interface SourceRow {
  tag: string;
  address: string;
}

/** The rows of the tables in docs/sources.md: first cell the tag (without " [3P]" or a note in
 * parentheses, such as "(and #667)"), second its address. */
function readSources(text: string): SourceRow[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !/^\|\s*(tag|citation)\s*\|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, tag = '', address = '']) => ({ tag: tag.replace(/\s*\(.*\)$/, '').replace(/\s*\[3P\]$/, ''), address }));
}

interface Finding {
  where: string;
  problem: string;
}

/** What in one file's text breaks the rules: forbidden citations and tags or issues not in `known`. */
function scan(file: string, text: string, known: Set<string>): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const { pattern, what } of FORBIDDEN) {
      if (pattern.test(line)) findings.push({ where, problem: `cites ${what} ("${line.trim().slice(0, 80)}")` });
    }
    for (const match of [...line.matchAll(TAG), ...line.matchAll(ISSUE)]) {
      if (!known.has(match[0])) findings.push({ where, problem: `uses "${match[0]}", which ${SOURCES} does not define` });
    }
  });
  return findings;
}

function trackedTextFiles(): Array<{ file: string; text: string }> {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  return files
    .filter((file) => file !== SOURCES && file !== 'package-lock.json' && !file.startsWith('node_modules/'))
    .filter((file) => existsSync(path.join(root, file)))
    .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }))
    .filter(({ text }) => !text.includes('\u0000'));
}

const rows = readSources(readFileSync(path.join(root, SOURCES), 'utf8'));
const known = new Set(rows.map((row) => row.tag));
const tracked = trackedTextFiles();

describe(SOURCES, () => {
  it('defines each tag once, with a public address or a plain statement that none is recorded', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(known.size).toBe(rows.length);
    const withoutAddress = rows.filter((row) => !/https:\/\/|no stable address recorded/.test(row.address));
    expect(withoutAddress.map((row) => row.tag)).toEqual([]);
  });

  it('defines no tag that nothing in the repository uses', () => {
    const self = path.relative(root, __filename);
    const everything = tracked
      .filter(({ file }) => file !== self)
      .map(({ text }) => text)
      .join('\n');
    const escape = (tag: string) => tag.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const unused = rows.filter((row) => !new RegExp(`(?<![\\w-])${escape(row.tag)}(?![\\w-])`).test(everything));
    expect(unused.map((row) => row.tag)).toEqual([]);
  });
});

describe('citations in tracked files', () => {
  it('lead only to sources docs/sources.md defines', () => {
    const findings = tracked.flatMap(({ file, text }) => scan(file, text, known));
    expect(findings.map((finding) => `${finding.where}: ${finding.problem}`)).toEqual([]);
  });

  it('are caught with file and line when they break the rules', () => {
    const text = [
      'fine: AUTH-SPEC, newman#3219, A-Z0-9, UTF-8, id 1650975157#7',
      `see ${['shared', 'reference'].join('/')}/x.md`,
      `per ${['FOO', 'BAR'].join('-')} and ${'acme/widget'}${'#12'}`,
    ].join('\n');
    expect(scan('x.ts', text, new Set(['AUTH-SPEC', 'newman#3219'])).map((finding) => finding.where)).toEqual(['x.ts:2', 'x.ts:3', 'x.ts:3']);
  });
});
