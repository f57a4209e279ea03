// The bad-night profile the sandbox starts with for the rehearsal: the transient trouble a nightly
// run against a real account meets, none of it a change of contract. The shares are small enough
// that the retries a nightly team configures (retry_attempts=6) see every safe request through;
// a create that meets a 503 is not retried (it could have been done), so 503s hit only requests
// that may be repeated, while 429s — refused before anything was done — hit any request.
// --seed makes the night reproducible.
export const BAD_NIGHT_FLAGS: readonly string[] = [
  '--seed',
  '20261204',
  // The very first POST Token of the night fails, as an overloaded gateway at 02:30 would.
  '--fault',
  'server-error:status=503,service=authentication,method=POST,path=/token,next=1',
  '--fault',
  'server-error:status=503,method=GET,share=0.08',
  '--fault',
  'server-error:status=502,method=PUT,share=0.05',
  '--fault',
  'server-error:status=504,method=DELETE,share=0.05',
  '--fault',
  'rate-limit:retryAfterSeconds=1,retryAfterFormat=seconds,share=0.02',
  '--fault',
  'rate-limit:retryAfterSeconds=1,retryAfterFormat=http-date,share=0.01',
  '--fault',
  'latency:ms=400,share=0.03',
  // Some tokens die long before the hour they announce — those of token setup among them, mid-run:
  // the harness refreshes on the 401.
  '--fault',
  'short-tokens:ttlSeconds=45,share=0.3',
];
