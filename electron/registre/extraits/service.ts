import { createRequire } from 'node:module';
import type { Commune } from '../../../shared/contract/parametres';
import type { Extrait, SorteExtrait } from '../../../shared/contract/registre';
import type { Acte } from '../../../shared/domain/acte';
import { dateIsoDuJour } from '../../../shared/domain/dates';
import { composerExtrait, extrait, nomFichierExtrait, type ContexteExtrait } from '../../../shared/domain/extraits';
import { erreurs } from '../../../shared/errors';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import { journal } from '../../journal';
import type { DepotParametres } from '../../parametres';
import { DepotActes } from '../depot';
import { extraitEnPdf } from './pdf';

/**
 * Issuing a copy or an extract: reads the act and the commune's identity, composes the
 * document (shared/domain/extraits.ts) and renders it as text or PDF. Used by the
 * `registre.extrait` / `registre.extraitPdf` handlers and the `registre extract` command.
 */
export interface SourcesExtrait {
  db: Base;
  parametres: Pick<DepotParametres, 'lire'>;
  horloge: Horloge;
}

let departements: Map<string, string> | undefined;
function nomDepartement(code: string): string | null {
  if (!departements) {
    const require = createRequire(import.meta.url);
    const liste = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string }[];
    departements = new Map(liste.map((d) => [d.code, d.nom]));
  }
  return departements.get(code.toUpperCase()) ?? null;
}

function contexte(sources: SourcesExtrait): ContexteExtrait {
  const commune = sources.parametres.lire<Commune>('commune');
  if (!commune)
    throw erreurs.conflit(
      'Renseignez d’abord l’identité de la commune (Paramètres) : son nom figure sur chaque copie et extrait.',
    );
  return {
    commune: {
      nom: commune.nom,
      departement: commune.departement,
      nomDepartement: nomDepartement(commune.departement),
    },
    dateDelivrance: dateIsoDuJour(sources.horloge.maintenant()),
  };
}

function acte(sources: SourcesExtrait, id: number): Acte {
  const a = new DepotActes(sources.db).lire(id);
  if (!a) throw erreurs.introuvable('Acte', id);
  return a;
}

export function delivrerExtrait(sources: SourcesExtrait, id: number, sorte: SorteExtrait): Extrait {
  return extrait(acte(sources, id), sorte, contexte(sources));
}

export async function delivrerExtraitPdf(
  sources: SourcesExtrait,
  id: number,
  sorte: SorteExtrait,
): Promise<{ nomFichier: string; octets: Uint8Array }> {
  const a = acte(sources, id);
  const doc = composerExtrait(a, sorte, contexte(sources));
  const { octets, caracteresRemplaces } = await extraitEnPdf(doc, sources.horloge.maintenant());
  if (caracteresRemplaces)
    journal.avertir('extrait PDF : caractères hors WinAnsi remplacés', { nombre: caracteresRemplaces });
  return { nomFichier: nomFichierExtrait(a, sorte), octets };
}
