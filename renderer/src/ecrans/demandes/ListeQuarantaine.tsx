import { Text, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { DocumentQuarantaine } from '../../../../shared/contract/demandes';
import { EtatVide } from '../../composants/EtatVide';
import { formaterHorodatage, formaterOctets } from '../../composants/format';
import { libelleMotifQuarantaine } from './libelles';

/** Documents received and refused, each with the reason: nothing is dropped silently. */
export function ListeQuarantaine(props: { documents: DocumentQuarantaine[] }) {
  if (props.documents.length === 0)
    return (
      <EtatVide titre="Aucun document en quarantaine">Tous les documents reçus étaient lisibles et conformes.</EtatVide>
    );
  return (
    <Table aria-label="Documents en quarantaine" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Reçu le</TableHeaderCell>
          <TableHeaderCell>Identifiant</TableHeaderCell>
          <TableHeaderCell>Raison du refus</TableHeaderCell>
          <TableHeaderCell>Taille</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.documents.map((q) => (
          <TableRow key={q.id}>
            <TableCell>{formaterHorodatage(q.recueLe)}</TableCell>
            <TableCell>{q.idPlateforme ?? q.livraison}</TableCell>
            <TableCell>
              <Text block weight="semibold">
                {libelleMotifQuarantaine[q.motif]}
              </Text>
              <Text block size={200}>
                Détail : {q.raison}
              </Text>
            </TableCell>
            <TableCell>
              {formaterOctets(q.octets)}
              {q.tronque && ' (début conservé)'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
