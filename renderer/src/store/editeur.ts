import { create } from 'zustand';
import type { Indexation } from '../../../shared/contract/reponses';
import type { Acte, TypeActe } from '../../../shared/domain/acte';
import { RegistreError } from '../../../shared/errors';
import { api } from '../api';
import { messageErreur } from '../composants/messageErreur';
import {
  cleBrouillon,
  cleBrouillonDe,
  effacerBrouillon,
  lireBrouillon,
  sauverBrouillon,
  type Brouillon,
} from '../ecrans/registre/editeur/brouillon';
import { erreursDesDetails, rangerErreurs } from '../ecrans/registre/editeur/champs';
import { depuisActe, formulaireVide, versActe, type FormulaireActe } from '../ecrans/registre/editeur/formulaire';
import { verifierFormulaire } from '../ecrans/registre/editeur/verification';
import { creerTemporisation } from './sequenceur';

/**
 * The act editor. Its one promise: what the officer typed is never lost. The form keeps the
 * typed text whatever happens on save; a draft follows every change into localStorage.
 */
interface EtatEditeur {
  ouvert: boolean;
  formulaire: FormulaireActe;
  /** The form as last loaded or saved, to know whether there are unsaved changes. */
  reference: string;
  /** Form key -> French message, shown under the field. */
  erreurs: Record<string, string>;
  erreursGenerales: string[];
  /** A failure of the save itself (conflict, service down...): shown above the form. */
  erreurEnregistrement: string | null;
  enregistrement: boolean;
  /** When the form was restored from a draft: the draft's date. */
  brouillonDu: string | null;
  /** Bumped when the first field in error should take the focus. */
  demandeFocusErreur: number;
  /** What the last save from a request gave: matching redone, the answer drafted (or why not). */
  indexation: Indexation | null;

  ouvrirNouveau(type?: TypeActe): void;
  ouvrirActe(acte: Acte): void;
  /** "Saisir l'acte" from a request: the form pre-filled from it (or its draft, if one was kept). */
  ouvrirDepuisDemande(formulaire: FormulaireActe): void;
  reprendre(brouillon: Brouillon): void;
  changer(modification: (f: FormulaireActe) => FormulaireActe): void;
  /** Live validation of one field (on blur). */
  verifierChamp(cle: string): void;
  enregistrer(): Promise<Acte | null>;
  /** Closes the editor, discarding the changes and their draft. */
  abandonner(): void;
  /** Discards the restored draft and starts again from the act as saved (or an empty form). */
  repartir(acte: Acte | null): void;
}

const temporisationBrouillon = creerTemporisation(250);

function stockage(): Storage {
  return window.localStorage;
}

export function formulaireModifie(e: Pick<EtatEditeur, 'ouvert' | 'formulaire' | 'reference'>): boolean {
  return e.ouvert && JSON.stringify(e.formulaire) !== e.reference;
}

const etatOuverture = (formulaire: FormulaireActe, reference: FormulaireActe, brouillonDu: string | null) => ({
  ouvert: true,
  formulaire,
  reference: JSON.stringify(reference),
  erreurs: {},
  erreursGenerales: [],
  erreurEnregistrement: null,
  enregistrement: false,
  brouillonDu,
});

