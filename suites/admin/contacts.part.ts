// Account contacts: `GET /accounts/{accountId}/contacts[/{contactId}]` and the contact's fields are
// the community SDK's (SWIFT CLContact), which also shows an
// account carrying its contacts; creating, changing and deleting them are the sandbox's documented
// choices (sandbox/README.md "Admin").
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Account } from '../../types/admin/account';
import type { Contact } from '../../types/admin/contact';
import type { ContactCollection } from '../../types/admin/contact-collection';
import { admin } from './collection';
import { createContact, expectError } from './support';

const api = useCollection(admin);

const UNKNOWN_CONTACT = '7d9f1b3c-5e6a-4c8d-a0b2-4e6f8a0c2d4e';

describe('POST Contact', () => {
  itWrites('creates a contact with 201, and the account shows it among its contacts', async () => {
    const contact = await createContact(api, { name: 'Harness Billing', contactType: 'billing', email: 'harness-admin-billing@example.com' });

    const account = await api.send<Account>('GET Account');

    expect(contact).toMatchObject({ name: 'Harness Billing', contactType: 'billing' });
    expect(account.status).toBe(200);
    expect(account.body).toMatchSchema('admin/account');
    expect(account.body.contacts?.map((c) => c.contactId)).toContain(contact.contactId);
  });

  itWrites('refuses a contact without name and contactType with 400 MissingParamInRequest naming both', async () => {
    const res = await api.send<PlatformError>('POST Contact', { json: { email: 'harness-admin-nameless@example.com' } });

    const error = expectError(res, 400, 'MissingParamInRequest');
    expect(error.message).toContain('name');
    expect(error.message).toContain('contactType');
  });
});

describe('GET Contacts', () => {
  itWrites('lists a created contact', async () => {
    const contact = await createContact(api, { name: 'Harness Listed Contact', contactType: 'technical' });

    const res = await api.send<ContactCollection>('GET Contacts', { query: { $filter: "name eq 'Harness Listed Contact'" } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/contact-collection');
    expect(res.body._embedded.items.map((c) => c.contactId)).toEqual([contact.contactId]);
  });
});

describe('GET Contact', () => {
  itWrites('reads a created contact back', async () => {
    const contact = await createContact(api, { name: 'Harness Read Contact', contactType: 'technical' });

    const res = await api.send<Contact>('GET Contact', { vars: { contactId: contact.contactId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/contact');
    expect(res.body.name).toBe('Harness Read Contact');
  });

  it('answers an unknown contactId with 404 ContactNotFound', async () => {
    const res = await api.send<PlatformError>('GET Contact', { vars: { contactId: UNKNOWN_CONTACT } });

    expectError(res, 404, 'ContactNotFound');
  });
});

describe('PUT Contact', () => {
  itWrites('changes only the fields sent', async () => {
    const contact = await createContact(api, { name: 'Harness Update Contact', contactType: 'technical' });

    const res = await api.send<Contact>('PUT Contact', { vars: { contactId: contact.contactId, contactType: 'billing' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/contact');
    expect(res.body).toMatchObject({ name: 'Harness Update Contact', contactType: 'billing' });
  });
});

describe('DELETE Contact', () => {
  itWrites('deletes a contact with 200, after which it is 404 ContactNotFound', async () => {
    const contact = await createContact(api, { name: 'Harness Delete Contact', contactType: 'technical' });

    const res = await api.send<Contact>('DELETE Contact', { vars: { contactId: contact.contactId } });
    const after = await api.send<PlatformError>('GET Contact', { vars: { contactId: contact.contactId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/contact');
    expectError(after, 404, 'ContactNotFound');
  });
});
