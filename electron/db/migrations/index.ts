import type { Migration } from './types';
import { migration0001 } from './0001-parametres';
import { migration0002 } from './0002-registre';
import { migration0003 } from './0003-signature';
import { migration0004 } from './0004-demandes';
import { migration0005 } from './0005-rapprochements';
import { migration0006 } from './0006-plateforme-des-demandes';
import { migration0007 } from './0007-reponses';
import { migration0008 } from './0008-annuaire';
import { migration0009 } from './0009-remise-piece-identite';
import { migration0010 } from './0010-alerte-renouvellement';
import { migration0011 } from './0011-acte-indexe-depuis-demande';
import { migration0012 } from './0012-demandes-envoyees';
import { migration0013 } from './0013-recherche-demandes';
import { migration0014 } from './0014-cle-phonetique-mesuree';
import { migration0015 } from './0015-termes-recherche-a-refaire';

/**
 * Every migration, in order. A new one is a new numbered file added at the end of this list;
 * a migration that has shipped is never edited (its test pins what it does).
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
];

export type { Migration };
