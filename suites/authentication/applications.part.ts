// The application registry (AUTH-SPEC /apps, /applications; Postman "Application Registration"):
// listing is a HAL collection, and registering a new application is reserved to global and partner
// admins, so an account admin is refused (AUTH-SPEC, PM).
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Application } from '../../types/authentication/application';
import type { ApplicationCollection } from '../../types/authentication/application-collection';
import { authentication } from './collection';

const api = useCollection(authentication);

describe('GET Apps', () => {
  it('returns 200 with the account’s applications as a HAL collection', async () => {
    const res = await api.send<ApplicationCollection>('GET Apps');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/application-collection');
    expect(res.body.count).toBe(res.body._embedded.items.length);
  });

  it('pages with $top and links the next page', async () => {
    const res = await api.send<ApplicationCollection>('GET Apps', { query: { $top: '1' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/application-collection');
    expect(res.body._embedded.items.length).toBeLessThanOrEqual(1);
  });

  it('walks _links.next page by page to the same applications as one full page, none lost or repeated', async () => {
    const full = await api.send<ApplicationCollection>('GET Apps');
    const first = await api.send<ApplicationCollection>('GET Apps', { query: { $top: '1' } });
    // One item a page: more pages than items means the links never end.
    const pages = await api.walk('GET Apps', first, { schema: 'authentication/application-collection', maxPages: full.body._embedded.items.length });
    const walked = pages.flat().map((app) => app.applicationId);

    expect(walked.length).toBeGreaterThan(1);
    expect(new Set(walked).size).toBe(walked.length);
    expect([...walked].sort()).toEqual(full.body._embedded.items.map((app) => app.applicationId).sort());
  });

  it('rejects an OData option the route does not support with 400 UnsupportedQueryParameters', async () => {
    const res = await api.send<PlatformError>('GET Apps', { query: { $search: 'harness' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('UnsupportedQueryParameters');
  });
});

describe('GET Application', () => {
  it('returns 200 with an application listed by GET Apps', async () => {
    const list = await api.send<ApplicationCollection>('GET Apps');
    const listed = list.body._embedded.items[0];
    if (!listed) throw new Error('GET Apps listed no application; the account needs at least one for this test.');

    const res = await api.send<Application>('GET Application', { vars: { applicationId: listed.applicationId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/application');
    expect(res.body.applicationId).toBe(listed.applicationId);
  });
});

describe('POST Application', () => {
  itWrites('refuses an account admin with 403 InsufficientPermissions', async () => {
    const res = await api.send<PlatformError>('POST Application', {
      vars: { appName: 'harness-probe', appDescription: 'Created by the harness; must be refused.' },
    });

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('InsufficientPermissions');
  });
});
