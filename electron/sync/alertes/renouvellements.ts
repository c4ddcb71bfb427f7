import { libellePlateforme, type Commune } from '../../../shared/contract/parametres';
import { jourFrancais } from '../../../shared/domain/echeances';
import { journal } from '../../journal';
import type { Courriel } from './message';
import { envoyerCourriel, type ConfigurationMessagerie } from './messagerie';

/**
 * The renewal warning: the agents' cards whose end of validity comes within 60 days, e-mailed to
 * the office's functional address so the card manager orders the new ones in time (an order
 * takes weeks). The directory (app.ts wires electron/annuaire/) says which cards, and remembers
 * those warned about once the e-mail has left: each card is named once per alert period, and
 * a failed e-mail is tried again at the next sync.
 */
export interface CarteARenouveler {
  carteId: number;
  titulaire: string;
  finValidite: string;
  joursRestants: number;
}

export interface SourceRenouvellements {
  aSignaler(): CarteARenouveler[];
  signales(cartes: readonly CarteARenouveler[]): void;
}

export interface DependancesRenouvellements {
  commune(): Commune | null;
  smtp(): ConfigurationMessagerie | null;
  renouvellements?: SourceRenouvellements;
}

const jours = (n: number) => (n === 0 ? 'aujourd’hui' : n === 1 ? 'dans 1 jour' : `dans ${n} jours`);

/** Agents' names and card numbers only: the agents are the commune's staff, no citizen appears. */
export function courrielRenouvellements(cartes: readonly CarteARenouveler[], libelleCommune: string): Courriel {
  const n = cartes.length;
  const quoi = n > 1 ? `${n} cartes agents à renouveler` : '1 carte agent à renouveler';
  const premiere = [...cartes].sort((a, b) => a.finValidite.localeCompare(b.finValidite))[0];
  return {
    sujet: `[Registre] ${quoi} (la première le ${jourFrancais(premiere.finValidite)})`,
    texte: [
      'Bonjour,',
      '',
      `${n > 1 ? 'Ces cartes agents arrivent' : 'Cette carte agent arrive'} à la fin de leur validité dans moins de 60 jours, pour ${libelleCommune} :`,
      '',
      ...cartes.map(
        (c) =>
          `  - ${c.titulaire}, carte n° ${c.carteId} : fin de validité le ${jourFrancais(c.finValidite)} (${jours(c.joursRestants)})`,
      ),
      '',
      'Le responsable cartes commande leur renouvellement : Registre, écran « Cartes », onglet « Cartes des agents ».',
      'Chaque carte n’est signalée qu’une fois.',
      '',
      'Ce message est envoyé automatiquement par Registre.',
    ].join('\n'),
  };
}

export async function alerterRenouvellements(dep: DependancesRenouvellements): Promise<'envoye' | 'echec' | null> {
  const source = dep.renouvellements;
  const commune = dep.commune();
  const smtp = dep.smtp();
  if (!source || !commune || !smtp?.active) return null;
  const cartes = source.aSignaler();
  if (!cartes.length) return null;
  try {
    await envoyerCourriel(smtp, commune.emailFonctionnel, courrielRenouvellements(cartes, libellePlateforme(commune)));
  } catch {
    journal.avertir('alerte de renouvellement non envoyée', { nombre: cartes.length });
    return 'echec';
  }
  source.signales(cartes);
  return 'envoye';
}
