import type { KeyboardEvent } from 'react';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import { libelleTypeActe } from '../../../../shared/labels.fr';
import { EtatVide } from '../../composants/EtatVide';
import { formaterHorodatage } from '../../composants/format';
import { BadgeEtat } from './BadgeEtat';
import { jourFr, joursRestantsFr, libelleDemandeur } from './libelles';

const useStyles = makeStyles({
  ligne: {
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  // One line per request: a long name is cut with an ellipsis, whole in its tooltip.
  uneLigne: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '22em', display: 'block' },
});

/** Up and down move between rows, Enter (or a click anywhere on the row) opens the request. */
function clavierLigne(e: KeyboardEvent<HTMLTableRowElement>, ouvrir: () => void) {
  const ligne = e.currentTarget;
  if (e.key === 'Enter') {
    e.preventDefault();
    ouvrir();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const voisine = e.key === 'ArrowDown' ? ligne.nextElementSibling : ligne.previousElementSibling;
    if (voisine instanceof HTMLElement) voisine.focus();
  }
}

/** The requests received, most urgent first; each row opens the request. */
export function ListeDemandes(props: { demandes: ResumeDemande[]; total: number; surOuvrir: (id: number) => void }) {
  const styles = useStyles();
  if (props.demandes.length === 0) {
    return (
      <EtatVide titre="Aucune demande dans cette liste">
        Les demandes arrivent à chaque mise à jour (automatique pendant les heures de bureau, ou avec le bouton « Mettre
        à jour »).
      </EtatVide>
    );
  }
  return (
    <>
      <Table aria-label="Demandes reçues" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>État</TableHeaderCell>
            <TableHeaderCell>Acte</TableHeaderCell>
            <TableHeaderCell>Personne</TableHeaderCell>
            <TableHeaderCell>Demandeur</TableHeaderCell>
            <TableHeaderCell>Mise à disposition</TableHeaderCell>
            <TableHeaderCell>À traiter avant le</TableHeaderCell>
            <TableHeaderCell>Délai</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.demandes.map((d) => (
            <TableRow
              key={d.id}
              className={styles.ligne}
              tabIndex={0}
              aria-label={`Ouvrir la demande ${d.idPlateforme} : ${d.personne.nom} ${d.personne.prenoms.join(' ')}`}
              onClick={() => props.surOuvrir(d.id)}
              onKeyDown={(e) => clavierLigne(e, () => props.surOuvrir(d.id))}
            >
              <TableCell>
                <BadgeEtat demande={d} />
              </TableCell>
              <TableCell>
                {libelleTypeActe[d.typeActe]}
                {d.specimen && ' (spécimen)'}
              </TableCell>
              <TableCell>
                <span className={styles.uneLigne} title={`${d.personne.nom} ${d.personne.prenoms.join(' ')}`}>
                  {d.personne.nom} {d.personne.prenoms.join(' ')}
                </span>
              </TableCell>
              <TableCell>
                <span
                  className={styles.uneLigne}
                  title={`${libelleDemandeur[d.demandeur.type]} — ${d.demandeur.reference}`}
                >
                  {libelleDemandeur[d.demandeur.type]} — {d.demandeur.reference}
                </span>
              </TableCell>
              <TableCell>{formaterHorodatage(d.misADisposition)}</TableCell>
              <TableCell>{jourFr(d.jourLimite)}</TableCell>
              <TableCell>
                {d.etat === 'accusee' || d.etat === 'repondue' || d.etat === 'purgee'
                  ? '—'
                  : joursRestantsFr(d.joursRestants)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.total > props.demandes.length && (
        <Text size={200}>
          {props.demandes.length} demandes affichées sur {props.total}.
        </Text>
      )}
    </>
  );
}
