// The collection's and folders' own scripts through import and export. Postman runs them for every
// request below them; what the import cannot translate must not be lost on the way back out. A copy
// of the CloudLink-library fixture gets a collection-level prerequest line, an untranslatable line
// in the collection's test script, and a script on two folders; import → export → import keeps them
// where they were.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverCollections } from '../../harness/collections';
import { exportCollection } from './export';
import { importedScriptsOf, importedSharedScriptsOf } from './export/imported-scripts';
import type { PostmanCollectionDocument, PostmanEvent, PostmanItem } from './format';
import { importPostman, type ImportResult } from './import';

const FIXTURES = path.join(__dirname, '__fixtures__');
const ENVIRONMENT = path.join(FIXTURES, 'CloudLink.postman_environment.json');
const work = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-shared-scripts-'));

const COLLECTION_PRE = 'pm.globals.set("runStartedAt", Date.now());';
const COLLECTION_TEST = 'console.log("answered", pm.response.code);';
const USERS_TEST = ['var jsonData = pm.response.json();', 'if (jsonData.userId) { console.log("user", jsonData.userId); }'];
const MEDIA_PRE = 'console.log("a media request");';

afterAll(() => rmSync(work, { recursive: true, force: true }));

const event = (listen: PostmanEvent['listen'], exec: string[]): PostmanEvent => ({ listen, script: { type: 'text/javascript', exec } });
const folder = (items: PostmanItem[], name: string) => items.find((item) => item.name === name && item.item) as PostmanItem;
const lines = (events: PostmanEvent[] | undefined, listen: string) => [events?.find((e) => e.listen === listen)?.script?.exec ?? []].flat() as string[];

/** The fixture with scripts of its own on the collection, Admin › Users and Media. */
function libraryWithSharedScripts(): string {
  const document = JSON.parse(readFileSync(path.join(FIXTURES, 'cloudlink-library.postman_collection.json'), 'utf8')) as PostmanCollectionDocument;
  // Without saved examples: schemas inferred from them would live in the throwaway root, which the export's schema registry does not read.
  const withoutExamples = (items: PostmanItem[]): void => items.forEach((item) => (item.item ? withoutExamples(item.item) : (item.response = [])));
  withoutExamples(document.item);
  document.event = [
    event('prerequest', [COLLECTION_PRE]),
    ...(document.event ?? []).map((e) => (e.listen === 'test' ? event('test', [...lines([e], 'test'), COLLECTION_TEST]) : e)),
  ];
  folder(folder(document.item, 'Admin').item as PostmanItem[], 'Users').event = [event('test', USERS_TEST)];
  folder(document.item, 'Media').event = [event('prerequest', [MEDIA_PRE])];
  const file = path.join(work, 'library-shared.postman_collection.json');
  writeFileSync(file, JSON.stringify(document));
  return file;
}

function importInto(name: string, collectionFile: string): { root: string; result: ImportResult } {
  const root = path.join(work, name);
  return { root, result: importPostman({ collectionFile, environmentFile: ENVIRONMENT, rootDir: root, name: 'library' }) };
}

describe('collection- and folder-level scripts: import, export, import', () => {
  const first = importInto('first', libraryWithSharedScripts());
  const [entry] = discoverCollections(first.root);
  if (!entry) throw new Error(`the import wrote no collection module under ${first.root}`);
  const exported = exportCollection(
    entry,
    new Set(['auth_url', 'admin_url', 'media_url', 'username', 'password']),
    importedScriptsOf(entry),
    importedSharedScriptsOf(entry),
  );
  const items = exported.document.item as PostmanItem[];

  it('keeps the lines it could not translate in the suite as comments, and in the module for the export', () => {
    expect(first.result.sharedUntranslated).toEqual({
      collection: { test: [COLLECTION_TEST], prerequest: [COLLECTION_PRE] },
      folders: [
        { path: ['Admin', 'Users'], test: [USERS_TEST[1]], prerequest: [], bodyNames: ['jsonData'] },
        { path: ['Media'], test: [], prerequest: [MEDIA_PRE] },
      ],
    });
    const suite = readFileSync(path.join(first.root, 'suites', 'library', 'library.test.ts'), 'utf8');
    expect(suite).toContain(`// Untranslated (collection, prerequest script line 1): ${COLLECTION_PRE}`);
    expect(suite).toContain('// Untranslated (folder Admin › Users, test script line 2): if (jsonData.userId)');
    expect(importedSharedScriptsOf(entry)).toEqual(first.result.sharedUntranslated);
  });

  it('writes them back on the collection and on their folders, not on each request', () => {
    expect(lines(exported.document.event, 'prerequest')).toEqual([COLLECTION_PRE]);
    expect(lines(exported.document.event, 'test')).toContain(COLLECTION_TEST);
    const users = folder(folder(items, 'Admin').item as PostmanItem[], 'Users');
    expect(lines(users.event, 'test')).toEqual(expect.arrayContaining(USERS_TEST));
    expect(lines(folder(items, 'Media').event, 'prerequest')).toEqual([MEDIA_PRE]);
    const getUser = (users.item as PostmanItem[]).find((item) => item.name === 'GET User');
    expect(lines(getUser?.event, 'test').join('\n')).not.toContain('console.log("user"');
  });

  it('gives the same lines back when the export is imported again', () => {
    const file = path.join(work, 'exported.postman_collection.json');
    writeFileSync(file, JSON.stringify(exported.document));
    expect(importInto('again', file).result.sharedUntranslated).toEqual(first.result.sharedUntranslated);
  });
});
