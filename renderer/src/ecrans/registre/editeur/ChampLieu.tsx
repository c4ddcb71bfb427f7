import { memo } from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { ChampCommune } from '../../../composants/ChampCommune';
import { ChampSaisie } from '../../../composants/ChampSaisie';
import { useVerificationLieu } from '../../../composants/useVerificationLieu';
import { idChamp } from './chemins';
import type { LieuFormulaire } from './formulaire';
import { useLiaison } from './useLiaison';

const useStyles = makeStyles({
  racine: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-start',
    flexWrap: 'wrap',
    gridColumn: 'span 2',
  },
  commune: { flexGrow: 1, minWidth: '14em' },
  etranger: { marginTop: '26px' },
  pays: { minWidth: '10em' },
});

/**
 * A place: a French commune chosen from the official list (with its INSEE code), or, ticked
 * "à l'étranger", a place typed freely with its country. A commune typed without choosing
 * ("Paris XXe", "Puy-en-Velay (Le)") is kept as typed and checked: the hint says which commune
 * it designates, or why none (unknown, several namesakes, a country written in it).
 */
// Memoised: its props are plain values, so keys typed elsewhere in the person's block (name,
// given names) do not re-render it; its commune list's positioning measures the page at each render.
export const ChampLieu = memo(function ChampLieu(props: { cle: string; libelle: string; obligatoire?: boolean }) {
  const styles = useStyles();
  const { valeur, erreur, surChangement, surSortie } = useLiaison<LieuFormulaire>(props.cle);
  const pays = useLiaison(`${props.cle}.pays`);
  const lieu = valeur;
  const verification = useVerificationLieu(
    { commune: lieu.commune, codeInsee: lieu.codeInsee, departement: lieu.departement, pays: null },
    !lieu.etranger,
  );
  return (
    <div className={styles.racine}>
      {lieu.etranger ? (
        <ChampSaisie
          className={styles.commune}
          id={idChamp(props.cle)}
          libelle={`${props.libelle} (ville à l’étranger)`}
          valeur={lieu.commune}
          obligatoire={props.obligatoire}
          erreur={erreur}
          surChangement={(commune) => surChangement({ ...lieu, commune })}
          surSortie={surSortie}
        />
      ) : (
        <div className={styles.commune}>
          <ChampCommune
            id={idChamp(props.cle)}
            libelle={props.libelle}
            texte={lieu.commune}
            codeInsee={lieu.codeInsee}
            departement={lieu.departement}
            obligatoire={props.obligatoire}
            erreur={erreur}
            indication="Premières lettres de la commune…"
            aide={verification?.message ?? undefined}
            surTexte={(commune) => surChangement({ ...lieu, commune, codeInsee: null, departement: null })}
            surChoix={(c) =>
              surChangement({ ...lieu, commune: c.nom, codeInsee: c.codeInsee, departement: c.departement })
            }
            surSortie={surSortie}
          />
        </div>
      )}
      <Checkbox
        className={styles.etranger}
        label="À l’étranger"
        checked={lieu.etranger}
        onChange={(_, d) =>
          surChangement({
            ...lieu,
            etranger: !!d.checked,
            codeInsee: null,
            departement: null,
            pays: d.checked ? lieu.pays : '',
          })
        }
      />
      {lieu.etranger && (
        <ChampSaisie
          className={styles.pays}
          id={pays.id}
          libelle="Pays"
          obligatoire
          valeur={lieu.pays}
          erreur={pays.erreur}
          surChangement={(p) => surChangement({ ...lieu, pays: p })}
          surSortie={pays.surSortie}
        />
      )}
    </div>
  );
});
