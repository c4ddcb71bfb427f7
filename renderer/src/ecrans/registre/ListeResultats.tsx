import { useEffect, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useFiche } from '../../store/fiche';
import { useRecherche } from '../../store/recherche';
import { HAUTEUR_LIGNE, LigneResultat } from './LigneResultat';

export const ID_LISTE_RESULTATS = 'liste-resultats';
export const idOption = (index: number) => `resultat-${index}`;

const useStyles = makeStyles({
  defilement: {
    height: '100%',
    overflowY: 'auto',
    position: 'relative',
    outline: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

/**
 * The results, virtualised: only the visible rows exist in the page, so 200 results (or 20,000
 * later) scroll as smoothly as 10. Keyboard: the search box (or the list itself) moves the
 * highlighted row with the arrows; Enter opens it. The highlighted row is kept in view.
 */
export function ListeResultats(props: { surOuvrir(index: number): void; surTouche(e: React.KeyboardEvent): void }) {
  const styles = useStyles();
  const resultats = useRecherche((e) => e.resultats);
  const surligne = useRecherche((e) => e.surligne);
  const idOuvert = useFiche((e) => e.id);
  const conteneur = useRef<HTMLDivElement>(null);
  const virtualiseur = useVirtualizer({
    count: resultats.length,
    getScrollElement: () => conteneur.current,
    estimateSize: () => HAUTEUR_LIGNE,
    overscan: 8,
  });

  useEffect(() => {
    if (surligne >= 0) virtualiseur.scrollToIndex(surligne, { align: 'auto' });
  }, [surligne, virtualiseur]);

  return (
    <div
      ref={conteneur}
      id={ID_LISTE_RESULTATS}
      className={styles.defilement}
      role="listbox"
      aria-label="Résultats de la recherche"
      aria-activedescendant={surligne >= 0 ? idOption(surligne) : undefined}
      tabIndex={0}
      onKeyDown={props.surTouche}
    >
      <div role="presentation" style={{ height: virtualiseur.getTotalSize(), position: 'relative' }}>
        {virtualiseur.getVirtualItems().map((v) => {
          const r = resultats[v.index];
          return (
            <LigneResultat
              key={r.id}
              id={idOption(v.index)}
              resultat={r}
              position={v.index}
              total={resultats.length}
              debut={v.start}
              surlignee={v.index === surligne}
              ouverte={r.id === idOuvert}
              surClic={() => props.surOuvrir(v.index)}
            />
          );
        })}
      </div>
    </div>
  );
}
