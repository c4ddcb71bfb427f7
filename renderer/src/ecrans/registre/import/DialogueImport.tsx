import { useId } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { formaterNombre, formaterOctets } from '../../../composants/format';
import { useImportation } from '../../../store/importation';
import { RapportImport } from './RapportImport';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '90vw' },
  contenu: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fichier: {
    padding: tokens.spacingVerticalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

function Progression() {
  const progression = useImportation((e) => e.progression);
  const fichier = useImportation((e) => e.fichier);
  const fraction =
    progression && progression.octetsTotal > 0 ? progression.octetsLus / progression.octetsTotal : undefined;
  const detail = progression
    ? `${formaterNombre(progression.lignesLues)} lignes lues, ${formaterNombre(progression.lignesRejetees)} rejetée${
        progression.lignesRejetees > 1 ? 's' : ''
      }`
    : 'Démarrage de l’import…';
  return (
    <Field
      label={`Import de « ${fichier?.nom ?? ''} » en cours`}
      validationState="none"
      validationMessage={fraction !== undefined ? `${Math.round(fraction * 100)} % — ${detail}` : detail}
    >
      <ProgressBar value={fraction} max={1} thickness="large" aria-label="Progression de l’import" />
    </Field>
  );
}

/**
 * Importing a CSV export of the register (from the previous software or a spreadsheet):
 * pick the file, watch the progress, read the report and fetch the rejected lines to fix them.
 */
export function DialogueImport() {
  const styles = useStyles();
  const idFichier = useId();
  const { ouvert, etape, fichier, rapport, erreur, fermer, importer, ouvrir } = useImportation();
  const occupe = etape === 'lecture' || etape === 'import';
  return (
    <Dialog open={ouvert} onOpenChange={(_, d) => !d.open && fermer()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Importer un fichier CSV</DialogTitle>
          <DialogContent className={styles.contenu}>
            {etape === 'choix' && (
              <>
                <Text as="p">
                  Un acte par ligne, avec une ligne d’en-tête. Séparateur point-virgule ou virgule, encodage UTF-8 ou
                  Windows-1252 (export d’Excel) : ils sont reconnus automatiquement. Un acte déjà présent (même type,
                  année et numéro) est mis à jour, jamais dupliqué ; les lignes incorrectes sont mises de côté avec leur
                  raison.
                </Text>
                <div className={styles.fichier}>
                  <Field label={{ children: 'Fichier CSV à importer', htmlFor: idFichier }}>
                    <input
                      id={idFichier}
                      type="file"
                      accept=".csv,.txt,text/csv"
                      onChange={(e) => {
                        const f = e.target.files?.[0];
                        if (f) void importer(f);
                      }}
                    />
                  </Field>
                </div>
              </>
            )}
            {etape === 'lecture' && (
              <Spinner label={`Lecture de « ${fichier?.nom} » (${formaterOctets(fichier?.octets ?? 0)})…`} />
            )}
            {etape === 'import' && <Progression />}
            {etape === 'termine' && rapport && <RapportImport rapport={rapport} />}
            {etape === 'erreur' && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{erreur}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {(etape === 'termine' || etape === 'erreur') && <Button onClick={ouvrir}>Importer un autre fichier</Button>}
            <Button appearance={etape === 'termine' ? 'primary' : 'secondary'} onClick={fermer}>
              {occupe ? 'Continuer en arrière-plan' : 'Fermer'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
