import { create } from 'zustand';
import type { ChargeEvenement } from '../../../shared/contract';
import type { RapportImport } from '../../../shared/contract/registre';
import { RegistreError } from '../../../shared/errors';
import { api } from '../api';
import { lireEnBase64 } from '../composants/lireFichier';
import { messageErreur } from '../composants/messageErreur';
import { useBarreEtat } from './barreEtat';
import { useRecherche } from './recherche';

/** The bound of the contract (256 MiB of CSV); checked here too, to refuse before reading. */
export const TAILLE_MAX_IMPORT = 256 * 1024 * 1024;

type Progression = ChargeEvenement<'registre.importProgression'>;

interface EtatImportation {
  ouvert: boolean;
  etape: 'choix' | 'lecture' | 'import' | 'termine' | 'erreur';
  fichier: { nom: string; octets: number } | null;
  progression: Progression | null;
  rapport: RapportImport | null;
  erreur: string | null;
  ouvrir(): void;
  fermer(): void;
  importer(fichier: File): Promise<void>;
}

export const useImportation = create<EtatImportation>((set, get) => ({
  ouvert: false,
  etape: 'choix',
  fichier: null,
  progression: null,
  rapport: null,
  erreur: null,
  ouvrir() {
    if (get().etape === 'lecture' || get().etape === 'import') return set({ ouvert: true });
    set({ ouvert: true, etape: 'choix', fichier: null, progression: null, rapport: null, erreur: null });
  },
  fermer() {
    set({ ouvert: false });
  },
  async importer(fichier) {
    const nom = fichier.name;
    set({ etape: 'lecture', fichier: { nom, octets: fichier.size }, progression: null, rapport: null, erreur: null });
    if (fichier.size > TAILLE_MAX_IMPORT) {
      set({
        etape: 'erreur',
        erreur: 'Ce fichier dépasse 256 Mo : découpez-le en plusieurs fichiers (par exemple un par décennie).',
      });
      return;
    }
    if (fichier.size === 0) {
      set({ etape: 'erreur', erreur: 'Ce fichier est vide.' });
      return;
    }
    // Progress comes as events while the call runs; only this file's are kept.
    const desabonner = api.ecouter('registre.importProgression', (p) => {
      if (p.nomFichier === nom && get().etape === 'import') set({ progression: p });
    });
    try {
      const contenuBase64 = await lireEnBase64(fichier);
      set({ etape: 'import' });
      const rapport = await api.appeler('registre.importer', { nomFichier: nom, contenuBase64 });
      set({ etape: 'termine', rapport });
      // The register changed: the status bar and the results follow (the event does it too,
      // this makes it independent of the event's arrival).
      void useBarreEtat.getState().rafraichirStatistiques();
      void useRecherche.getState().rechercherMaintenant();
    } catch (e) {
      const message =
        e instanceof RegistreError
          ? messageErreur(e)
          : 'Le fichier n’a pas pu être lu. Vérifiez qu’il est accessible et réessayez.';
      set({ etape: 'erreur', erreur: message });
    } finally {
      desabonner();
    }
  },
}));
