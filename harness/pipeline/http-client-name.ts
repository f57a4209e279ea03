// The global under which the suites' jest environment hands each test file its worker's HTTP
// client (./http-client.ts). Its own file, so that naming it loads nothing.
export const WORKER_HTTP_CLIENT = '__cloudlinkHttpClient';
