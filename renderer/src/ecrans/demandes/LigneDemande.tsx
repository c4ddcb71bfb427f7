import { memo, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import type { IssueDemande } from '../../../../shared/contract/rapprochement';
import { libelleTypeActe } from '../../../../shared/labels.fr';
import { formaterHorodatage } from '../../composants/format';
import { BadgeEtat } from './BadgeEtat';
import { jourFr, joursRestantsFr, libelleDemandeur } from './libelles';
import { libelleIssue } from './reponse/libelles';

export const HAUTEUR_LIGNE_DEMANDE = 36;
/** The columns, shared by the header and every row (the rows are placed, not laid out by a table). */
export const COLONNES = '150px 110px minmax(140px, 1.4fr) minmax(120px, 1fr) minmax(140px, 1.4fr) 155px 125px 95px';

function issueFr(i: IssueDemande | undefined): string {
  if (!i || i.issue === null) return 'En cours…';
  const score = i.issue !== 'aucun' && i.score !== null ? ` (${i.score} %)` : '';
  return `${libelleIssue[i.issue]}${score}${i.perime ? ', à refaire' : ''}`;
}

const useStyles = makeStyles({
  ligne: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    display: 'grid',
    gridTemplateColumns: COLONNES,
    alignItems: 'center',
    height: `${HAUTEUR_LIGNE_DEMANDE}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  specimen: { backgroundColor: tokens.colorNeutralBackground3 },
  // One line per request: a long name is cut with an ellipsis, whole in its tooltip.
  cellule: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase300,
  },
  attente: { color: tokens.colorNeutralForeground3, gridColumn: '1 / -1' },
});

/**
 * One request of the virtualised list, placed at its offset. A row whose page is not read yet
 * says so; it still takes the arrows (the list moves on), not Enter.
 */
export const LigneDemande = memo(function LigneDemande(props: {
  index: number;
  haut: number;
  demande: ResumeDemande | undefined;
  issue: IssueDemande | undefined;
  surOuvrir: (id: number) => void;
  surTouche: (e: KeyboardEvent<HTMLElement>, index: number, d: ResumeDemande | undefined) => void;
}) {
  const styles = useStyles();
  const d = props.demande;
  const commun = {
    'data-index': props.index,
    role: 'row',
    'aria-rowindex': props.index + 2,
    tabIndex: 0,
    style: { transform: `translateY(${props.haut}px)` },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => props.surTouche(e, props.index, d),
  };
  if (!d) {
    return (
      <tr {...commun} className={styles.ligne} aria-label={`Demande ${props.index + 1} : chargement`}>
        <td className={mergeClasses(styles.cellule, styles.attente)} role="cell" colSpan={8}>
          Chargement…
        </td>
      </tr>
    );
  }
  const personne = `${d.personne.nom} ${d.personne.prenoms.join(' ')}`;
  const demandeur = `${libelleDemandeur[d.demandeur.type]} — ${d.demandeur.reference}`;
  return (
    <tr
      {...commun}
      className={mergeClasses(styles.ligne, d.specimen && styles.specimen)}
      aria-label={`Ouvrir la demande ${d.idPlateforme}${d.specimen ? ' (spécimen)' : ''} : ${personne}`}
      onClick={() => props.surOuvrir(d.id)}
    >
      <td className={styles.cellule} role="cell">
        <BadgeEtat demande={d} />
      </td>
      <td className={styles.cellule} role="cell">
        {libelleTypeActe[d.typeActe]}
        {d.specimen && ' (spécimen)'}
      </td>
      <td className={styles.cellule} role="cell" title={personne}>
        {personne}
      </td>
      <td className={styles.cellule} role="cell">
        {issueFr(props.issue)}
      </td>
      <td className={styles.cellule} role="cell" title={demandeur}>
        {demandeur}
      </td>
      <td className={styles.cellule} role="cell">
        {formaterHorodatage(d.misADisposition)}
      </td>
      <td className={styles.cellule} role="cell">
        {jourFr(d.jourLimite)}
      </td>
      <td className={styles.cellule} role="cell">
        {d.etat === 'accusee' || d.etat === 'repondue' || d.etat === 'purgee' ? '—' : joursRestantsFr(d.joursRestants)}
      </td>
    </tr>
  );
});
