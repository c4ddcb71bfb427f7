import { useState, type FormEvent } from 'react';
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
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { MotifsDemandeEmise } from '../../../../../shared/comedec/schemas';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { RegistreError } from '../../../../../shared/errors';
import { api } from '../../../api';
import { ChampCommune } from '../../../composants/ChampCommune';
import { ChampDate } from '../../../composants/ChampDate';
import { ChampSaisie } from '../../../composants/ChampSaisie';
import { messageErreur } from '../../../composants/messageErreur';
import { erreursDuContrat, versSaisie, type ChampBrouillon, type ErreursBrouillon } from './brouillon';
import { libelleMotifEnvoyee } from './libelles';
import { useEnvoyees } from './store';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: '92vw' },
  formulaire: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grille: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  groupe: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legende: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

const A_CORRIGER =
  'Des champs sont à corriger (la raison est sous chaque champ) : rien de ce que vous avez saisi n’est perdu.';

/**
 * Writing a request to another commune for a marriage or PACS file: the file, the commune asked
 * (official list, INSEE code), the person and parents as known. What is typed stays in the store
 * until the request is written: a refusal puts each reason under its field and keeps everything.
 * The same form changes a draft not yet signed (`mode` 'edition': the store's `edition`, pre-filled
 * with what was written); the main process refuses the change once the draft is signed.
 */
