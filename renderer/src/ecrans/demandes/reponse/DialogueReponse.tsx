import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { preRemplirActe } from '../../../../../shared/domain/acte-depuis-demande';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';
import { useNotifier } from '../../../composants/notifications';
import { useEditeur } from '../../../store/editeur';
import { useFiche } from '../../../store/fiche';
import { useNavigation } from '../../../store/navigation';
import { useSessionCarte } from '../../cartes/useSessionCarte';
import { depuisPreRemplissage } from '../../registre/editeur/formulaire';
import { VerrouCarte } from '../../cartes/VerrouCarte';
import { jourFr, joursRestantsFr, nomDemandeur } from '../libelles';
import { BrouillonReponse } from './BrouillonReponse';
import { ComparaisonChamps } from './ComparaisonChamps';
import { FormulaireMiseDeCote } from './FormulaireMiseDeCote';
import { FormulaireNegative } from './FormulaireNegative';
import { FicheDemande } from './FicheDemande';
import { ListeCandidats } from './ListeCandidats';
import { libelleForme, libelleIssue } from './libelles';
import { useReponse } from './store';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1100px, 96vw)', width: '96vw' },
  contenu: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entete: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  actions: { flexWrap: 'wrap' },
});

/** Keys typed in a text field are text, not shortcuts. */
function saisie(cible: EventTarget): boolean {
  const el = cible as HTMLElement;
  if (el.tagName === 'TEXTAREA' || el.isContentEditable) return true;
  return el.tagName === 'INPUT' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type);
}

/**
 * A request to answer: the outcome of matching and its explanation, the deadline and the
 * requester, the candidate acts beside the declaration field by field, the answer prepared
 * (exactly what will be sent), and the actions with their keys: P (or Ctrl+Entrée) answer
 * positively, N negatively, 1 to 9 or the arrows choose another candidate, M set aside (or take
 * back), O open the act in the register, X show the XML, A discard the draft, I key the act in
 * from the paper register (pre-filled from the request; when matching found nothing, or an act
 * of the year is known only by its number). Opened with
 * "Traiter à la suite", an answer opens the next request at once (S passes one by). Without a
 * card session every action that writes is locked, the forms keep what was typed, and reading goes on.
 */
