// Sends one example of a named request (harness/client/named-request.ts, RequestExample) to a
// sandbox: its setup first, each step as the first success example of the request it names, then
// the example itself. Plain fetch on purpose: the conformance test checks the sandbox against the
// collections, so the harness's send pipeline (retries, refresh, contract check) stays out of it.
import { transformField } from '../../harness/cleanup/undo';
import type { Collection, ExampleSender, NamedRequest, RequestExample } from '../../harness/client/named-request';
import { resolveForm, resolveJson, resolveTemplate, type Scope } from '../../harness/env/resolve';
import { toPostmanEnvironment, type RunningSandbox, type SandboxUser } from '../../sandbox';

export interface ExampleAnswer {
  /** Path and query as sent, for messages. */
  url: string;
  status: number;
  body: unknown;
  /** The JSON body as sent, if it had one. */
  sentJson?: unknown;
  /** A variable's value as this send resolved it. */
  variable(name: string): string | undefined;
}

type SetupStep = NonNullable<RequestExample['setup']>[number];

/** A setup deeper than this is a loop ("A" needs "B" needs "A"), not a long chain. */
const MAX_SETUP_DEPTH = 8;

/** One sandbox, one collection: the variables every example starts from and the users' tokens. */
export class ExampleRunner {
  private readonly environment: Record<string, string>;
  private readonly captured: Record<string, string> = {};
  private readonly tokens = new Map<SandboxUser['key'], string>();

  constructor(
    private readonly sandbox: RunningSandbox,
    private readonly collection: Collection,
  ) {
    // Blank entries (access_token, refresh_token) are Postman's "filled later"; left out, a missing
    // capture is reported as unresolved instead of sent as ''.
    const values = toPostmanEnvironment(sandbox).values.filter((variable) => variable.value !== '');
    this.environment = Object.fromEntries(values.map((variable) => [variable.key, variable.value]));
    this.environment.primaryUserId = this.user('primary').userId;
    this.environment.secondUserId = this.user('second').userId;
    this.environment.thirdUserId = this.user('user').userId;
    // A well-formed id (a UUID, as the platform's are) that names nothing: for 404 examples.
    this.environment.noSuchId = '00000000-0000-4000-8000-000000000000';
  }

  /** Runs the example's setup, then sends it; the answer is not judged here but for setup steps. */
  async send(named: NamedRequest, example: RequestExample, depth = 0): Promise<ExampleAnswer> {
    if (depth > MAX_SETUP_DEPTH) throw new Error(`the setup of ${this.label(named)} goes ${MAX_SETUP_DEPTH} steps deep: a loop?`);
    for (const step of example.setup ?? []) await this.runStep(named, step, depth);
    const answer = await this.sendOnce(named, example);
    if (answer.status < 300) Object.assign(this.captured, captures(named, example, answer.body));
    return answer;
  }

  private async runStep(owner: NamedRequest, step: SetupStep, depth: number): Promise<void> {
    const { request, vars } = typeof step === 'string' ? { request: step, vars: undefined } : step;
    const named = (this.collection.requests as Record<string, NamedRequest>)[request];
    if (!named) throw new Error(`the setup of ${this.label(owner)} names "${request}", which ${this.collection.api} does not have`);
    const [status, success] = successOf(named) ?? [];
    if (!status || !success) throw new Error(`the setup of ${this.label(owner)} names "${request}", which has no success example`);
    const answer = await this.send(named, { ...success, vars: { ...success.vars, ...vars } }, depth + 1);
    if (answer.status !== status) {
      const detail = `${named.method} ${answer.url} → ${answer.status} ${JSON.stringify(answer.body)}`;
      throw new Error(`setup of ${this.label(owner)}: "${request}" answered ${answer.status}, not ${status}: ${detail}`);
    }
  }

  private async sendOnce(named: NamedRequest, example: RequestExample): Promise<ExampleAnswer> {
    const base: Scope[] = [this.captured, this.collection.exampleVars ?? {}, this.environment];
    const context = { request: this.label(named) };
    const local = Object.fromEntries(Object.entries(example.vars ?? {}).map(([key, value]) => [key, resolveTemplate(value, base, context)]));
    const scopes = [local, ...base];
    const url = new URL(resolveTemplate(named.url, scopes, context));
    for (const [key, value] of Object.entries(example.query ?? {})) url.searchParams.set(key, resolveTemplate(value, scopes, context));
    const body = named.body;
    const json =
      example.json !== undefined ? resolveJson(example.json, scopes, context) : body?.mode === 'json' ? resolveJson(body.json, scopes, context) : undefined;
    const form = body?.mode === 'urlencoded' ? resolveForm({ ...body.form, ...example.form }, scopes, context) : undefined;
    const headers = { ...named.headers, ...(await this.authorization(example.as ?? named.auth ?? 'primary')), ...example.headers };
    const answer = await call(named.method, url.toString(), headers, { json, form });
    const variable = (name: string) => scopes.map((scope) => scope[name]).find((value) => value !== undefined);
    return { url: url.pathname + url.search, ...answer, sentJson: json, variable };
  }

  private async authorization(sender: ExampleSender): Promise<Record<string, string>> {
    if (sender === 'none') return {};
    let token = this.tokens.get(sender);
    if (!token) {
      const who = this.user(sender);
      const form = { grant_type: 'password', username: who.username, password: who.password, account_id: who.accountId };
      const answer = await call('POST', `${this.sandbox.urls.auth_url}/token`, {}, { form });
      token = (answer.body as { access_token?: string } | undefined)?.access_token;
      if (answer.status !== 201 || !token) throw new Error(`no token for the seeded user '${sender}': ${answer.status} ${JSON.stringify(answer.body)}`);
      this.tokens.set(sender, token);
    }
    return { authorization: `Bearer ${token}` };
  }

  private user(key: SandboxUser['key']): SandboxUser {
    const found = this.sandbox.credentials.users.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`the sandbox has no seeded user '${key}'`);
    return found;
  }

  private label(named: NamedRequest): string {
    return `${this.collection.api}/${named.name}`;
  }
}

/** A request's success example (its lowest 2xx), which a setup step sends. */
export function successOf(named: NamedRequest): [number, RequestExample] | undefined {
  const examples = named.examples ?? {};
  const status = Math.min(...Object.keys(examples).map(Number));
  const example = status < 300 ? examples[status] : undefined;
  return example && [status, example];
}

/** The example's captures read from a successful answer's body. */
function captures(named: NamedRequest, example: RequestExample, body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(example.captures ?? {})) {
    const [path = '', transform] = spec.split('#');
    let value: unknown = body;
    for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${named.name} captures ${name} from "${path}", which its answer does not hold: ${JSON.stringify(body)}`);
    }
    try {
      out[name] = transformField(String(value), transform);
    } catch (error) {
      throw new Error(`${named.name} captures ${name}: ${(error as Error).message}`, { cause: error });
    }
  }
  return out;
}

async function call(
  method: string,
  url: string,
  headers: Record<string, string>,
  parts: { json?: unknown; form?: Record<string, string> },
): Promise<{ status: number; body: unknown }> {
  let payload: string | undefined;
  const sent = new Headers(headers);
  if (parts.form) {
    sent.set('content-type', 'application/x-www-form-urlencoded');
    payload = new URLSearchParams(parts.form).toString();
  } else if (parts.json !== undefined) {
    sent.set('content-type', 'application/json');
    payload = JSON.stringify(parts.json);
  }
  const response = await fetch(url, { method, headers: sent, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
