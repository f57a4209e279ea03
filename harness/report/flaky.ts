// A test that passed only because a request was sent again is not the same as a test that passed:
// after the run, every test with a retry (FlakyMetric) is marked in both reports — Allure's own
// `flaky` flag (statusDetails.flaky, shown as a flaky badge and counted in trends) and a `flaky`
// property with the retries on the JUnit testcase, which CI dashboards can filter on.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FlakyMetric, Metric } from './metrics';
import { escapeXml, unescapeXml } from './xml';

/** Marks the flaky tests of a run in `<reports>/allure-results` and `<reports>/junit.xml`; returns how many were marked. */
export function markFlakyTests(reports: string, metrics: readonly Metric[]): number {
  const flaky = metrics.filter((m): m is FlakyMetric => m.kind === 'flaky');
  if (flaky.length === 0) return 0;
  markAllure(path.join(reports, 'allure-results'), flaky);
  markJunit(path.join(reports, 'junit.xml'), flaky);
  return flaky.length;
}

function markAllure(dir: string, flaky: readonly FlakyMetric[]): void {
  if (!existsSync(dir)) return;
  // allure-jest's fullName is "<package>:<file>#<jest's full test name>".
  const wanted = new Map(flaky.map((m) => [`${m.file}#${m.test}`, m]));
  for (const file of readdirSync(dir).filter((name) => name.endsWith('-result.json'))) {
    const location = path.join(dir, file);
    const result = JSON.parse(readFileSync(location, 'utf8')) as { fullName?: string; statusDetails?: Record<string, unknown> };
    const key = result.fullName?.slice(result.fullName.indexOf(':') + 1);
    const metric = key === undefined ? undefined : wanted.get(key);
    if (!metric) continue;
    const details = result.statusDetails ?? {};
    result.statusDetails = {
      ...details,
      flaky: true,
      message: [details.message, `Flaky: passed only after retries — ${metric.retries.join('; ')}`].filter(Boolean).join('\n'),
    };
    writeFileSync(location, JSON.stringify(result));
  }
}

function markJunit(file: string, flaky: readonly FlakyMetric[]): void {
  if (!existsSync(file)) return;
  let xml = readFileSync(file, 'utf8');
  for (const metric of flaky) {
    // jest-junit is configured (tools/run/run.ts) so that classname + " " + name is jest's full test name.
    xml = xml.replace(/<testcase classname="([^"]*)" name="([^"]*)"([^>]*)>/g, (whole, classname: string, name: string, rest: string) => {
      if (`${unescapeXml(classname)} ${unescapeXml(name)}` !== metric.test) return whole;
      const property = `<property name="flaky" value="true"/><property name="retries" value="${escapeXml(metric.retries.join('; '))}"/>`;
      return `<testcase classname="${classname}" name="${name}"${rest}>\n      <properties>${property}</properties>`;
    });
  }
  writeFileSync(file, xml);
}
