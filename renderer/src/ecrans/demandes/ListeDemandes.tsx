import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import { libelleTypeActe } from '../../../../shared/labels.fr';
import { EtatVide } from '../../composants/EtatVide';
import { formaterHorodatage } from '../../composants/format';
import { BadgeEtat } from './BadgeEtat';
import { jourFr, joursRestantsFr, libelleDemandeur } from './libelles';

/** The requests received, most urgent first; each row opens the request. */
export function ListeDemandes(props: { demandes: ResumeDemande[]; total: number; surOuvrir: (id: number) => void }) {
  if (props.demandes.length === 0) {
    return (
      <EtatVide titre="Aucune demande dans cette liste">
        Les demandes arrivent à chaque mise à jour (automatique pendant les heures de bureau, ou avec le bouton « Mettre à jour »).
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
            <TableHeaderCell>Reçue le</TableHeaderCell>
            <TableHeaderCell>À traiter avant le</TableHeaderCell>
            <TableHeaderCell>Délai</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.demandes.map((d) => (
            <TableRow key={d.id}>
              <TableCell>
                <BadgeEtat demande={d} />
              </TableCell>
              <TableCell>
                {libelleTypeActe[d.typeActe]}
                {d.specimen && ' (spécimen)'}
              </TableCell>
              <TableCell>
                <Button appearance="transparent" onClick={() => props.surOuvrir(d.id)} aria-label={`Ouvrir la demande ${d.idPlateforme}`}>
                  {d.personne.nom} {d.personne.prenoms.join(' ')}
                </Button>
              </TableCell>
              <TableCell>
                {libelleDemandeur[d.demandeur.type]} — {d.demandeur.reference}
              </TableCell>
              <TableCell>{formaterHorodatage(d.recueLe)}</TableCell>
              <TableCell>{jourFr(d.jourLimite)}</TableCell>
              <TableCell>{d.etat === 'accusee' || d.etat === 'repondue' || d.etat === 'purgee' ? '—' : joursRestantsFr(d.joursRestants)}</TableCell>
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
