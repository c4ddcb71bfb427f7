import { z } from 'zod';

/**
 * Imported first by main.tsx. The page's CSP forbids eval; zod 4 otherwise probes `new Function`
 * and compiles a fast path for each object schema, as the schemas are built (when the shared
 * modules load). Turning that off before any schema exists keeps zod within the CSP.
 */
z.config({ jitless: true });
