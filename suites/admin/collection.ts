// The Admin collection: the named requests of https://admin.api.mitel.io/2017-09-01 as a Postman
// user would find them. No Admin spec is published: accounts (GET and PUT only), users, contacts
// and user tags follow the community SDK and Mitel's forgot-password call (SWIFT, DF-BOT;
// docs/sources.md); sites, groups and members, which the Admin guide only names, and every status
// public material leaves open follow what the sandbox documents (sandbox/README.md "Admin"). Every
// list takes the OData options $top, $skip, $skiptoken, $filter and $orderby (MEDIA-SPEC,
// AUTH-SPEC), given per send with `query`.
import { defineCollection } from '../../harness';

const errors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 404: '_shared/error', 409: '_shared/error' };
const account = '{{admin_url}}/accounts/{{accountId}}';
const user = `${account}/users/{{userId}}`;
const group = `${account}/groups/{{groupId}}`;

export const admin = defineCollection({
  name: 'Admin',
  api: 'admin',
  description: 'Accounts, users, user tags, sites, groups and contacts of https://admin.api.mitel.io/2017-09-01.',
  requests: {
    'GET Account': {
      description: 'The account of the environment’s accountId.',
      method: 'GET',
      url: account,
      responses: { 200: 'admin/account', ...errors },
    },
    'PUT Account': {
      description: 'Change the fields sent, and only those (an account admin may change name, languageCode, location and policy).',
      method: 'PUT',
      url: account,
      body: { mode: 'json', json: { name: '{{accountName}}' } },
      responses: { 200: 'admin/account', ...errors },
    },
    'GET Users': {
      description: 'The account’s users as a HAL collection; OData $top, $skip, $skiptoken, $filter, $orderby.',
      method: 'GET',
      url: `${account}/users`,
      responses: { 200: 'admin/user-collection', ...errors },
    },
    'POST User': {
      description: 'Create a user of the account; name and email are required, a password lets the user sign in at once.',
      method: 'POST',
      url: `${account}/users`,
      body: { mode: 'json', json: { name: '{{name}}', email: '{{email}}', role: 'USER' } },
      responses: { 201: 'admin/user', ...errors },
      leftovers: { list: 'GET Users', match: 'email', undo: 'DELETE User', vars: { userId: 'userId' } },
    },
    'GET User': {
      description: 'One user of the account, by userId.',
      method: 'GET',
      url: user,
      responses: { 200: 'admin/user', ...errors },
    },
    'PUT User': {
      description: 'Change the fields sent, and only those; null clears an optional field.',
      method: 'PUT',
      url: user,
      body: { mode: 'json', json: { displayName: '{{displayName}}' } },
      responses: { 200: 'admin/user', ...errors },
    },
    'DELETE User': {
      description: 'Delete a user; the answer is the user as it was.',
      method: 'DELETE',
      url: user,
      responses: { 200: 'admin/user', ...errors },
    },
    'GET Users (Token Account)': {
      description: 'The users of the token’s own account, at the path the community SDK calls; OData as GET Users.',
      method: 'GET',
      url: '{{admin_url}}/users',
      responses: { 200: 'admin/user-collection', ...errors },
    },
    'GET User (Token Account)': {
      description: 'One user of the token’s own account, at the path the community SDK calls.',
      method: 'GET',
      url: '{{admin_url}}/users/{{userId}}',
      responses: { 200: 'admin/user', ...errors },
    },
    'PUT Forgot Password': {
      description: 'Ask for a password-reset mail, without a token, as Mitel’s Dialogflow sample does.',
      method: 'PUT',
      url: '{{admin_url}}/users/{{email}}/password',
      auth: 'none',
      body: { mode: 'json', json: { email: '{{email}}', action: 'forgot', accountId: '{{accountId}}' } },
      responses: { 200: 'admin/password-reset', ...errors },
    },
    'GET User Tags': {
      description: 'The tags on a user; OData $top, $skip, $skiptoken, $filter, $orderby.',
      method: 'GET',
      url: `${user}/tags`,
      responses: { 200: 'admin/user-tag-collection', ...errors },
    },
    'POST User Tag': {
      description: 'Put a new tag on a user; id and value are required.',
      method: 'POST',
      url: `${user}/tags`,
      body: { mode: 'json', json: { id: '{{tagId}}', value: '{{value}}' } },
      responses: { 201: 'admin/user-tag', ...errors },
    },
    'GET User Tag': {
      description: 'One tag on a user, by its id.',
      method: 'GET',
      url: `${user}/tags/{{tagId}}`,
      responses: { 200: 'admin/user-tag', ...errors },
    },
    'PUT User Tag': {
      description: 'Change a tag’s value (required).',
      method: 'PUT',
      url: `${user}/tags/{{tagId}}`,
      body: { mode: 'json', json: { value: '{{value}}' } },
      responses: { 200: 'admin/user-tag', ...errors },
    },
    'DELETE User Tag': {
      description: 'Remove a tag from a user.',
      method: 'DELETE',
      url: `${user}/tags/{{tagId}}`,
      responses: { 200: 'admin/user-tag', ...errors },
    },
    'GET Sites': {
      description: 'The account’s sites; OData $top, $skip, $skiptoken, $filter, $orderby.',
      method: 'GET',
      url: `${account}/sites`,
      responses: { 200: 'admin/site-collection', ...errors },
    },
    'POST Site': {
      description: 'Create a site; name is required, description, timeZone and address optional.',
      method: 'POST',
      url: `${account}/sites`,
      body: { mode: 'json', json: { name: '{{name}}', timeZone: 'America/Toronto' } },
      responses: { 201: 'admin/site', ...errors },
      leftovers: { list: 'GET Sites', match: 'name', undo: 'DELETE Site', vars: { siteId: 'siteId' } },
    },
    'GET Site': {
      description: 'One site of the account.',
      method: 'GET',
      url: `${account}/sites/{{siteId}}`,
      responses: { 200: 'admin/site', ...errors },
    },
    'PUT Site': {
      description: 'Change the fields sent, and only those.',
      method: 'PUT',
      url: `${account}/sites/{{siteId}}`,
      body: { mode: 'json', json: { description: '{{description}}' } },
      responses: { 200: 'admin/site', ...errors },
    },
    'DELETE Site': {
      description: 'Delete a site no user is on.',
      method: 'DELETE',
      url: `${account}/sites/{{siteId}}`,
      responses: { 200: 'admin/site', ...errors },
    },
    'GET Groups': {
      description: 'The account’s groups; OData $top, $skip, $skiptoken, $filter, $orderby.',
      method: 'GET',
      url: `${account}/groups`,
      responses: { 200: 'admin/group-collection', ...errors },
    },
    'POST Group': {
      description: 'Create a group; name is required, description and extension optional.',
      method: 'POST',
      url: `${account}/groups`,
      body: { mode: 'json', json: { name: '{{name}}' } },
      responses: { 201: 'admin/group', ...errors },
      leftovers: { list: 'GET Groups', match: 'name', undo: 'DELETE Group', vars: { groupId: 'groupId' } },
    },
    'GET Group': {
      description: 'One group of the account, with its member count.',
      method: 'GET',
      url: group,
      responses: { 200: 'admin/group', ...errors },
    },
    'PUT Group': {
      description: 'Change the fields sent, and only those.',
      method: 'PUT',
      url: group,
      body: { mode: 'json', json: { description: '{{description}}' } },
      responses: { 200: 'admin/group', ...errors },
    },
    'DELETE Group': {
      description: 'Delete a group; its members stay users of the account.',
      method: 'DELETE',
      url: group,
      responses: { 200: 'admin/group', ...errors },
    },
    'GET Group Members': {
      description: 'The members of a group, in the order they were added; OData $top, $skip, $skiptoken, $filter, $orderby.',
      method: 'GET',
      url: `${group}/members`,
      responses: { 200: 'admin/group-member-collection', ...errors },
    },
    'POST Group Member': {
      description: 'Add a user of the account to a group.',
      method: 'POST',
      url: `${group}/members`,
      body: { mode: 'json', json: { userId: '{{userId}}' } },
      responses: { 201: 'admin/group-member', ...errors },
    },
    'GET Group Member': {
      description: 'One member of a group, by userId.',
      method: 'GET',
      url: `${group}/members/{{userId}}`,
      responses: { 200: 'admin/group-member', ...errors },
    },
    'DELETE Group Member': {
      description: 'Take a user out of a group.',
      method: 'DELETE',
      url: `${group}/members/{{userId}}`,
      responses: { 200: 'admin/group-member', ...errors },
    },
    'GET Contacts': {
      description: 'The account’s contacts; OData $top, $skip, $skiptoken, $filter, $orderby.',
      method: 'GET',
      url: `${account}/contacts`,
      responses: { 200: 'admin/contact-collection', ...errors },
    },
    'POST Contact': {
      description: 'Create a contact of the account; name and contactType are required.',
      method: 'POST',
      url: `${account}/contacts`,
      body: { mode: 'json', json: { name: '{{name}}', contactType: '{{contactType}}', email: '{{email}}' } },
      responses: { 201: 'admin/contact', ...errors },
      leftovers: { list: 'GET Contacts', match: 'email', undo: 'DELETE Contact', vars: { contactId: 'contactId' } },
    },
    'GET Contact': {
      description: 'One contact of the account.',
      method: 'GET',
      url: `${account}/contacts/{{contactId}}`,
      responses: { 200: 'admin/contact', ...errors },
    },
    'PUT Contact': {
      description: 'Change the fields sent, and only those.',
      method: 'PUT',
      url: `${account}/contacts/{{contactId}}`,
      body: { mode: 'json', json: { contactType: '{{contactType}}' } },
      responses: { 200: 'admin/contact', ...errors },
    },
    'DELETE Contact': {
      description: 'Delete a contact of the account.',
      method: 'DELETE',
      url: `${account}/contacts/{{contactId}}`,
      responses: { 200: 'admin/contact', ...errors },
    },
  },
});
