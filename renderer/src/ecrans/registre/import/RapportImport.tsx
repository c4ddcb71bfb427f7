import { useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { RapportImport as Rapport } from '../../../../../shared/contract/registre';
import { api } from '../../../api';
import { formaterNombre } from '../../../composants/format';
import { messageErreur } from '../../../composants/messageErreur';
import { nomFichierSur, telecharger, texteVersBlob } from '../../../composants/telechargement';
import { ListeDefinitions } from '../SectionPersonne';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tableau: {
    maxHeight: '40vh',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  ligne: { width: '5em' },
  colonne: { width: '10em' },
});

/** "1 acte ajouté", "2 actes ajoutés": every word of the group agrees (0 and 1 are singular in French). */
function pluriel(n: number, groupe: string): string {
  return `${formaterNombre(n)} ${n > 1 ? groupe.replace(/(\S+)/g, '$1s') : groupe}`;
}

/** What an import did: counts, the first rejected lines with their reason, the full rejects file. */
export function RapportImport(props: { rapport: Rapport }) {
  const styles = useStyles();
  const r = props.rapport;
  const [erreur, setErreur] = useState<string | null>(null);

  const telechargerRejets = async () => {
    setErreur(null);
    try {
      const { nomFichier, contenu } = await api.appeler('registre.rejetsImport', { importId: r.importId });
      telecharger(nomFichierSur(nomFichier), texteVersBlob(contenu));
    } catch (e) {
      setErreur(messageErreur(e));
    }
  };

  return (
    <div className={styles.racine}>
      <MessageBar intent={r.lignesRejetees ? 'warning' : 'success'}>
        <MessageBarBody>
          {`Import terminé : ${pluriel(r.actesAjoutes, 'acte ajouté')}, ${pluriel(r.actesModifies, 'acte modifié')}, ${pluriel(
            r.actesInchanges,
            'acte inchangé',
          )}${r.lignesRejetees ? `, ${pluriel(r.lignesRejetees, 'ligne rejetée')}` : ''}.`}
        </MessageBarBody>
      </MessageBar>
      <ListeDefinitions
        elements={[
          ['Lignes lues', formaterNombre(r.lignesLues)],
          ['Actes ajoutés', formaterNombre(r.actesAjoutes)],
          ['Actes modifiés', formaterNombre(r.actesModifies)],
          ['Actes inchangés', formaterNombre(r.actesInchanges)],
          ['Lignes rejetées', formaterNombre(r.lignesRejetees)],
          ['Encodage, séparateur', `${r.encodage === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, « ${r.separateur} »`],
          ['Durée', `${(r.dureeMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`],
        ]}
      />
      {r.rejets.length > 0 && (
        <>
          <Text as="h3" weight="semibold" style={{ margin: 0 }}>
            {r.rejets.length < r.lignesRejetees
              ? `Premières lignes rejetées (${formaterNombre(r.rejets.length)} sur ${formaterNombre(r.lignesRejetees)})`
              : 'Lignes rejetées'}
          </Text>
          <div className={styles.tableau} tabIndex={0} role="region" aria-label="Lignes rejetées">
            <Table size="small" aria-label="Lignes rejetées : ligne, colonne, raison">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.ligne}>Ligne</TableHeaderCell>
                  <TableHeaderCell className={styles.colonne}>Colonne</TableHeaderCell>
                  <TableHeaderCell>Raison</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {r.rejets.map((x, i) => (
                  <TableRow key={`${x.ligne}-${x.colonne}-${i}`}>
                    <TableCell>{x.ligne}</TableCell>
                    <TableCell>{x.colonne}</TableCell>
                    <TableCell>{x.raison}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {r.fichierRejets && (
        <div>
          <Button icon={<ArrowDownload20Regular />} onClick={telechargerRejets}>
            Télécharger le fichier des lignes rejetées
          </Button>
        </div>
      )}
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
