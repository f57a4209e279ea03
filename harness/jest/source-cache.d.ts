// The types of ./source-cache.js, which jest's runtime loads without a transform.
export interface SourceCache {
  read(filename: string, readFromDisk: (filename: string) => string): string;
  stats: { hits: number; misses: number };
  hitsOf(filename: string): number;
}

export function createSourceCache(): SourceCache;
