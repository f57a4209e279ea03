// The types of ./code-cache.js, which jest's runtime loads without a transform.
import type { Context, ScriptOptions } from 'node:vm';

export interface CodeCacheStats {
  hits: number;
  misses: number;
  rejected: number;
}

export interface CodeCache {
  compile(
    source: string,
    parameters: string[],
    filename: string,
    context: Context,
    importModuleDynamically?: ScriptOptions['importModuleDynamically'],
  ): (...args: unknown[]) => unknown;
  stats: CodeCacheStats;
  hitsOf(filename: string): number;
}

export function createCodeCache(): CodeCache;
