import { useEffect, useMemo, useState } from 'react';
import type { CommuneReference } from '../../../shared/contract/registre';
import { api } from '../api';
import { creerSequenceur, creerTemporisation } from '../store/sequenceur';

/** Suggestions of French communes for a typed text (debounced; late answers dropped). */
export function useCommunes(texte: string, actif: boolean): { suggestions: CommuneReference[]; erreur: boolean } {
  const [suggestions, setSuggestions] = useState<CommuneReference[]>([]);
  const [erreur, setErreur] = useState(false);
  const outils = useMemo(() => ({ sequenceur: creerSequenceur(), temporisation: creerTemporisation(120) }), []);

  useEffect(() => {
    const t = texte.trim();
    if (!actif || t.length < 2) {
      outils.temporisation.annuler();
      outils.sequenceur.perimer();
      setSuggestions([]);
      return;
    }
    outils.temporisation.lancer(async () => {
      const toujoursActuel = outils.sequenceur.ticket();
      try {
        const liste = await api.appeler('communes.rechercher', { texte: t, limite: 10 });
        if (toujoursActuel()) {
          setSuggestions(liste);
          setErreur(false);
        }
      } catch {
        if (toujoursActuel()) setErreur(true);
      }
    });
    return () => outils.temporisation.annuler();
  }, [texte, actif, outils]);

  return { suggestions, erreur };
}
