// Entry of the import worker when running from the TypeScript sources (tsx, vitest, the CLI).
// Node 20 does not apply the parent's tsx loader to a worker, and `execArgv: ['--import', 'tsx']`
// is not honoured for workers either: the worker registers tsx itself, as bin/registre.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./travailleur.ts');