export function FormulaireDemandeEnvoyee(props: {
  ouvert: boolean;
  mode: 'nouvelle' | 'edition';
  surFermer(ecrite: DemandeEnvoyee | null): void;
}) {
  const styles = useStyles();
  const nouvelle = useEnvoyees((e) => e.brouillon);
  const edition = useEnvoyees((e) => e.edition);
  const enEdition = props.mode === 'edition' && edition !== null;
  const b = enEdition ? edition.brouillon : nouvelle;
  const modifier = useEnvoyees((e) => (enEdition ? e.modifierEdition : e.modifierBrouillon));
  const [erreurs, setErreurs] = useState<ErreursBrouillon>({});
  const [message, setMessage] = useState<string | null>(null);
  const [occupe, setOccupe] = useState(false);

  const champ = (
    nom: Exclude<ChampBrouillon, 'motif' | 'sexe' | 'codeInsee' | 'departement' | 'lieuInsee' | 'lieuDepartement'>,
  ) => ({
    id: `envoyee-${nom}`,
    valeur: b[nom],
    erreur: erreurs[nom],
    surChangement: (v: string) => {
      modifier({ [nom]: v });
      if (erreurs[nom]) setErreurs({ ...erreurs, [nom]: undefined });
    },
  });

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const r = versSaisie(b);
    if ('erreurs' in r) {
      setErreurs(r.erreurs);
      setMessage(A_CORRIGER);
      return;
    }
    setOccupe(true);
    try {
      const ecrite = enEdition
        ? await api.appeler('demandesEnvoyees.modifier', { id: edition.id, ...r.saisie })
        : await api.appeler('demandesEnvoyees.preparer', r.saisie);
      setErreurs({});
      if (enEdition) useEnvoyees.getState().fermerEdition();
      else useEnvoyees.getState().viderBrouillon();
      props.surFermer(ecrite);
    } catch (err) {
      const liste = err instanceof RegistreError ? (err.details?.erreurs as { champ: string; raison: string }[]) : null;
      const placees = liste?.length ? erreursDuContrat(liste) : {};
      setErreurs(placees);
      // Reasons shown under their fields are not repeated above them.
      setMessage(Object.keys(placees).length ? A_CORRIGER : messageErreur(err));
    } finally {
      setOccupe(false);
    }
  };

  return (
    <Dialog open={props.ouvert} onOpenChange={(_, d) => !d.open && props.surFermer(null)}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={(e) => void envoyer(e)} aria-label="Demande à une autre commune" noValidate>
          <DialogBody>
            <DialogTitle>
              {enEdition ? `Modifier la demande ${edition.reference}` : 'Nouvelle demande à une autre commune'}
            </DialogTitle>
            <DialogContent className={styles.formulaire}>
              {message && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{message}</MessageBarBody>
                </MessageBar>
              )}
              <fieldset className={styles.groupe}>
                <legend className={styles.legende}>Le dossier</legend>
                <Field label="Motif" required>
                  <RadioGroup
                    layout="horizontal"
                    value={b.motif}
                    onChange={(_, d) => modifier({ motif: d.value as typeof b.motif })}
                  >
                    {MotifsDemandeEmise.map((m) => (
                      <Radio key={m} value={m} label={libelleMotifEnvoyee[m]} />
                    ))}
                  </RadioGroup>
                </Field>
                <div className={styles.grille}>
                  <ChampCommune
                    id="envoyee-commune"
                    libelle="Commune de destination"
                    obligatoire
                    texte={b.communeTexte}
                    codeInsee={b.codeInsee}
                    departement={b.departement}
                    aide="La commune de naissance, qui tient l’acte."
                    erreur={erreurs.communeTexte}
                    surTexte={(t) => {
                      modifier({ communeTexte: t, codeInsee: null, departement: null });
                      if (erreurs.communeTexte) setErreurs({ ...erreurs, communeTexte: undefined });
                    }}
                    surChoix={(c) =>
                      modifier({ communeTexte: c.nom, codeInsee: c.codeInsee, departement: c.departement })
                    }
                  />
                  <ChampSaisie {...champ('reference')} libelle="Référence du dossier" obligatoire />
                  <ChampDate
                    {...champ('dateProcedure')}
                    libelle={b.motif === 'dossier_pacs' ? 'Date d’enregistrement du PACS' : 'Date du mariage'}
                    aide="Si elle est fixée : la réponse est attendue avant."
                  />
                </div>
                <Text>Acte demandé : acte de naissance.</Text>
              </fieldset>
              <fieldset className={styles.groupe}>
                <legend className={styles.legende}>La personne</legend>
                <div className={styles.grille}>
                  <ChampSaisie {...champ('nom')} libelle="Nom" obligatoire />
                  <ChampSaisie {...champ('prenoms')} libelle="Prénoms" obligatoire indication="ex. : Paul, Marie" />
                  <Field label={{ children: 'Sexe', htmlFor: 'envoyee-sexe' }}>
                    <Select
                      id="envoyee-sexe"
                      value={b.sexe}
                      onChange={(_, d) => modifier({ sexe: d.value as typeof b.sexe })}
                    >
                      <option value="">Non précisé</option>
                      <option value="M">Masculin</option>
                      <option value="F">Féminin</option>
                    </Select>
                  </Field>
                  <ChampDate {...champ('dateNaissance')} libelle="Date de naissance" obligatoire />
                  <ChampCommune
                    id="envoyee-lieu"
                    libelle="Lieu de naissance"
                    texte={b.lieuTexte}
                    codeInsee={b.lieuInsee}
                    departement={b.lieuDepartement}
                    erreur={erreurs.lieuTexte}
                    surTexte={(t) => modifier({ lieuTexte: t, lieuInsee: null, lieuDepartement: null })}
                    surChoix={(c) =>
                      modifier({ lieuTexte: c.nom, lieuInsee: c.codeInsee, lieuDepartement: c.departement })
                    }
                  />
                </div>
              </fieldset>
              <fieldset className={styles.groupe}>
                <legend className={styles.legende}>Les parents, s’ils sont connus</legend>
                <div className={styles.grille}>
                  <ChampSaisie {...champ('pereNom')} libelle="Nom du père" />
                  <ChampSaisie {...champ('perePrenoms')} libelle="Prénoms du père" />
                  <ChampSaisie {...champ('mereNom')} libelle="Nom de la mère" />
                  <ChampSaisie {...champ('merePrenoms')} libelle="Prénoms de la mère" />
                </div>
              </fieldset>
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                disabled={occupe}
                icon={occupe ? <Spinner size="tiny" /> : undefined}
              >
                {enEdition ? 'Enregistrer les modifications' : 'Préparer la demande'}
              </Button>
              <Button appearance="secondary" onClick={() => props.surFermer(null)}>
                Fermer (la saisie est gardée)
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
