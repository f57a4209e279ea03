// The Admin collection's tests: one jest test file, made of the parts beside it, each the
// tests of one group of requests. One file, because jest sets up every test file afresh (about 75 ms
// of CPU each; README, Performance); a live run against a real account, slow by latency instead,
// runs each part as a file of its own. Parts run in the order imported; a part imported nowhere
// never runs, so `npm start` refuses one (tools/run/suite-parts.ts).
import './account.part';
import './contacts.part';
import './groups.part';
import './paging.part';
import './seeded.part';
import './sites.part';
import './tags.part';
import './users.part';
