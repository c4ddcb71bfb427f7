import type { Acte, Personne, Role, TypeActe } from '../../../shared/domain/acte';
import { validerActe } from '../../../shared/domain/validation';
import { COLONNES, COLONNES_EVENEMENT } from './colonnes';
import type { Entete } from './entete';
import { LecteurLieux } from './lieux';
import {
  lireBooleen,
  lireDate,
  lireEntier,
  lireMentions,
  lireNom,
  lirePrenoms,
  lireSexe,
  lireTexte,
  lireType,
} from './valeurs';

/**
 * One CSV row -> one act, or the list of what is wrong with the row (column, French reason).
 * Everything that depends only on the header is computed once in the constructor, so the
 * per-row path reads cells by position and allocates little more than the act itself:
 * the import runs a million rows through here.
 */

export interface ErreurColonne {
  colonne: string;
  raison: string;
}

export type ResultatLigne = { acte: Acte; erreurs: null } | { acte: null; erreurs: ErreurColonne[] };

/** Where each person of an act is in the row: positions of its cells (-1 = column absent). */
interface PlanPersonne {
  role: Role;
  colonnes: {
    nom: string;
    prenoms: string;
    sexe: string;
    dateNaissance: string;
    lieuNaissance: string;
    profession: string;
  };
  nom: number;
  prenoms: number;
  sexe: number;
  dateNaissance: number;
  lieuNaissance: number;
  profession: number;
}

/** Column suffix of each role, per act type (see colonnes.ts). */
const ROLES: Record<TypeActe, [Role, string][]> = {
  naissance: [
    ['titulaire', ''],
    ['pere', 'pere'],
    ['mere', 'mere'],
  ],
  mariage: [
    ['epoux1', ''],
    ['epoux2', 'epoux2'],
    ['pere_epoux1', 'pere'],
    ['mere_epoux1', 'mere'],
    ['pere_epoux2', 'pere_epoux2'],
    ['mere_epoux2', 'mere_epoux2'],
  ],
  deces: [
    ['titulaire', ''],
    ['pere', 'pere'],
    ['mere', 'mere'],
    ['conjoint', 'conjoint'],
  ],
};

export interface OptionsLecture {
  /** Today (aaaa-mm-jj), for "date in the future" checks. */
  aujourdhui: string;
}

function cellule(champs: string[], i: number): string {
  return i < 0 ? '' : champs[i];
}

export class LecteurLignes {
  private readonly position: (colonne: string) => number;
  private readonly plans: Record<TypeActe, PlanPersonne[]>;
  /** Per type, positions of the columns that do not apply to it (a value there is refused). */
  private readonly horsType: Record<TypeActe, [number, string][]>;
  /** Per type, validation field path -> CSV column, to tell the user which cell to fix. */
  private readonly colonnesDesChamps: Record<TypeActe, Map<string, string>>;
  private readonly lieux = new LecteurLieux();
  private readonly p: Record<string, number>;
  /** Positions of the event's date and place columns, per type. */
  private readonly evenement: Record<TypeActe, { date: number; lieu: number }>;

  constructor(
    private readonly entete: Entete,
    private readonly options: OptionsLecture,
  ) {
    this.position = (c) => entete.positions.get(c) ?? -1;
    this.p = Object.fromEntries(COLONNES.map((c) => [c.nom, this.position(c.nom)]));
    const ev = (t: TypeActe) => ({
      date: this.position(COLONNES_EVENEMENT[t].date),
      lieu: this.position(COLONNES_EVENEMENT[t].lieu),
    });
    this.evenement = { naissance: ev('naissance'), mariage: ev('mariage'), deces: ev('deces') };
    this.plans = { naissance: [], mariage: [], deces: [] };
    this.horsType = { naissance: [], mariage: [], deces: [] };
    this.colonnesDesChamps = { naissance: new Map(), mariage: new Map(), deces: new Map() };
    for (const type of ['naissance', 'mariage', 'deces'] as const) {
      const champs = this.colonnesDesChamps[type];
      for (const [role, suffixe] of ROLES[type]) {
        const plan = this.plan(role, suffixe);
        // The child's date and place of birth are the act's event columns, read once as such.
        if (type === 'naissance' && role === 'titulaire') plan.dateNaissance = plan.lieuNaissance = -1;
        this.plans[type].push(plan);
        champs.set(`personnes.${role}`, plan.colonnes.nom);
        for (const [champ, colonne] of Object.entries(plan.colonnes)) champs.set(`personnes.${role}.${champ}`, colonne);
      }
      champs.set('dateEvenement', COLONNES_EVENEMENT[type].date);
      champs.set('lieuEvenement', COLONNES_EVENEMENT[type].lieu);
      champs.set('dateActe', 'date_acte');
      champs.set('personnes', 'nom');
      for (const c of COLONNES) {
        const i = this.position(c.nom);
        if (i >= 0 && !c.types.includes(type)) this.horsType[type].push([i, c.nom]);
      }
    }
  }

  private plan(role: Role, suffixe: string): PlanPersonne {
    const s = suffixe ? `_${suffixe}` : '';
    const colonnes = {
      nom: `nom${s}`,
      prenoms: `prenoms${s}`,
      sexe: `sexe${s}`,
      dateNaissance: `date_naissance${s}`,
      lieuNaissance: `lieu_naissance${s}`,
      profession: `profession${s}`,
    };
    return {
      role,
      colonnes,
      nom: this.position(colonnes.nom),
      prenoms: this.position(colonnes.prenoms),
      sexe: this.position(colonnes.sexe),
      dateNaissance: this.position(colonnes.dateNaissance),
      lieuNaissance: this.position(colonnes.lieuNaissance),
      profession: this.position(colonnes.profession),
    };
  }