export const DialogueReponse = memo(function DialogueReponse() {
  const styles = useStyles();
  const notifier = useNotifier();
  const { id, demande, apercu, choisi, chargement, erreur, file, precedente } = useReponse();
  const aLaSuite = file.length > 0;
  const { verrouille } = useSessionCarte();
  const [xmlVisible, setXmlVisible] = useState(false);
  const [negative, setNegativeBrut] = useState(false);
  const surface = useRef<HTMLDivElement>(null);
  // A form about to close would take the focus with it (to the page, outside the modal): the
  // dialog takes it first, so that its keys and Échap keep working.
  const rendreFocus = () => surface.current?.focus();
  const negativeOuverte = useRef(false);
  const setNegative = (ouvert: boolean) => {
    if (!ouvert) rendreFocus();
    negativeOuverte.current = ouvert;
    setNegativeBrut(ouvert);
  };
  const [deCote, setDeCote] = useState<{ ouvert: boolean; erreur: string | null }>({ ouvert: false, erreur: null });
  const [enCours, setEnCoursBrut] = useState(false);
  // Read by the event listeners: the echo of our own answer (positive here, negative from its
  // form) needs no reload: the action reloads, or moves on to the next request.
  const actionEnCours = useRef(false);
  const setEnCours = (v: boolean) => {
    actionEnCours.current = v;
    setEnCoursBrut(v);
  };
  const [echec, setEchec] = useState<string | null>(null);

  useEffect(() => {
    if (id === null) return;
    const recharger = (e: { demandeIds: number[] }) => {
      if (e.demandeIds.includes(id)) void useReponse.getState().recharger();
    };
    const invalider = (e: { demandeIds: number[] }) => useReponse.getState().invalider(e.demandeIds);
    const arrets = [
      api.ecouter('rapprochement.modifie', recharger),
      api.ecouter('reponses.modifiees', (e) => {
        if (!actionEnCours.current && !negativeOuverte.current) recharger(e);
      }),
      api.ecouter('rapprochement.modifie', invalider),
      api.ecouter('reponses.modifiees', invalider),
    ];
    return () => arrets.forEach((a) => a());
  }, [id]);
  // In a run, the next request replaces the one answered: the focus comes back to the dialog, where its keys go.
  useEffect(() => {
    if (aLaSuite && id !== null && !surface.current?.contains(document.activeElement)) surface.current?.focus();
  }, [aLaSuite, id]);

  const fermer = () => {
    setXmlVisible(false);
    setEchec(null);
    setNegative(false);
    setDeCote({ ouvert: false, erreur: null });
    useReponse.getState().fermer();
  };
  const candidats = apercu?.rapprochement.candidats ?? [];
  const candidat = candidats[choisi] ?? null;
  const reponse = apercu?.reponse ?? null;
  const modifiable = !reponse || reponse.etat === 'brouillon';
  const bloquee = !apercu || apercu.purgee || !!apercu.deCote || !modifiable || verrouille;
  const dejaPrepare =
    reponse?.sens === 'positive' && reponse.acte?.acteId === candidat?.acteId && !reponse.acteModifieDepuis;

  /** After an answer: in a run, the next request (what was done is said there); else the draft, shown. */
  const apresReponse = async (fait: string) => {
    if (aLaSuite && apercu) {
      setXmlVisible(false);
      await useReponse.getState().suivante(`Demande ${apercu.idPlateforme} : ${fait.toLocaleLowerCase('fr-FR')}.`);
    } else {
      notifier('success', fait);
      await useReponse.getState().recharger();
    }
  };
  const agir = async (action: () => Promise<unknown>, succes: string, avancer = false) => {
    if (enCours) return;
    setEnCours(true);
    setEchec(null);
    try {
      await action();
      if (avancer) await apresReponse(succes);
      else {
        notifier('success', succes);
        await useReponse.getState().recharger();
      }
    } catch (e) {
      setEchec(messageErreur(e));
    } finally {
      setEnCours(false);
    }
  };
  const positive = () => {
    if (!apercu || !candidat || bloquee || dejaPrepare) return;
    const { demandeId, idPlateforme } = apercu;
    const preparer = () =>
      reponse
        ? api.appeler('reponses.modifier', { demandeId, reponse: { sens: 'positive', acteId: candidat.acteId } })
        : api.appeler('reponses.preparerPositive', { demandeId, acteId: candidat.acteId });
    if (!aLaSuite) {
      void agir(preparer, 'Réponse positive prête à signer');
      return;
    }
    // In a run the officer does not wait for the draft: the next request (read ahead) shows at
    // once, and the outcome is said when it comes; a failure too, loudly, and the request stays
    // to answer in the list.
    if (enCours || useReponse.getState().enRoute()) return;
    avancerSansAttendre(preparer(), idPlateforme, 'positive');
  };
  /** The next request at once, the draft's outcome said when it comes (a failure loudly: the request stays to answer). */
  const avancerSansAttendre = (preparation: Promise<unknown>, idPlateforme: string, sens: 'positive' | 'négative') => {
    setXmlVisible(false);
    setEchec(null);
    const suite = useReponse.getState().suivante(`Demande ${idPlateforme} : réponse ${sens} en préparation…`);
    // Said once the next request shows, so that its "en préparation" never comes after.
    preparation.then(
      () => suite.then(() => useReponse.getState().dire(`Demande ${idPlateforme} : réponse ${sens} prête à signer.`)),
      (e: unknown) =>
        suite.then(() => {
          useReponse.getState().dire(`Demande ${idPlateforme} : réponse ${sens} NON préparée (${messageErreur(e)}).`);
          notifier('error', `Réponse à la demande ${idPlateforme} non préparée`, messageErreur(e));
        }),
    );
  };
  const passer = () => {
    if (!aLaSuite || !apercu || enCours || useReponse.getState().enRoute()) return;
    setXmlVisible(false);
    void useReponse.getState().suivante(`Demande ${apercu.idPlateforme} passée, sans réponse.`);
  };
  const abandonner = () => {
    if (!apercu || !reponse || !modifiable || verrouille) return;
    void agir(() => api.appeler('reponses.abandonner', { demandeId: apercu.demandeId }), 'Réponse abandonnée');
  };
  const miseDeCote = () => {
    if (!apercu || apercu.purgee || verrouille) return;
    if (apercu.deCote) void agir(() => api.appeler('demandes.reprendre', { id: apercu.demandeId }), 'Demande reprise');
    else setDeCote({ ouvert: true, erreur: null });
  };
  const ouvrirActe = (acteId: number | undefined) => {
    if (!acteId) return;
    fermer();
    void useFiche.getState().ouvrir(acteId);
    useNavigation.getState().aller('registre');
  };

  // Nothing found, or an act of the year known only by its number: the act may be on paper only.
  const aSaisir = !!apercu && (apercu.rapprochement.issue === 'aucun' || apercu.garde.aIndexer.length > 0);
  /**
   * "Saisir l'acte": the editor opens on what the request declares. The one act of the year known
   * only by its number is completed; with several, a new act is pre-filled and the number read in
   * the register picks the one it completes. Keying in needs no card: the answer does, and says so.
   */
  const saisirActe = async (acteId?: number) => {
    if (!apercu || !demande || !aSaisir || enCours) return;
    const cible = acteId ?? (apercu.garde.aIndexer.length === 1 ? apercu.garde.aIndexer[0].acteId : undefined);
    setEchec(null);
    try {
      const existant = cible === undefined ? null : await api.appeler('registre.lire', { id: cible });
      const formulaire = depuisPreRemplissage(
        preRemplirActe({ typeActe: demande.typeActe, ...demande.declaration }, existant),
        {
          demandeId: apercu.demandeId,
          idPlateforme: apercu.idPlateforme,
        },
      );
      fermer();
      useNavigation.getState().quitterPuis(() => {
        useNavigation.setState({ ecran: 'registre' });
        useEditeur.getState().ouvrirDepuisDemande(formulaire);
      });
    } catch (e) {
      setEchec(messageErreur(e));
    }
  };

  const surTouche = (e: KeyboardEvent<HTMLElement>) => {
    // Keys from the nested dialogs bubble through React's tree: only this dialog's own.
    if (!e.currentTarget.contains(e.target as Node) || saisie(e.target) || e.altKey || e.metaKey) return;
    // While a form is open (negative answer, setting aside), its keys are its own.
    if (negative || deCote.ouvert) return;
    const touche = e.key.toLowerCase();
    const faire = (f: () => void) => {
      e.preventDefault();
      f();
    };
    if (e.ctrlKey) {
      if (e.key === 'Enter') faire(positive);
      return;
    }
    if (touche === 'p') faire(positive);
    else if (touche === 'n' && !bloquee && !useReponse.getState().enRoute()) faire(() => setNegative(true));
    else if (touche === 'm') faire(miseDeCote);
    else if (touche === 'o') faire(() => ouvrirActe(candidat?.acteId));
    else if (touche === 'x' && reponse) faire(() => setXmlVisible((v) => !v));
    else if (touche === 'a') faire(abandonner);
    else if (touche === 'i' && aSaisir) faire(() => void saisirActe());
    else if (touche === 's' && aLaSuite) faire(passer);
    else if (/^[1-9]$/.test(e.key)) faire(() => useReponse.getState().choisir(Number(e.key) - 1));
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowRight') && (e.target as HTMLInputElement).type !== 'radio')
      faire(() => useReponse.getState().choisir(choisi + 1));
    else if ((e.key === 'ArrowUp' || e.key === 'ArrowLeft') && (e.target as HTMLInputElement).type !== 'radio')
      faire(() => useReponse.getState().choisir(choisi - 1));
  };

  return (
    <>
      <Dialog open={id !== null} onOpenChange={(_, d) => !d.open && fermer()}>
        <DialogSurface
          ref={surface}
          className={styles.surface}
          onKeyDown={surTouche}
          aria-describedby="explication-rapprochement"
        >
          <DialogBody>
            <DialogTitle>
              {demande ? `Demande ${demande.idPlateforme}${demande.specimen ? ' (spécimen)' : ''}` : 'Demande'}
            </DialogTitle>
            <DialogContent className={styles.contenu}>
              {aLaSuite && (
                <Text role="status" size={200}>
                  {precedente ?? 'Chaque réponse ouvre la demande suivante ; S passe une demande.'}
                </Text>
              )}
              <VerrouCarte verrouille={verrouille} />
              {chargement && <Spinner label="Chargement…" />}
              {erreur && <Text>{erreur}</Text>}
              {apercu && demande && (
                <>
                  <div className={styles.entete}>
                    <Badge
                      appearance="filled"
                      color={
                        apercu.rapprochement.issue === 'sur'
                          ? 'success'
                          : apercu.rapprochement.issue === 'a_verifier'
                            ? 'warning'
                            : 'informative'
                      }
                    >
                      Rapprochement : {libelleIssue[apercu.rapprochement.issue]}
                    </Badge>
                    <Text>
                      À traiter avant le {jourFr(demande.jourLimite)} ({joursRestantsFr(demande.joursRestants)})
                    </Text>
                    <Text>
                      {nomDemandeur(demande)} (forme attendue : {libelleForme[apercu.formeAttendue]})
                    </Text>
                    {aLaSuite && (
                      <Text weight="semibold">
                        À la suite : {file.indexOf(apercu.demandeId) + 1} sur {file.length}
                      </Text>
                    )}
                  </div>
                  <Text id="explication-rapprochement">{apercu.rapprochement.explication}</Text>
                  {apercu.purgee && (
                    <MessageBar intent="error">
                      <MessageBarBody>Demande purgée : la réponse ne compte plus.</MessageBarBody>
                    </MessageBar>
                  )}
                  {apercu.deCote && (
                    <MessageBar intent="warning">
                      <MessageBarBody>
                        Mise de côté{apercu.deCote.par ? ` par ${apercu.deCote.par}` : ''} : {apercu.deCote.commentaire}
                        . Reprenez-la (M) pour y répondre.
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  {candidats.length > 0 ? (
                    <>
                      <ListeCandidats
                        candidats={candidats}
                        choisi={choisi}
                        surChoisir={(i) => useReponse.getState().choisir(i)}
                      />
                      {candidat && (
                        <ComparaisonChamps
                          titre={`Déclaration et ${candidat.designation}`}
                          comparaisons={candidat.comparaisons}
                        />
                      )}
                    </>
                  ) : (
                    <Text weight="semibold">Aucun acte candidat dans le registre.</Text>
                  )}
                  {reponse && <BrouillonReponse reponse={reponse} xmlVisible={xmlVisible} />}
                  {apercu.rejetees.map((r) => (
                    <MessageBar key={r.reponseId} intent="error" layout="multiline">
                      <MessageBarBody>
                        Réponse rejetée : {r.rejet?.raison ?? 'motif inconnu'}. {r.rejet?.quoiFaire ?? ''}
                      </MessageBarBody>
                    </MessageBar>
                  ))}
                  {echec && (
                    <MessageBar intent="error">
                      <MessageBarBody>{echec}</MessageBarBody>
                    </MessageBar>
                  )}
                  {negative && apercu && (
                    <FormulaireNegative
                      apercu={apercu}
                      verrouille={verrouille}
                      surOuvrirActe={(acteId) => {
                        setNegative(false);
                        ouvrirActe(acteId);
                      }}
                      surSaisirActe={(acteId) => {
                        setNegative(false);
                        void saisirActe(acteId);
                      }}
                      surFermer={(prepare) => {
                        setNegative(false);
                        if (prepare) void apresReponse('Réponse négative prête à signer');
                      }}
                      sansAttendre={
                        aLaSuite
                          ? (preparation) => {
                              setNegative(false);
                              avancerSansAttendre(preparation, apercu.idPlateforme, 'négative');
                            }
                          : undefined
                      }
                    />
                  )}
                  {deCote.ouvert && (
                    <FormulaireMiseDeCote
                      erreur={deCote.erreur}
                      verrouille={verrouille}
                      surAnnuler={() => {
                        setDeCote({ ouvert: false, erreur: null });
                        rendreFocus();
                      }}
                      surValider={(commentaire) => {
                        if (!apercu) return;
                        api
                          .appeler('demandes.mettreDeCote', { id: apercu.demandeId, commentaire })
                          .then(() => {
                            // the form's field goes with it: the dialog keeps the focus (M takes it back)
                            rendreFocus();
                            setDeCote({ ouvert: false, erreur: null });
                            notifier('success', 'Demande mise de côté');
                            return useReponse.getState().recharger();
                          })
                          .catch((e: unknown) => setDeCote({ ouvert: true, erreur: messageErreur(e) }));
                      }}
                    />
                  )}
                  <Text as="h3" weight="semibold">
                    Déclaration
                  </Text>
                  <FicheDemande demande={demande} />
                </>
              )}
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button appearance="primary" disabled={!candidat || bloquee || dejaPrepare || enCours} onClick={positive}>
                {dejaPrepare ? 'Réponse positive prête' : 'Répondre positivement (P)'}
              </Button>
              <Button disabled={bloquee || enCours} onClick={() => setNegative(true)}>
                Répondre négativement (N)
              </Button>
              <Button disabled={!apercu || apercu.purgee || enCours || verrouille} onClick={miseDeCote}>
                {apercu?.deCote ? 'Reprendre (M)' : 'Mettre de côté (M)'}
              </Button>
              <Button disabled={!candidat} onClick={() => ouvrirActe(candidat?.acteId)}>
                Ouvrir l’acte (O)
              </Button>
              {aSaisir && (
                <Button disabled={enCours} aria-keyshortcuts="I" onClick={() => void saisirActe()}>
                  Saisir l’acte (I)
                </Button>
              )}
              {reponse && (
                <Button onClick={() => setXmlVisible((v) => !v)}>
                  {xmlVisible ? 'Masquer le XML (X)' : 'Afficher le XML (X)'}
                </Button>
              )}
              {reponse && modifiable && (
                <Button disabled={enCours || verrouille} onClick={abandonner}>
                  Abandonner la réponse (A)
                </Button>
              )}
              {aLaSuite && (
                <Button disabled={enCours} onClick={passer}>
                  Demande suivante (S)
                </Button>
              )}
              <Button onClick={fermer}>Fermer (Échap)</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
});
