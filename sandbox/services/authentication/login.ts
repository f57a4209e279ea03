// Username/password login, shared by the password grant and POST /authorize (AUTH-SPEC: both
// match the username the same way and resolve several accounts the same way).
import { conflict, forbidden, notFound, unauthorized } from '../../platform/errors';
import type { AccountRecord, UserRecord } from '../../model';
import { findAccount, findAccountByIdOrNumber, type SandboxState } from '../../state';

export interface LoginRequest {
  username: string;
  password: string;
  accountId?: string;
}

export interface LoginResult {
  user: UserRecord;
  account: AccountRecord;
}

/**
 * "username is matched against the user's userId, uniqueUserId, email, mobile or loginId"
 * (AUTH-SPEC). CHOICE: email and loginId compare case-insensitively, as mail addresses do in
 * practice; the ids and the mobile number compare exactly.
 */
export function matchesUsername(user: UserRecord, username: string): boolean {
  const lower = username.trim().toLowerCase();
  return (
    user.userId === username ||
    user.uniqueUserId === username ||
    user.mobile === username ||
    user.email.toLowerCase() === lower ||
    user.loginId?.toLowerCase() === lower
  );
}

const invalidCredentials = () => unauthorized('InvalidLoginCredentials', 'The username or password is incorrect.');

/** Ensures the account and user may still sign in (AUTH-SPEC: 403 when either is not active). */
export function assertActive(user: UserRecord, account: AccountRecord): void {
  if (!account.active) throw forbidden('InactiveAccount', 'The account is not active.');
  if (!user.active) throw forbidden('UserNotActive', 'The user is not active.');
}

export function resolveLogin(state: SandboxState, request: LoginRequest): LoginResult {
  let candidates = state.users.filter((user) => matchesUsername(user, request.username));

  if (request.accountId !== undefined) {
    // account_id may be the GUID or the numeric accountNumber (AUTH-SPEC account_id; F-AUTHQ).
    const account = findAccountByIdOrNumber(state, request.accountId);
    if (!account) throw notFound('AccountNotFound', `No account matches account_id '${request.accountId}'.`);
    candidates = candidates.filter((user) => user.accountId === account.accountId);
  }

  // The username alone is looked up before the password is checked: a name present in several
  // accounts answers 409 MultipleMatching and the client resends with account_id (AUTH-SPEC).
  const accountIds = [...new Set(candidates.map((user) => user.accountId))];
  if (accountIds.length > 1) {
    // CHOICE: `labels` (AUTH-SPEC ConflictResponse) lists the matching accounts' names, what an
    // auth portal would show a user choosing an account.
    const labels = accountIds.map((id) => findAccount(state, id)?.name ?? id);
    throw conflict('MultipleMatching', 'The username exists in more than one account; send account_id to choose one.', {
      labels,
    });
  }

  const user = candidates.find((candidate) => candidate.password === request.password);
  if (!user) throw invalidCredentials();
  const account = findAccount(state, user.accountId);
  if (!account) throw invalidCredentials();
  assertActive(user, account);
  return { user, account };
}
