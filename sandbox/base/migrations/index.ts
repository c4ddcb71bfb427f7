import type { Migration } from '../../../electron/db';
import { migration0001 } from './0001-plateforme';

/** The platform's migrations (its own list, run by the application's runner `migrer`). */
export const migrationsPlateforme: readonly Migration[] = [migration0001];
