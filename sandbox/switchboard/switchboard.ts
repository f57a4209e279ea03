// One sandbox's switchboard: the faults and drifts in force, the per-instance key of its route,
// and the answers the rest of the sandbox asks it for — which fault hits this request, how long
// this token lives, whether this webhook attempt fails, which drifts this answer gets.
import { randomBytes } from 'node:crypto';
import { setEarlyExpiry } from '../platform/bearer-auth';
import type { JwtClaims } from '../platform/jwt';
import { DRIFT_CATALOGUE, findDrift, type DriftDefinition } from './drift-catalogue';
import { applyFieldOps } from './drift-ops';
import { Selector, inScope, pathMatches, type RequestTarget } from './matching';
import type { FaultSpec, RequestFault, SwitchboardConfig, SwitchboardSnapshot, WebhookSwitch, WebhookVerdict } from './types';
import { readConfig } from './validate';

/**
 * What the fault hooks do with one request: wait, then maybe answer in the service's place; or let
 * the service answer and hold that answer back `holdMs`.
 */
export interface FaultPlan {
  delayMs: number;
  holdMs: number;
  answer?: Exclude<RequestFault, { kind: 'latency' | 'hold-answer' }>;
}

interface ArmedFault {
  spec: FaultSpec;
  selector: Selector;
}

interface ParsedRoute {
  method: string;
  path: string;
}

const isRequestFault = (spec: FaultSpec): spec is RequestFault =>
  spec.kind === 'latency' || spec.kind === 'hold-answer' || spec.kind === 'server-error' || spec.kind === 'reset' || spec.kind === 'rate-limit';

function parseRoute(route: string): ParsedRoute {
  const [method = '', path = ''] = route.split(' ');
  return { method, path };
}

const ROUTES = new Map(DRIFT_CATALOGUE.map((definition) => [definition.id, definition.routes.map(parseRoute)]));

export class Switchboard implements WebhookSwitch {
  /** Per instance and random: only the process that started the sandbox can learn it. */
  readonly key = randomBytes(16).toString('hex');
  private faults: ArmedFault[] = [];
  private drifts: DriftDefinition[] = [];
  private seed: number | undefined;
  /** Access tokens issued at or before this second answer 401 as expired ("expire-tokens"). */
  private revokedThrough: number | undefined;

  constructor(
    config: SwitchboardConfig | undefined,
    private readonly nowSeconds: () => number,
    signingKey: Buffer,
  ) {
    setEarlyExpiry(signingKey, (claims) => this.expiredEarly(claims));
    if (config !== undefined) this.configure(readConfig(config, (id) => findDrift(id) !== undefined, 'switchboard'));
  }

  /** Replaces the parts the configuration names and keeps the others. */
  configure(config: SwitchboardConfig): SwitchboardSnapshot {
    if (config.seed !== undefined) this.seed = config.seed;
    const faults = config.faults ?? (config.seed !== undefined ? this.faults.map((fault) => fault.spec) : undefined);
    if (faults !== undefined) {
      // Fresh selectors: a new configuration starts its `next` counts and random streams anew.
      this.faults = faults.map((spec, index) => ({
        spec,
        selector: new Selector(spec.kind === 'expire-tokens' ? {} : spec, this.seed, index),
      }));
    }
    if (config.faults !== undefined) {
      this.revokedThrough = config.faults.some((spec) => spec.kind === 'expire-tokens') ? this.nowSeconds() : undefined;
    }
    if (config.drifts !== undefined) this.drifts = config.drifts.map((id) => findDrift(id) as DriftDefinition);
    return this.snapshot();
  }

  /** Back to the faithful sandbox. */
  reset(): SwitchboardSnapshot {
    this.faults = [];
    this.drifts = [];
    this.seed = undefined;
    this.revokedThrough = undefined;
    return this.snapshot();
  }

  snapshot(): SwitchboardSnapshot {
    const snapshot: SwitchboardSnapshot = {
      faults: this.faults.map(({ spec, selector }) => (selector.remaining === undefined ? { ...spec } : { ...spec, remaining: selector.remaining })),
      drifts: this.drifts.map((definition) => definition.id),
    };
    if (this.seed !== undefined) snapshot.seed = this.seed;
    return snapshot;
  }

  /** Whether any fault is in force; with none, no request needs a plan. */
  get hasFaults(): boolean {
    return this.faults.length > 0;
  }

  /** Whether any drift is in force; with none, no answer needs looking at. */
  get hasDrifts(): boolean {
    return this.drifts.length > 0;
  }

  /**
   * Every latency that picks the request adds up; the first answering fault that picks it answers.
   * Holds add up too, but are picked last and only when no fault answers: a hold stands for work the
   * service did, and `next` must count only answers that are really held.
   */
  planFor(target: RequestTarget): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, holdMs: 0 };
    const holds: Array<{ ms: number; selector: Selector }> = [];
    for (const { spec, selector } of this.faults) {
      if (!isRequestFault(spec) || !inScope(spec, target)) continue;
      if (spec.kind === 'hold-answer') holds.push({ ms: spec.ms, selector });
      else if (spec.kind === 'latency') {
        if (selector.pick()) plan.delayMs += spec.ms;
      } else if (!plan.answer && selector.pick()) plan.answer = spec;
    }
    if (!plan.answer) for (const { ms, selector } of holds) if (selector.pick()) plan.holdMs += ms;
    return plan;
  }

  /** The lifetime of the access token being issued, and what `expires_in` says about it. */
  accessLifetime(configuredSeconds: number): { ttlSeconds: number; expiresIn: number } {
    for (const { spec, selector } of this.faults) {
      if (spec.kind !== 'short-tokens' || !selector.pick()) continue;
      return { ttlSeconds: spec.ttlSeconds, expiresIn: spec.announce ? spec.ttlSeconds : configuredSeconds };
    }
    return { ttlSeconds: configuredSeconds, expiresIn: configuredSeconds };
  }

  /**
   * `iat` for a token issued now. Tokens carry no jti, so a token minted in the second tokens were
   * expired would be indistinguishable from the expired ones; it is dated one second later.
   */
  issuedAt(nowSeconds: number): number {
    return this.revokedThrough === undefined ? nowSeconds : Math.max(nowSeconds, this.revokedThrough + 1);
  }

  expiredEarly(claims: JwtClaims): boolean {
    return this.revokedThrough !== undefined && typeof claims.iat === 'number' && claims.iat <= this.revokedThrough;
  }

  webhookAttempt(): WebhookVerdict {
    for (const { spec, selector } of this.faults) {
      if (spec.kind === 'webhook-failure' && selector.pick()) return spec.deliver ? 'send-then-fail' : 'skip';
    }
    return 'send';
  }

  /** The notification envelope as the active webhook drifts change it (a copy; the original is shared). */
  webhookPayload(payload: unknown): unknown {
    const drifts = this.drifts.filter((definition) => definition.channel === 'webhook');
    if (drifts.length === 0) return payload;
    const copy = structuredClone(payload);
    for (const definition of drifts) applyFieldOps(copy, definition.ops);
    return copy;
  }

  /** The active HTTP drifts one of whose routes is this request's. */
  driftsFor(target: RequestTarget): DriftDefinition[] {
    if (this.drifts.length === 0 || target.service === undefined) return [];
    return this.drifts.filter(
      (definition) =>
        definition.channel !== 'webhook' &&
        definition.service === target.service &&
        (ROUTES.get(definition.id) ?? []).some((route) => route.method === target.method && pathMatches(route.path, target.path)),
    );
  }
}
