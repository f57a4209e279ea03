// `npm run check`: the static checks of `npm test`, side by side (tools/check/parallel.ts). Each is
// also its own npm script (lint, typecheck, types:check). Caches live in node_modules/.cache, so a
// second run checks only what changed; a fresh clone has none and checks everything.
import { runStages, STATIC, STATIC_CHECKS } from '../tools/check/stages';

runStages('check', `npm run check   (runs side by side: ${STATIC_CHECKS.map((check) => check.name).join(', ')})`, [STATIC]);
