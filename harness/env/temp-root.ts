// Test support: a throwaway repository root with its own environments/ and .env files, so the
// loader's tests never read or write the real repository's .env.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostmanEntry {
  key: string;
  value?: unknown;
  type?: unknown;
  enabled?: unknown;
}

/** A Postman environment document shaped like a real export. */
export function postmanDoc(name: string, values: PostmanEntry[]): Record<string, unknown> {
  return {
    id: '0b6f2f0e-6c55-4b8e-9a1c-2d3e4f5a6b7c',
    name,
    values: values.map((entry) => ({ type: 'default', enabled: true, value: '', ...entry })),
    _postman_variable_scope: 'environment',
    _postman_exported_at: '2024-05-02T10:11:12.345Z',
    _postman_exported_using: 'Postman/11.0.0',
  };
}

const made: string[] = [];

/**
 * Creates a root holding environments/<name>.postman_environment.json for each document (a string
 * is written verbatim, for malformed files) and any other files given by relative path.
 */
export function tempRoot(environments: Record<string, unknown>, files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-env-'));
  made.push(root);
  mkdirSync(path.join(root, 'environments'));
  for (const [name, doc] of Object.entries(environments)) {
    const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
    writeFileSync(path.join(root, 'environments', `${name}.postman_environment.json`), text);
  }
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

/** Removes every root made so far; call from afterAll. */
export function removeTempRoots(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** The thrown error of `fn`, failing the test when nothing is thrown. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw, but it returned');
}
