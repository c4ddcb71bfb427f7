import { useState } from 'react';
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { Lecteur } from '../../../../shared/contract/carte';
import { api } from '../../api';
import { DialoguePin } from '../../composants/DialoguePin';
import { messageErreur } from '../../composants/messageErreur';
import { ListeCertificats } from './ListeCertificats';
import { couleurEtatPin, libelleEtatPin } from './libelles';
import { useCartes } from './store';
import { usePin } from './usePin';

const useStyles = makeStyles({
  lecteurs: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  lecteur: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  ligne: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  secondaire: { color: tokens.colorNeutralForeground2 },
  espace: { flexGrow: 1 },
});

/** Readers and cards, live; connecting asks for the PIN only when the card wants one. */
export function PanneauLecteurs() {
  const styles = useStyles();
  const etat = useCartes((e) => e.etat);
  const remplacer = useCartes((e) => e.remplacer);
  const pin = usePin();
  // Shown next to the card it concerns (a list scrolled down would hide a message at its top).
  const [erreur, setErreurDe] = useState<{ jetonId: string | null; message: string } | null>(null);
  if (!etat) return null;

  const connecter = async (l: Lecteur) => {
    const carte = l.carte!;
    setErreurDe(null);
    // An expired card is refused before its PIN is asked (the card panel already says why).
    if (carte.refus) return;
    const surErreur = (message: string) => setErreurDe({ jetonId: carte.id, message });
    // So is a card the directory does not know or has revoked (docs/annuaire.md).
    try {
      await api.appeler('annuaire.verifierCarte', { jetonId: carte.id });
    } catch (e) {
      surErreur(messageErreur(e));
      return;
    }
    const operation = async (code: string | undefined) =>
      remplacer(await api.appeler('carte.connecter', { jetonId: carte.id, pin: code }));
    if (!carte.pinRequis) {
      operation(undefined).catch((e) => surErreur(messageErreur(e)));
      return;
    }
    pin.demander({ ...carte }, 'pour ouvrir une session avec la carte', operation, surErreur);
  };
  const deconnecter = async () => {
    try {
      remplacer(await api.appeler('carte.deconnecter', {}));
    } catch (e) {
      setErreurDe({ jetonId: etat.session?.jetonId ?? null, message: messageErreur(e) });
    }
  };

  const carteDialogue = pin.demande
    ? (etat.lecteurs.find((l) => l.carte?.label === pin.demande!.carte.label)?.carte ?? pin.demande.carte)
    : null;
  return (
    <>
      {erreur && (erreur.jetonId === null || !etat.lecteurs.some((l) => l.carte?.id === erreur.jetonId)) && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur.message}</MessageBarBody>
        </MessageBar>
      )}
      {etat.lecteurs.length === 0 && (
        <Text className={styles.secondaire}>
          Aucun lecteur de carte détecté. Branchez le lecteur, ou vérifiez la bibliothèque PKCS#11 dans les réglages
          ci-dessous.
        </Text>
      )}
      <ul className={styles.lecteurs} aria-label="Lecteurs de carte">
        {etat.lecteurs.map((l) => {
          const enSession = !!l.carte && etat.session?.jetonId === l.carte.id;
          return (
            <li key={l.id} className={styles.lecteur}>
              <div className={styles.ligne}>
                <Text weight="semibold">{l.nom}</Text>
                <span className={styles.espace} />
                {l.carte ? (
                  <Badge appearance="filled" color={enSession ? 'brand' : 'informative'}>
                    {enSession ? 'Session ouverte' : 'Carte présente'}
                  </Badge>
                ) : (
                  <Badge appearance="outline" color="informative">
                    Aucune carte
                  </Badge>
                )}
              </div>
              {l.carte && (
                <>
                  <div className={styles.ligne}>
                    <Text>
                      Carte <strong>{l.carte.label}</strong>
                    </Text>
                    <Text className={styles.secondaire}>
                      {l.carte.fabricant} {l.carte.modele} — n° {l.carte.serie}
                    </Text>
                    {l.carte.nature === 'formation' && (
                      <Badge appearance="tint" color="warning">
                        carte de formation
                      </Badge>
                    )}
                    <Badge appearance="tint" color={couleurEtatPin[l.carte.etatPin]}>
                      {libelleEtatPin[l.carte.etatPin]}
                    </Badge>
                    {l.carte.cheminProtege && <Badge appearance="tint">Lecteur à clavier</Badge>}
                  </div>
                  <div className={styles.ligne}>
                    {enSession ? (
                      <Button onClick={deconnecter} disabled={etat.signatureEnCours}>
                        Fermer la session
                      </Button>
                    ) : (
                      <Button
                        appearance="primary"
                        onClick={() => void connecter(l)}
                        disabled={etat.signatureEnCours || l.carte.etatPin === 'bloque' || l.carte.refus !== null}
                      >
                        Ouvrir une session
                      </Button>
                    )}
                  </div>
                  {l.carte.refus && (
                    <MessageBar intent="error">
                      <MessageBarBody>Cette carte ne peut pas ouvrir de session : {l.carte.refus}</MessageBarBody>
                    </MessageBar>
                  )}
                  {erreur && erreur.jetonId === l.carte.id && (
                    <MessageBar intent="error">
                      <MessageBarBody>{erreur.message}</MessageBarBody>
                    </MessageBar>
                  )}
                  {enSession && etat.session && (
                    <>
                      {etat.session.avertissements.map((a) => (
                        <MessageBar key={a} intent="warning">
                          <MessageBarBody>{a}</MessageBarBody>
                        </MessageBar>
                      ))}
                      {!etat.session.peutSigner && etat.session.raisonSansSignature && (
                        <MessageBar intent="info">
                          <MessageBarBody>{etat.session.raisonSansSignature}</MessageBarBody>
                        </MessageBar>
                      )}
                      {etat.session.peutSigner && (
                        <Text>
                          {etat.session.lecteurAClavier
                            ? 'Le code PIN se tape sur le lecteur, aussi souvent que la carte le demande.'
                            : etat.session.pinParSignature
                              ? 'Cette carte demande le code PIN à chaque signature.'
                              : 'Un code PIN pour tout un lot de signatures.'}
                        </Text>
                      )}
                      <ListeCertificats certificats={etat.session.certificats} />
                    </>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <DialoguePin
        ouvert={pin.ouvert}
        carte={carteDialogue ? { ...carteDialogue } : null}
        motif={pin.demande?.motif ?? ''}
        erreur={pin.erreur}
        enCours={pin.enCours}
        surValider={pin.valider}
        surAnnuler={pin.annuler}
      />
    </>
  );
}
