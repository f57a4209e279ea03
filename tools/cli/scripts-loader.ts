// Where the scripts' TypeScript loader is, for the tools that start node themselves (a rehearsal's
// processes, the load tool's sandbox thread) or keep it from jest's workers (tools/run).
import path from 'node:path';

/** scripts/register.js, as `node -r` takes it. */
export const SCRIPTS_LOADER = path.join(__dirname, '..', '..', 'scripts', 'register.js');
