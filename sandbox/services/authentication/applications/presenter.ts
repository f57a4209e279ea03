// How application records are shown: the `application` resource (AUTH-SPEC, with the common
// `resource` fields and `_links.self`) and the auth portal's `legacyApplication` metadata.
import type { ApplicationRecord } from '../../../model';

export interface ApplicationResource {
  applicationId: string;
  accountId: string;
  partnerId: string;
  name: string;
  description: string;
  active: boolean;
  redirectUris: string[];
  createdOn: string;
  createdBy: string;
  modifiedOn: string;
  modifiedBy: string;
  _links: { self: string };
}

/** Only the spec's fields: the secret, role and resource URL stay inside the sandbox. */
export function toApplicationResource(application: ApplicationRecord, servicePath: string): ApplicationResource {
  return {
    applicationId: application.applicationId,
    accountId: application.accountId,
    partnerId: application.partnerId,
    name: application.name,
    description: application.description,
    active: application.active,
    redirectUris: [...application.redirectUris],
    createdOn: application.createdOn,
    createdBy: application.createdBy,
    modifiedOn: application.modifiedOn,
    modifiedBy: application.modifiedBy,
    _links: { self: `${servicePath}/applications/${application.applicationId}` },
  };
}

/**
 * Third-party applications default to passwords of 8–128 characters with a number, lower and
 * upper case letters (AUTH-SPEC applicationsPostRequest.passwordRules).
 */
const THIRD_PARTY_PASSWORD_RULES = [{ minLength: 8, maxLength: 128, mustContainNumber: true, mustContainUpperAndLowercaseLetters: true }];

/**
 * GET /applications?client_id= (AUTH-SPEC legacyApplication). CHOICE: no SSO providers, links,
 * logo or theme are configured in the sandbox, so those lists are empty and the strings absent.
 */
export function toLegacyApplication(application: ApplicationRecord): Record<string, unknown> {
  return {
    name: application.name,
    active: application.active,
    providers: [],
    links: [],
    passwordRules: application.thirdParty ? THIRD_PARTY_PASSWORD_RULES : [],
    requiredAttributes: [],
    optionalAttributes: [],
    supportedCountries: [],
  };
}
