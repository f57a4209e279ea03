// Sites: the Admin guide names them (P-GUIDES) and users and
// call legs carry a siteId (SWIFT CLUser, S-NOTIF); their shape, the 201 and the 409 SiteInUse are
// the sandbox's documented choices (sandbox/README.md "Admin"). The sandbox seeds one site, "Head
// Office", which the seeded users with an extension are on.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Site } from '../../types/admin/site';
import type { SiteCollection } from '../../types/admin/site-collection';
import { admin } from './collection';
import { createSite, createUser, expectError, userBody } from './support';

const api = useCollection(admin);

const UNKNOWN_SITE = '3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1a';

describe('POST Site', () => {
  itWrites('creates a site with 201 and the fields sent', async () => {
    const site = await createSite(api, {
      name: 'Harness Create Site',
      timeZone: 'Europe/Paris',
      address: { city: 'Paris', country: 'FR' },
    });

    expect(site).toMatchObject({ name: 'Harness Create Site', timeZone: 'Europe/Paris', address: { city: 'Paris', country: 'FR' } });
  });

  itWrites('refuses a site without a name with 400 MissingParamInRequest naming it', async () => {
    const res = await api.send<PlatformError>('POST Site', { json: { description: 'No name' } });

    const error = expectError(res, 400, 'MissingParamInRequest');
    expect(error.message).toContain('name');
  });

  itWrites('refuses a plain user with 403 InsufficientPermissions', async () => {
    const res = await api.send<PlatformError>('POST Site', { vars: { name: 'Harness Site By User' }, as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });
});

describe('GET Sites', () => {
  itWrites('lists a created site beside the account’s others', async () => {
    const site = await createSite(api, { name: 'Harness Listed Site' });

    const res = await api.send<SiteCollection>('GET Sites');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/site-collection');
    expect(res.body._embedded.items.map((s) => s.siteId)).toContain(site.siteId);
  });
});

describe('GET Site', () => {
  itWrites('reads a created site back', async () => {
    const site = await createSite(api, { name: 'Harness Read Site' });

    const res = await api.send<Site>('GET Site', { vars: { siteId: site.siteId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/site');
    expect(res.body).toMatchObject({ siteId: site.siteId, name: 'Harness Read Site' });
  });

  it('answers an unknown siteId with 404 SiteNotFound', async () => {
    const res = await api.send<PlatformError>('GET Site', { vars: { siteId: UNKNOWN_SITE } });

    expectError(res, 404, 'SiteNotFound');
  });
});

describe('PUT Site', () => {
  itWrites('changes only the fields sent', async () => {
    const site = await createSite(api, { name: 'Harness Update Site', timeZone: 'America/Toronto' });

    const res = await api.send<Site>('PUT Site', { vars: { siteId: site.siteId, description: 'Changed by the harness' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/site');
    expect(res.body).toMatchObject({ name: 'Harness Update Site', timeZone: 'America/Toronto', description: 'Changed by the harness' });
  });

  itWrites('refuses a time zone that is not an IANA name with 400 InvalidRequest naming the field', async () => {
    const site = await createSite(api, { name: 'Harness Zone Site' });

    const res = await api.send<PlatformError>('PUT Site', { vars: { siteId: site.siteId }, json: { timeZone: 'Middle/Earth' } });

    const error = expectError(res, 400, 'InvalidRequest');
    expect(error.message).toContain('timeZone');
  });
});

describe('DELETE Site', () => {
  itWrites('deletes a site with 200, after which it is 404 SiteNotFound', async () => {
    const site = await createSite(api, { name: 'Harness Delete Site' });

    const res = await api.send<Site>('DELETE Site', { vars: { siteId: site.siteId } });
    const after = await api.send<PlatformError>('GET Site', { vars: { siteId: site.siteId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/site');
    expectError(after, 404, 'SiteNotFound');
  });

  itWrites('refuses a site a user is on with 409 SiteInUse', async () => {
    const site = await createSite(api, { name: 'Harness Busy Site' });
    await createUser(api, userBody('site-user', { siteId: site.siteId }));

    const res = await api.send<PlatformError>('DELETE Site', { vars: { siteId: site.siteId } });

    expectError(res, 409, 'SiteInUse');
  });
});
