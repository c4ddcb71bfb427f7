import { RegistreError } from '../../shared/errors';
import { journal } from '../journal';
import { candidats, type Candidat } from './bibliotheques';
import { listerLecteurs, type LecteurVu } from './jetons';
import { chargerBibliotheque, type Liaison } from './liaison';

export interface Bibliotheque extends Candidat {
  readonly liaison: Liaison | null;
  readonly description: string | null;
  readonly erreur: string | null;
}

/**
 * The PKCS#11 libraries in use and the readers they see. The libraries are tried in turn
 * (the configured one, or every known one present); the same card seen through two of them
 * is kept once, through the first.
 */
export class Lecteurs {
  #bibliotheques: Bibliotheque[] | null = null;

  constructor(
    private readonly choix: () => { parametre: string | null; environnement: string | null; avecEssai: boolean },
  ) {}

  bibliotheques(): Bibliotheque[] {
    if (!this.#bibliotheques) {
      this.#bibliotheques = candidats(this.choix()).map((c) => {
        try {
          const { liaison, description } = chargerBibliotheque(c.chemin);
          return { ...c, liaison, description, erreur: null };
        } catch (e) {
          return {
            ...c,
            liaison: null,
            description: null,
            erreur: e instanceof RegistreError ? e.message : 'chargement impossible',
          };
        }
      });
    }
    return this.#bibliotheques;
  }

  /** Forgets the choice (after a settings change); loaded libraries stay loaded. */
  reinitialiser(): void {
    this.#bibliotheques = null;
  }

  liaison(chemin: string): Liaison | null {
    return this.bibliotheques().find((b) => b.chemin === chemin)?.liaison ?? null;
  }

  lire(): LecteurVu[] {
    const lecteurs: LecteurVu[] = [];
    const vus = new Set<string>();
    for (const b of this.bibliotheques()) {
      if (!b.liaison) continue;
      try {
        for (const l of listerLecteurs(b.liaison, b.chemin)) {
          const cle = l.carte ? `${l.carte.serie}#${l.carte.label}` : l.id;
          if (vus.has(cle)) continue;
          vus.add(cle);
          lecteurs.push(l);
        }
      } catch (e) {
        journal.avertir('lecture des lecteurs impossible', { bibliotheque: b.nom, type: (e as Error)?.name });
      }
    }
    return lecteurs;
  }
}
