// What a Postman user would type into the environment to run the exported collections against
// the embedded sandbox: its URLs and credentials (from the sandbox's own Postman environment), the
// sandbox's partner admin as the user (registering an application, "POST Application", needs a
// partner or global admin; the account admin gets the 403 real CloudLink gives), and the values
// docs/postman.md tells a Postman user to fill in.
import { toPostmanEnvironment, type PostmanEnvironment, type RunningSandbox } from '../../sandbox';

export interface NewmanSandboxInput {
  environment: PostmanEnvironment;
  /** Overrides, as `newman run -e … --env-var key=value` would pass them. */
  envVar: Record<string, string>;
}

export function newmanInputFor(sandbox: RunningSandbox): NewmanSandboxInput {
  const user = (key: string) => {
    const found = sandbox.credentials.users.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`The sandbox has no "${key}" user; harness/postman/sandbox-run.ts needs the partner admin and the second user.`);
    return found;
  };
  const partner = user('partner');
  return {
    environment: toPostmanEnvironment(sandbox),
    envVar: {
      username: partner.username,
      password: partner.password,
      // The values the export leaves blank ("fill in before running"), as a user would choose them.
      appName: 'Registered from Newman',
      appDescription: 'An application registered by the exported Authentication collection.',
      participantId: user('second').userId,
      email: 'postman.user@example.com',
    },
  };
}
