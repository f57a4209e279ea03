// CloudLink's HAL links are paths relative to the API's host (`/2017-09-01/calls?$skip=100`,
// MEDIA-SPEC, AUTH-SPEC), not full URLs. To send one, the harness turns it back
// into the URL template it belongs to (`{{media_url}}/calls?$skip=100`), so it resolves, is
// recorded and is replayed like any named request.
import { session } from '../session';

/** `link` as a template under `{{urlKey}}`; absolute URLs are returned as they are. */
export function linkToTemplate(urlKey: string | undefined, link: string, requestName: string): string {
  if (/^(?:https?|wss?):\/\//i.test(link)) return link;
  const basePath = urlKey === undefined ? undefined : session.basePath(urlKey);
  const underBase = basePath !== undefined && link.startsWith('/') && (link.startsWith(`${basePath}/`) || link.startsWith(`${basePath}?`));
  if (urlKey === undefined || !underBase) {
    throw new Error(
      `"${requestName}" cannot follow the link ${JSON.stringify(link)}: it is not under the path of ${urlKey ? `{{${urlKey}}} (${JSON.stringify(basePath)})` : 'any *_url variable'}.`,
    );
  }
  return `{{${urlKey}}}${link.slice(basePath.length)}`;
}
