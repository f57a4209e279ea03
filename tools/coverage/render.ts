// The coverage map as Markdown: the totals first, then one table per API with a row per
// documented operation, then the named requests no document mentions.
import type { CoverageRow, CoverageTotals } from '.';

const API_TITLES: Record<CoverageRow['api'], string> = {
  authentication: 'Authentication (AUTH-SPEC)',
  media: 'Media (MEDIA-SPEC)',
  admin: 'Admin (public documentation)',
  conversations: 'Chat (public documentation)',
  notifications: 'Notifications (public documentation)',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mark = (yes: boolean) => (yes ? 'yes' : '—');

export function renderCoverageMarkdown(rows: readonly CoverageRow[], totals: CoverageTotals, generatedAt: string): string {
  const lines = [
    '# API coverage',
    '',
    `Generated ${generatedAt} by \`npm run coverage\` from tools/coverage/operations.ts, the collections and the fixtures.`,
    '',
    `**Total:** ${totalsLine(totals)}`,
    '',
  ];
  for (const api of Object.keys(API_TITLES) as CoverageRow['api'][]) {
    const own = rows.filter((row) => row.api === api);
    if (own.length === 0) continue;
    const covered = own.filter((row) => row.covered).length;
    lines.push(`## ${API_TITLES[api]}: ${covered}/${own.length} covered`, '');
    lines.push(
      '| operation | id | source | named request | test | fixture | schema | statuses seen | reason or note |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const row of own) {
      const why = row.covered ? (row.note ?? '') : (row.reason ?? '**open: no reason given**');
      lines.push(
        `| \`${row.method} ${row.path}\` | ${cell(row.id)} | ${row.source} | ${cell(row.requests.join(', ')) || '—'} | ${mark(row.test)} | ` +
          `${mark(row.fixture)} | ${mark(row.schema)} | ${row.statuses.join(', ') || '—'} | ${cell(why)} |`,
      );
    }
    lines.push('');
  }
  if (totals.undocumentedRequests.length > 0) {
    lines.push(
      '## Named requests no document names',
      '',
      "Routes the sandbox documents itself (account-scoped users, sites, groups, members, …) or that prove a refusal (the gateway's 403):",
      '',
    );
    for (const name of totals.undocumentedRequests) lines.push(`- ${name}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The one-line summary: covered, explained, open, as counts and shares of the documented operations. */
export function totalsLine(totals: CoverageTotals): string {
  const percent = (n: number) => (totals.operations === 0 ? 0 : Math.round((n / totals.operations) * 1000) / 10);
  return (
    `${totals.operations} documented operations: ${totals.covered} covered by a named request and a test (${percent(totals.covered)}%), ` +
    `${totals.explained} not covered with a written reason, ${totals.open} open; ${percent(totals.covered + totals.explained)}% covered or explained.`
  );
}
