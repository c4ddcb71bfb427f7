import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ReponsePreparee } from '../../../../../shared/contract/reponses';
import { formaterHorodatage } from '../../../composants/format';
import { jourFr } from '../libelles';
import { libelleEtatReponse, libelleMotif, referenceActe } from './libelles';

const useStyles = makeStyles({
  ligne: {
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

const quoi = (r: ReponsePreparee) =>
  r.sens === 'positive'
    ? `Positive${r.acte ? ` : ${referenceActe(r.acte)}` : ''}`
    : `Négative : ${r.motif ? libelleMotif[r.motif] : ''}`;

/** What came back from the platform: the receipt, or the rejection's reason and what to do. */
const suite = (r: ReponsePreparee) =>
  r.rejet ? `${r.rejet.raison} ${r.rejet.quoiFaire}` : r.recepisse ? `Accusé ${r.recepisse}` : '—';

/** A list of prepared answers; Enter (or a click) on a row opens its request. */
export function TableReponses(props: {
  titre: string;
  reponses: ReponsePreparee[];
  aSigner: boolean;
  surOuvrir: (demandeId: number) => void;
}) {
  const styles = useStyles();
  return (
    <Table aria-label={props.titre} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Demande</TableHeaderCell>
          <TableHeaderCell>Réponse</TableHeaderCell>
          {props.aSigner ? (
            <>
              <TableHeaderCell>Préparée par</TableHeaderCell>
              <TableHeaderCell>À traiter avant le</TableHeaderCell>
            </>
          ) : (
            <>
              <TableHeaderCell>État</TableHeaderCell>
              <TableHeaderCell>Accusé ou rejet</TableHeaderCell>
            </>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.reponses.map((r) => (
          <TableRow
            key={r.reponseId}
            className={styles.ligne}
            tabIndex={0}
            onClick={() => props.surOuvrir(r.demandeId)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                props.surOuvrir(r.demandeId);
              }
            }}
          >
            <TableCell>
              {r.idPlateforme}
              {r.specimen ? ' (spécimen)' : ''}
            </TableCell>
            <TableCell>{quoi(r)}</TableCell>
            {props.aSigner ? (
              <>
                <TableCell>
                  {r.prepareePar ?? 'sans session de carte'}, {formaterHorodatage(r.prepareeLe)}
                </TableCell>
                <TableCell>{jourFr(r.jourLimite)}</TableCell>
              </>
            ) : (
              <>
                <TableCell>{libelleEtatReponse[r.etat]}</TableCell>
                <TableCell>{suite(r)}</TableCell>
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
