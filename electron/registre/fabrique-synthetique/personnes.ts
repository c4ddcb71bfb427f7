import type { Personne, Role, Sexe } from '../../../shared/domain/acte';
import { Hasard, Tirage } from './hasard';
import { NOMS, PRENOMS, PROFESSIONS } from './noms';

/**
 * Names and persons of the synthetic register. A family name is drawn once per family and
 * written the way the act's clerk writes it (capitals or not); given names come in lists of
 * one to four, sometimes many more (old acts, some families).
 */
export class FabriqueNoms {
  private readonly tirageNoms: Tirage<string>;
  private readonly tiragePrenoms: Record<Sexe, Tirage<string>>;

  constructor() {
    this.tirageNoms = Tirage.zipf(NOMS, 0.9, 4);
    this.tiragePrenoms = { M: Tirage.zipf(PRENOMS.M, 1.05, 3), F: Tirage.zipf(PRENOMS.F, 1.05, 3) };
  }

  nom(h: Hasard): string {
    return this.tirageNoms.tirer(h);
  }

  prenoms(h: Hasard, sexe: Sexe): string[] {
    const x = h.reel();
    const nombre = x < 0.25 ? 1 : x < 0.6 ? 2 : x < 0.9 ? 3 : x < 0.98 ? 4 : h.entier(5, 12);
    const liste: string[] = [];
    for (let i = 0; i < nombre * 2 && liste.length < nombre; i++) {
      const p = this.tiragePrenoms[sexe].tirer(h);
      if (!liste.includes(p)) liste.push(p);
    }
    return liste;
  }

  profession(h: Hasard, sexe: Sexe | null): string {
    return h.choix(PROFESSIONS[sexe ?? 'M']);
  }
}

/** How the clerk writes surnames in this act: in capitals (most registers) or as given. */
export function ecrireNom(nom: string, capitales: boolean): string {
  return capitales ? nom.toLocaleUpperCase('fr-FR') : nom;
}

export function personne(role: Role, nom: string, prenoms: string[], autres: Partial<Personne> = {}): Personne {
  return {
    role,
    nom,
    prenoms,
    sexe: autres.sexe ?? null,
    dateNaissance: autres.dateNaissance ?? null,
    lieuNaissance: autres.lieuNaissance ?? null,
    profession: autres.profession ?? null,
  };
}