export const useEditeur = create<EtatEditeur>((set, get) => ({
  ouvert: false,
  formulaire: formulaireVide(),
  reference: '',
  erreurs: {},
  erreursGenerales: [],
  erreurEnregistrement: null,
  enregistrement: false,
  brouillonDu: null,
  demandeFocusErreur: 0,
  indexation: null,

  ouvrirNouveau(type = 'naissance') {
    const brouillon = lireBrouillon(stockage(), cleBrouillon(undefined));
    const vide = formulaireVide(type);
    if (brouillon) set(etatOuverture(brouillon.formulaire, vide, brouillon.enregistreLe));
    else set(etatOuverture(vide, vide, null));
  },
  ouvrirActe(acte) {
    const enBase = depuisActe(acte);
    const brouillon = lireBrouillon(stockage(), cleBrouillon(acte.id));
    if (brouillon) set(etatOuverture(brouillon.formulaire, enBase, brouillon.enregistreLe));
    else set(etatOuverture(enBase, enBase, null));
  },
  ouvrirDepuisDemande(formulaire) {
    const brouillon = lireBrouillon(stockage(), cleBrouillonDe(formulaire));
    // The draft of the same request is what was typed last: it wins over a fresh pre-fill.
    const garde = brouillon?.formulaire.depuisDemande?.demandeId === formulaire.depuisDemande?.demandeId;
    if (brouillon && garde) set(etatOuverture(brouillon.formulaire, formulaire, brouillon.enregistreLe));
    else set(etatOuverture(formulaire, formulaire, null));
  },
  reprendre(brouillon) {
    // The reference is the empty form for a new act; for an existing act, the draft itself until
    // the act is read (the editor then compares against it): either way the draft counts as unsaved.
    set(etatOuverture(brouillon.formulaire, formulaireVide(brouillon.formulaire.type), brouillon.enregistreLe));
  },
  changer(modification) {
    const formulaire = modification(get().formulaire);
    const erreurs = get().erreurs;
    // A field already flagged is re-checked as it is corrected, so the message goes away at once.
    let nouvellesErreurs = erreurs;
    if (Object.keys(erreurs).length) {
      const { parChamp } = verifierFormulaire(formulaire);
      nouvellesErreurs = {};
      for (const cle of Object.keys(erreurs)) if (parChamp[cle]) nouvellesErreurs[cle] = parChamp[cle];
    }
    set({ formulaire, erreurs: nouvellesErreurs });
    temporisationBrouillon.lancer(() => {
      if (formulaireModifie(get())) sauverBrouillon(stockage(), get().formulaire);
    });
  },
  verifierChamp(cle) {
    const { parChamp } = verifierFormulaire(get().formulaire);
    const erreurs = { ...get().erreurs };
    if (parChamp[cle]) erreurs[cle] = parChamp[cle];
    else delete erreurs[cle];
    set({ erreurs });
  },
  async enregistrer() {
    if (get().enregistrement) return null;
    const formulaire = get().formulaire;
    temporisationBrouillon.annuler();
    sauverBrouillon(stockage(), formulaire);
    const verification = verifierFormulaire(formulaire);
    if (Object.keys(verification.parChamp).length || verification.generales.length) {
      set((e) => ({
        erreurs: verification.parChamp,
        erreursGenerales: verification.generales,
        erreurEnregistrement: null,
        demandeFocusErreur: e.demandeFocusErreur + 1,
      }));
      return null;
    }
    set({ enregistrement: true, erreurEnregistrement: null, erreursGenerales: [], indexation: null });
    const { acte } = versActe(formulaire);
    try {
      // Keyed in from a request: saved through it, so that matching and the answer follow.
      const source = formulaire.depuisDemande;
      const indexation = source
        ? await api.appeler('reponses.indexerActe', { demandeId: source.demandeId, acte })
        : null;
      const enregistre = indexation ? indexation.acte : await api.appeler('registre.enregistrer', { acte });
      effacerBrouillon(stockage(), cleBrouillonDe(formulaire));
      if (formulaire.id === undefined && !source) effacerBrouillon(stockage(), cleBrouillon(undefined));
      const apres = depuisActe(enregistre);
      set({ ...etatOuverture(apres, apres, null), ouvert: false, indexation });
      return enregistre;
    } catch (e) {
      // The form is left exactly as typed; only messages are added.
      if (e instanceof RegistreError && e.code === 'saisie_invalide') {
        const { parChamp, generales } = rangerErreurs(erreursDesDetails(e.details), acte);
        set((etat) => ({
          enregistrement: false,
          erreurs: parChamp,
          erreursGenerales: generales,
          erreurEnregistrement: Object.keys(parChamp).length
            ? 'L’acte n’a pas été enregistré : des champs sont à corriger.'
            : e.message,
          demandeFocusErreur: etat.demandeFocusErreur + 1,
        }));
      } else if (e instanceof RegistreError && e.code === 'conflit') {
        // Another act already holds this type, year and number: the number is what to check.
        set((etat) => ({
          enregistrement: false,
          erreurs: { ...etat.erreurs, numero: e.message },
          erreurEnregistrement: `L’acte n’a pas été enregistré. ${e.message} Votre saisie est conservée.`,
          demandeFocusErreur: etat.demandeFocusErreur + 1,
        }));
      } else {
        set({
          enregistrement: false,
          erreurEnregistrement: `L’acte n’a pas été enregistré. ${messageErreur(e)} Votre saisie est conservée.`,
        });
      }
      return null;
    }
  },
  repartir(acte) {
    temporisationBrouillon.annuler();
    const { formulaire, reference } = get();
    effacerBrouillon(stockage(), cleBrouillonDe(formulaire));
    if (acte) get().ouvrirActe(acte);
    else if (formulaire.depuisDemande) {
      // From a request, starting again is the pre-filled form as it opened.
      const depart = JSON.parse(reference) as FormulaireActe;
      set(etatOuverture(depart, depart, null));
    } else get().ouvrirNouveau(formulaire.type);
  },
  abandonner() {
    temporisationBrouillon.annuler();
    effacerBrouillon(stockage(), cleBrouillonDe(get().formulaire));
    set({ ouvert: false, erreurs: {}, erreursGenerales: [], erreurEnregistrement: null, brouillonDu: null });
  },
}));
