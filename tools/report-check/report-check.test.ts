// The parts of the report check that need no browser: the secret scan, the layout fingerprints,
// the mends to Allure's single file, and finding Chromium. The browser part is npm run test:report.
import { openableFromDisk } from '../../harness/report/render';
import { chromiumPath } from './report-page';
import { hashTokens, staleImages } from './fingerprint';
import { findSecrets, secretNeedles } from './secrets';

describe('findSecrets', () => {
  const needles = secretNeedles([
    { name: 'the primary password', value: 'Sandbox-Primary-1!' },
    { name: 'too short to look for', value: 'abc' },
  ]);

  it('finds a JWT, a bearer token and a known password, and names them without their values', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(findSecrets(`token ${jwt}`, needles)).toEqual(['a JWT']);
    expect(findSecrets('authorization: Bearer 0123456789abcdef0123', needles)).toEqual(['a bearer token']);
    expect(findSecrets('{"password":"Sandbox-Primary-1!"}', needles)).toEqual(['the primary password']);
  });

  it('lets the scrubber’s placeholders and ordinary prose through', () => {
    const scrubbed = '"authorization": "Bearer redacted-access_token-3", "token_type": "bearer", "password": "redacted-password-1", {{access_token}}';
    expect(findSecrets(scrubbed, needles)).toEqual([]);
    expect(findSecrets('returns 201 with a bearer token for the environment user', needles)).toEqual([]);
  });
});

describe('layout fingerprints', () => {
  const current = { allure: '3.18.0', images: { 'overview.png': hashTokens(['div.a', 'span[tree-leaf]']) } };

  it('hash the tokens, so another set of element kinds is another layout', () => {
    expect(hashTokens(['div.a', 'span[tree-leaf]'])).toBe(current.images['overview.png']);
    expect(hashTokens(['div.a', 'span[tree-leaf].b'])).not.toBe(current.images['overview.png']);
  });

  it('find nothing stale when the committed fingerprint is today’s', () => {
    expect(staleImages({ ...current, allure: '3.17.0' }, current, () => true)).toEqual([]);
  });

  it('name a missing image, a missing fingerprint and a changed layout', () => {
    expect(staleImages(current, current, () => false)).toEqual(['overview.png is missing']);
    expect(staleImages(undefined, current, () => true)).toEqual(['overview.png has no fingerprint in fingerprint.json']);
    const stale = staleImages({ allure: '3.0.0', images: { 'overview.png': '0123' } }, current, () => true);
    expect(stale).toEqual([expect.stringMatching(/^overview\.png shows an older layout \(taken with Allure 3\.0\.0; layout 0123, now [0-9a-f]{16}\)$/)]);
  });
});

describe('openableFromDisk', () => {
  const mended = (html: string) => openableFromDisk(Buffer.from(html)).toString();
  const generated = [
    '<div id="app"></div>',
    '<script src="data:text/javascript;base64,AAAA"></script>',
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>',
    "<script>\n  window.dataLayer = window.dataLayer || [];\n  gtag('config', 'G-X', {});\n</script>",
    '<script async>\n  window.allureReportDataReady = false;\n  window.allureReportData = window.allureReportData || {};\n</script>',
  ].join('\n');

  it('declares the data store before the app script, so the app waits for the embedded data', () => {
    const html = mended(generated);
    const declared = html.indexOf('window.allureReportDataReady = false;</script>');
    expect(declared).toBeGreaterThan(html.indexOf('<div id="app"></div>'));
    expect(declared).toBeLessThan(html.indexOf('data:text/javascript'));
  });

  it('removes the analytics script and leaves the rest', () => {
    const html = mended(generated);
    expect(html).not.toMatch(/googletagmanager|gtag/);
    expect(html).toContain('window.allureReportData = window.allureReportData || {};\n</script>');
  });

  it('cuts at the right bytes when characters of several bytes come before the cuts', () => {
    const accented = generated.replace('<div id="app"></div>', '<p>Grüße 🚀</p>\n<div id="app"></div>').replace('AAAA', 'AAAA" title="naïve ✓');
    const html = mended(accented);
    expect(html).toContain('<p>Grüße 🚀</p>\n<div id="app"></div>\n    <script>window.allureReportData');
    expect(html).toContain('title="naïve ✓"></script>\n<script async>');
    expect(html).not.toMatch(/googletagmanager|gtag/);
  });

  it('leaves a report without embedded data as it is, analytics aside', () => {
    expect(mended('<div id="app"></div><script src="app.js"></script>')).toBe('<div id="app"></div><script src="app.js"></script>');
  });
});

describe('chromiumPath', () => {
  it('answers CHROMIUM_PATH when it exists, and nothing when it does not', () => {
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(chromiumPath({ CHROMIUM_PATH: '/nowhere/chromium' })).toBeUndefined();
  });
});
