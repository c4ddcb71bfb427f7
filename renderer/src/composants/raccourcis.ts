import { useEffect } from 'react';
import { ecrans } from '../../../shared/labels.fr';
import { useEditeur } from '../store/editeur';
import { useFiche } from '../store/fiche';
import { useNavigation } from '../store/navigation';

/** The shortcuts of the whole application, listed in the help dialog (F1). */
export const listeRaccourcis: [string, string][] = [
  ['Ctrl+F ou /', 'Aller à la recherche du registre'],
  ['↑ ↓, Page préc./suiv.', 'Parcourir les résultats'],
  ['Entrée', 'Ouvrir l’acte sélectionné'],
  ['F2', 'Modifier l’acte ouvert'],
  ['Ctrl+N', 'Saisir un nouvel acte'],
  ['Ctrl+S', 'Enregistrer l’acte en cours de saisie'],
  ['Échap', 'Fermer l’éditeur ou la fenêtre ouverte'],
  ['Alt+1 à Alt+5', 'Demandes, Registre, Cartes, Statistiques, Paramètres'],
  ['↑ ↓, Début, Fin, Page préc./suiv. (liste des demandes)', 'Parcourir les demandes reçues ; Entrée ouvre la demande'],
  ['P (liste des demandes)', 'Répondre positivement à la demande « sûre » sélectionnée'],
  ['T (liste des demandes)', 'Traiter à la suite, depuis la demande sélectionnée'],
  ['P ou Ctrl+Entrée (demande ouverte)', 'Répondre positivement avec l’acte choisi'],
  ['N (demande ouverte)', 'Répondre négativement'],
  ['1 à 9, ↑ ↓ (demande ouverte)', 'Choisir un autre acte candidat'],
  ['M (demande ouverte)', 'Mettre de côté ou reprendre'],
  ['O, X, A (demande ouverte)', 'Ouvrir l’acte, afficher le XML, abandonner la réponse'],
  ['I (demande ouverte)', 'Saisir l’acte depuis la demande (préremplie), quand le registre ne le trouve pas'],
  ['F1', 'Cette aide'],
];

function saisieEnCours(cible: EventTarget | null): boolean {
  const el = cible as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function dialogueOuvert(): boolean {
  return !!document.querySelector('[role="dialog"], [role="alertdialog"]');
}

/** Installs the application-wide shortcuts (the editor handles Ctrl+S and Échap itself). */
export function useRaccourcis(surAide: () => void): void {
  useEffect(() => {
    const surTouche = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const nav = useNavigation.getState();
      const ctrl = e.ctrlKey || e.metaKey;
      const touche = e.key.toLowerCase();
      if (dialogueOuvert()) return;
      if ((ctrl && touche === 'f') || (e.key === '/' && !ctrl && !saisieEnCours(e.target))) {
        e.preventDefault();
        nav.focaliserRecherche();
      } else if (ctrl && touche === 'n') {
        e.preventDefault();
        nav.quitterPuis(() => {
          useNavigation.setState({ ecran: 'registre' });
          useEditeur.getState().ouvrirNouveau();
        });
      } else if (e.key === 'F2' && nav.ecran === 'registre' && !useEditeur.getState().ouvert) {
        const acte = useFiche.getState().acte;
        if (acte) {
          e.preventDefault();
          useEditeur.getState().ouvrirActe(acte);
        }
      } else if (e.key === 'F1') {
        e.preventDefault();
        surAide();
      } else if (e.altKey && !ctrl && /^[1-5]$/.test(e.key)) {
        e.preventDefault();
        nav.aller(ecrans[Number(e.key) - 1]);
      }
    };
    window.addEventListener('keydown', surTouche);
    return () => window.removeEventListener('keydown', surTouche);
  }, [surAide]);
}
