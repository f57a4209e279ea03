// The types of ./code-cache.js, which jest's runtime loads without a transform.
import type { Context, ScriptOptions } from 'node:vm';

export interface CodeCacheStats {
  hits: number;
  /** Of the hits, those that took a cache an earlier process left on disk. */
  diskHits: number;
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
  /** Writes to the directory the caches of the modules compiled only once that have none there yet. */
  persist(): void;
}

export function createCodeCache(options?: { dir?: string }): CodeCache;
