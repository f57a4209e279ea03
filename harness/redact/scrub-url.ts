// A URL is scrubbed piece by piece: each path segment and each query value goes through the same
// value scrubber as bodies and headers (a query value under the name of its key), while the origin
// or the {{variable}} prefix, the keys and the fragment are kept.
import { safeDecode } from './patterns';

/** Scrubs one decoded piece; `name` is the lower-case query key, undefined for a path segment. */
export type ScrubPiece = (value: string, name: string | undefined) => string;

export function scrubUrl(url: string, scrub: ScrubPiece): string {
  const m = /^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)|(?:\{\{[^}]+\}\}))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url);
  if (!m) return scrub(url, undefined);
  const [, prefix = '', path = '', query, hash = ''] = m;
  return prefix + scrubPath(path, scrub) + (query === undefined ? '' : scrubQuery(query, scrub)) + hash;
}

function scrubPath(path: string, scrub: ScrubPiece): string {
  return path
    .split('/')
    .map((segment) => {
      if (segment === '') return segment;
      const decoded = safeDecode(segment, false);
      const scrubbed = scrub(decoded, undefined);
      return scrubbed === decoded ? segment : encodeURIComponent(scrubbed);
    })
    .join('/');
}

/** `query` starts with "?"; pairs whose value is unchanged keep their original encoding. */
function scrubQuery(query: string, scrub: ScrubPiece): string {
  const pairs = query
    .slice(1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const key = safeDecode(pair.slice(0, eq), true);
      const decoded = safeDecode(pair.slice(eq + 1), true);
      const scrubbed = scrub(decoded, key.toLowerCase());
      return scrubbed === decoded ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(scrubbed)}`;
    });
  return `?${pairs.join('&')}`;
}
