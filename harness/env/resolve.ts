// Postman's variable resolution for request templates. `{{name}}` takes its value from the first
// scope that defines it (callers pass scopes highest precedence first: request variables, then the
// environment); a value may itself hold {{…}}, resolved the same way; {{$guid}} and friends are
// generated. Single braces such as `{endpointId}` are path parameters in CloudLink's docs, not
// variables, and are left alone. Every unresolved variable of a template is reported together.
import { randomInt, randomUUID } from 'node:crypto';
import { UnresolvedVariableError, VariableCycleError } from './errors';

export type Scope = Readonly<Record<string, string>>;
export interface ResolveContext {
  /** The request being built, named in every error. */
  request: string;
}

// Postman's own pattern: no brace inside the name, so `{{{x}}}` resolves the inner `{{x}}`.
const VARIABLE = /\{\{([^{}]+)\}\}/g;

interface Missing {
  name: string;
  usedBy?: string;
}

export function resolveTemplate(template: string, scopes: readonly Scope[], context: ResolveContext): string {
  const missing: Missing[] = [];
  const out = substitute(template, scopes, context, [], missing);
  throwIfMissing(missing, context);
  return out;
}

/** Resolves every string of a JSON value, object keys included (Postman resolves the raw body text, keys and all). */
export function resolveJson(value: unknown, scopes: readonly Scope[], context: ResolveContext): unknown {
  const missing: Missing[] = [];
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return substitute(node, scopes, context, [], missing);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [substitute(key, scopes, context, [], missing), walk(item)]));
    }
    return node;
  };
  const out = walk(value);
  throwIfMissing(missing, context);
  return out;
}

/** Resolves the names and values of a form (urlencoded) body. */
export function resolveForm(form: Readonly<Record<string, string>>, scopes: readonly Scope[], context: ResolveContext): Record<string, string> {
  const missing: Missing[] = [];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    out[substitute(key, scopes, context, [], missing)] = substitute(value, scopes, context, [], missing);
  }
  throwIfMissing(missing, context);
  return out;
}

/** `path` is the chain of variables being expanded, for cycle detection and for naming where a nested miss came from. */
function substitute(template: string, scopes: readonly Scope[], context: ResolveContext, path: string[], missing: Missing[]): string {
  return template.replace(VARIABLE, (whole, name: string) => {
    const value = lookup(name, scopes);
    if (value !== undefined) {
      if (path.includes(name)) throw new VariableCycleError(context.request, [...path.slice(path.indexOf(name)), name]);
      return substitute(value, scopes, context, [...path, name], missing);
    }
    const generated = dynamicValue(name);
    if (generated !== undefined) return generated;
    if (!missing.some((m) => m.name === name)) missing.push({ name, usedBy: path[path.length - 1] });
    return whole;
  });
}

function lookup(name: string, scopes: readonly Scope[]): string | undefined {
  for (const scope of scopes) {
    if (Object.prototype.hasOwnProperty.call(scope, name)) return scope[name];
  }
  return undefined;
}

function throwIfMissing(missing: readonly Missing[], context: ResolveContext): void {
  if (missing.length) throw new UnresolvedVariableError(context.request, missing);
}

// Postman's dynamic variables that CloudLink requests use: fresh per occurrence, like Postman, so
// two {{$guid}} in one body are two ids. Any other {{$name}} is reported as unresolved, not guessed.
const GENERATORS: Readonly<Record<string, () => string>> = {
  $guid: () => randomUUID(),
  $randomUUID: () => randomUUID(),
  // Postman's $timestamp is Unix time in seconds, not milliseconds.
  $timestamp: () => String(Math.floor(Date.now() / 1000)),
  $isoTimestamp: () => new Date().toISOString(),
  // Postman documents $randomInt as an integer between 0 and 1000.
  $randomInt: () => String(randomInt(0, 1001)),
};

export const DYNAMIC_VARIABLES: readonly string[] = Object.keys(GENERATORS);

/** A fresh value for a dynamic variable name (with its `$`), or undefined when it is not one. */
function dynamicValue(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(GENERATORS, name) ? GENERATORS[name]?.() : undefined;
}
