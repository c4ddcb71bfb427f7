import {
  Button,
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
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { formaterHorodatage } from '../../../composants/format';
import { jourFr } from '../libelles';
import { BadgeSuivi } from './BadgeSuivi';
import { libelleMotifEnvoyee } from './libelles';

const useStyles = makeStyles({
  suite: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  refus: { color: tokens.colorPaletteRedForeground1 },
});

/** What came back: the verified answer to read, a refused one's reason, the receipt, the last day. */
function Suite(props: { d: DemandeEnvoyee; surLire(id: number): void; surAbandonner(id: number): void }) {
  const styles = useStyles();
  const { d } = props;
  return (
    <div className={styles.suite}>
      {d.reponse && (
        <Button size="small" appearance="primary" onClick={() => props.surLire(d.id)}>
          Lire la réponse {d.reponse.sens === 'positive' ? 'positive' : 'négative'}
        </Button>
      )}
      {d.refus.map((r) => (
        <Text key={r.recueLe} className={styles.refus}>
          Réponse refusée (quarantaine) le {formaterHorodatage(r.recueLe)} : {r.raison}
        </Text>
      ))}
      {d.rejet && <Text className={styles.refus}>Rejetée par la plateforme : {d.rejet}</Text>}
      {!d.reponse && d.jourLimite && <Text>Réponse attendue au plus tard le {jourFr(d.jourLimite)}</Text>}
      {d.recepisse && <Text size={200}>Accusé {d.recepisse}</Text>}
      {d.etat === 'brouillon' && (
        <Button size="small" onClick={() => props.surAbandonner(d.id)}>
          Abandonner
        </Button>
      )}
    </div>
  );
}

/** A list of requests sent: the file, the commune asked, the person, the state and what came back. */
export function TableEnvoyees(props: {
  titre: string;
  demandes: DemandeEnvoyee[];
  surLire(id: number): void;
  surAbandonner(id: number): void;
}) {
  return (
    <Table aria-label={props.titre} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Dossier</TableHeaderCell>
          <TableHeaderCell>Commune demandée</TableHeaderCell>
          <TableHeaderCell>Personne</TableHeaderCell>
          <TableHeaderCell>État</TableHeaderCell>
          <TableHeaderCell>Suite</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.demandes.map((d) => (
          <TableRow key={d.id}>
            <TableCell>
              {libelleMotifEnvoyee[d.motif]} {d.reference}
              {d.dateProcedure ? `, le ${jourFr(d.dateProcedure)}` : ''}
            </TableCell>
            <TableCell>
              {d.destinataire.nom} ({d.destinataire.departement})
            </TableCell>
            <TableCell>{d.personne}</TableCell>
            <TableCell>
              <BadgeSuivi etat={d.etat} />
            </TableCell>
            <TableCell>
              <Suite d={d} surLire={props.surLire} surAbandonner={props.surAbandonner} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
