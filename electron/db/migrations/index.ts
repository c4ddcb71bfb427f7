import type { Migration } from './types';
import { migration0001 } from './0001-parametres';

/**
 * Every migration, in order. A new one is a new numbered file added at the end of this list;
 * a migration that has shipped is never edited (its test pins what it does).
 */
export const migrations: readonly Migration[] = [migration0001];

export type { Migration };
