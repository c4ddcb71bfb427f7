import { forwardRef } from 'react';
import { Field, makeStyles, SearchBox } from '@fluentui/react-components';
import { useRecherche } from '../../store/recherche';
import { ID_LISTE_RESULTATS, idOption } from './ListeResultats';

const useStyles = makeStyles({ champ: { flexGrow: 1, maxWidth: '720px' }, boite: { width: '100%', maxWidth: 'none' } });

/**
 * The one search box: names, given names, parents, dates, type, year/number, in any order,
 * accents and hyphens ignored. Results come as you type; the arrows move in the results and
 * Enter opens the highlighted act, without leaving the box.
 */
export const BarreRecherche = forwardRef<HTMLInputElement, { surTouche(e: React.KeyboardEvent): void }>(
  function BarreRecherche(props, ref) {
    const styles = useStyles();
    const texte = useRecherche((e) => e.texte);
    const saisir = useRecherche((e) => e.saisir);
    const surligne = useRecherche((e) => e.surligne);
    const nombre = useRecherche((e) => e.resultats.length);
    return (
      <Field
        className={styles.champ}
        label={{ children: 'Rechercher dans le registre', htmlFor: 'recherche-registre' }}
      >
        <SearchBox
          ref={ref}
          id="recherche-registre"
          className={styles.boite}
          size="large"
          placeholder="Nom, prénoms, parents, date (jj/mm/aaaa), année, « à » et le lieu… — Ctrl+F ou /"
          value={texte}
          autoComplete="off"
          spellCheck={false}
          aria-controls={nombre ? ID_LISTE_RESULTATS : undefined}
          aria-activedescendant={surligne >= 0 && nombre ? idOption(surligne) : undefined}
          aria-keyshortcuts="Control+F /"
          dismiss={{ 'aria-label': 'Effacer la recherche', title: 'Effacer la recherche' }}
          onChange={(_, d) => saisir(d.value)}
          onKeyDown={props.surTouche}
        />
      </Field>
    );
  },
);
