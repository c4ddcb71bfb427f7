// Entry of the import's reading thread when running from the TypeScript sources (see
// travailleur-sources.mjs: a worker registers tsx itself).
import { register } from 'tsx/esm/api';

register();
await import('./travailleur-lecture.ts');