  /** The CSV column a validation field path refers to. */
  colonneDuChamp(type: TypeActe, champ: string): string {
    if (champ.startsWith('mentions')) return 'mentions';
    return this.colonnesDesChamps[type].get(champ) ?? champ;
  }

  /** Errors of the row being read; `signaler` is created once (no closure per row). */
  private erreurs: ErreurColonne[] = [];
  private readonly signaler = (colonne: string, raison: string): void => {
    this.erreurs.push({ colonne, raison });
  };

  lire(champs: string[]): ResultatLigne {
    const erreurs: ErreurColonne[] = (this.erreurs = []);
    const signaler = this.signaler;
    const attendu = this.entete.champs.length;
    if (champs.length !== attendu) {
      signaler(
        'ligne',
        `la ligne a ${champs.length} colonne${champs.length > 1 ? 's' : ''}, l’en-tête en a ${attendu}`,
      );
      return { acte: null, erreurs };
    }
    const v = cellule;
    const p = this.p;

    const type = lireType(v(champs, p.type), 'type', signaler);
    const annee = lireEntier(v(champs, p.annee), 'annee', 'l’année', signaler);
    const numero = lireEntier(v(champs, p.numero), 'numero', 'le numéro', signaler);
    if (!type) return { acte: null, erreurs };

    for (const [i, colonne] of this.horsType[type]) {
      if (champs[i].trim())
        signaler(colonne, `cette colonne ne s’applique pas à un acte de ${type === 'deces' ? 'décès' : type}`);
    }
    for (const i of this.entete.sansNom) {
      if (champs[i].trim()) signaler(`colonne ${i + 1}`, 'valeur dans une colonne sans nom d’en-tête');
    }

    const evenement = COLONNES_EVENEMENT[type];
    const dateEvenement = lireDate(v(champs, this.evenement[type].date), evenement.date, signaler);
    const lieuEvenement = this.lieux.lire(v(champs, this.evenement[type].lieu), evenement.lieu, signaler);
    const personnes: Personne[] = [];
    for (const plan of this.plans[type]) {
      const personne = this.personne(plan, champs);
      if (!personne) continue;
      // A birth's date and place are the child's: written once in the row, kept on both.
      if (type === 'naissance' && plan.role === 'titulaire') {
        personne.dateNaissance = dateEvenement;
        personne.lieuNaissance = lieuEvenement && { ...lieuEvenement };
      }
      personnes.push(personne);
    }

    const acte: Acte = {
      type,
      annee: annee ?? 0,
      numero: numero ?? 0,
      dateActe: lireDate(v(champs, p.date_acte), 'date_acte', signaler),
      dateEvenement,
      lieuEvenement,
      personnes,
      mentions: lireMentions(v(champs, p.mentions), 'mentions', signaler),
      origine: 'import',
      indexe: lireBooleen(v(champs, p.indexe), 'indexe', signaler) ?? true,
    };

    // Validation rules on top of the cell-level ones; a column already reported is not
    // reported again ("date impossible" then "date obligatoire" would only confuse).
    // Without a year or a number the act has no identity: the other rules would only add noise.
    if (annee === null || numero === null) return { acte: null, erreurs };
    const dejaSignalees = erreurs.length ? new Set(erreurs.map((e) => e.colonne)) : null;
    for (const e of validerActe(acte, { aujourdhui: this.options.aujourdhui })) {
      const colonne = this.colonneDuChamp(type, e.champ);
      if (dejaSignalees?.has(colonne)) continue;
      // A birth's date is both the event's and the child's: one cell, said once.
      if (erreurs.some((x) => x.colonne === colonne && x.raison === e.raison)) continue;
      erreurs.push({ colonne, raison: e.raison });
    }
    return erreurs.length ? { acte: null, erreurs } : { acte, erreurs: null };
  }

  private personne(plan: PlanPersonne, champs: string[]): Personne | null {
    const signaler = this.signaler;
    const nom = lireNom(cellule(champs, plan.nom));
    const prenoms = lirePrenoms(cellule(champs, plan.prenoms));
    const sexeBrut = cellule(champs, plan.sexe);
    const dateBrute = cellule(champs, plan.dateNaissance);
    const lieuBrut = cellule(champs, plan.lieuNaissance);
    const professionBrute = cellule(champs, plan.profession);
    // A person is in the act when any of its cells is filled (a parent left blank: no parent).
    if (
      !nom &&
      prenoms.length === 0 &&
      !sexeBrut.trim() &&
      !dateBrute.trim() &&
      !lieuBrut.trim() &&
      !professionBrute.trim()
    )
      return null;
    const c = plan.colonnes;
    return {
      role: plan.role,
      nom,
      prenoms,
      sexe: lireSexe(sexeBrut, c.sexe, signaler),
      dateNaissance: lireDate(dateBrute, c.dateNaissance, signaler),
      lieuNaissance: this.lieux.lire(lieuBrut, c.lieuNaissance, signaler),
      profession: lireTexte(professionBrute),
    };
  }
}
