import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Envoi } from '../../../../shared/contract/sync';
import { EtatVide } from '../../composants/EtatVide';
import { formaterHorodatage } from '../../composants/format';
import { libelleEtatEnvoi } from './libelles';

/** The outbox: answers and requests sent, with the receipt or the platform's reason for a rejection. */
export function ListeEnvois(props: { envois: Envoi[] }) {
  if (props.envois.length === 0)
    return (
      <EtatVide titre="Boîte d’envoi vide">
        Les réponses signées apparaissent ici jusqu’à leur accusé de réception.
      </EtatVide>
    );
  return (
    <Table aria-label="Boîte d’envoi" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Modifié le</TableHeaderCell>
          <TableHeaderCell>Nature</TableHeaderCell>
          <TableHeaderCell>État</TableHeaderCell>
          <TableHeaderCell>Essais</TableHeaderCell>
          <TableHeaderCell>Accusé ou motif</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.envois.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{formaterHorodatage(e.modifieLe)}</TableCell>
            <TableCell>{e.nature === 'reponse' ? 'Réponse' : 'Demande émise'}</TableCell>
            <TableCell>{libelleEtatEnvoi[e.etat]}</TableCell>
            <TableCell>
              {e.essais}
              {e.prochainEssai && ` (nouvel essai ${formaterHorodatage(e.prochainEssai)})`}
            </TableCell>
            <TableCell>{e.recepisse ?? e.motifRejet ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
