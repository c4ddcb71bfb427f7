import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { SortieAppel } from '../../../../shared/contract';
import { MAX_IDS_LISTE } from '../../../../shared/contract/demandes';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { RegistreError } from '../../../../shared/errors';
import { useBarreEtat } from '../../store/barreEtat';
import { useNavigation } from '../../store/navigation';
import { useNotifier } from '../../composants/notifications';
import { BarreSynchro } from './BarreSynchro';
import { DialogueDiagnostic } from './DialogueDiagnostic';
import { DialogueParametresSync } from './DialogueParametresSync';
import { FiltresDemandes } from './FiltresDemandes';
import { ListeDemandes } from './ListeDemandes';
import { ListeEnvois } from './ListeEnvois';
import { ListeQuarantaine } from './ListeQuarantaine';
import { useSessionCarte } from '../cartes/useSessionCarte';
import { MESSAGE_VERROU } from '../cartes/VerrouCarte';
import { DialogueReponse } from './reponse/DialogueReponse';
import { ListeReponses } from './reponse/ListeReponses';
import { useReponses } from './reponse/storeReponses';
import { useReponse } from './reponse/store';
import { demanderPermissionNotifications, texteNotification } from './notification-bureau';
import { OngletEnvoyees } from './envoyees/OngletEnvoyees';
import { fileATraiter, useDemandes } from './store';

const useStyles = makeStyles({
  racine: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    height: '100%',
    boxSizing: 'border-box',
  },
  liste: { flexGrow: 1, overflow: 'auto', minHeight: 0, display: 'flex', flexDirection: 'column' },
});

/** COMEDEC requests: received list with states and deadlines, quarantine, outbox, sync and connection test. */
export function EcranDemandes() {
  const styles = useStyles();
  const notifier = useNotifier();
  const liste = useDemandes((e) => e.liste);
  const quarantaine = useDemandes((e) => e.quarantaine);
  const envois = useDemandes((e) => e.envois);
  const sync = useDemandes((e) => e.sync);
  const progression = useDemandes((e) => e.progression);
  const erreur = useDemandes((e) => e.erreur);
  const issues = useDemandes((e) => e.issues);
  const [onglet, setOnglet] = useState<'demandes' | 'reponses' | 'envoyees' | 'quarantaine' | 'envois'>('demandes');
  const [occupe, setOccupe] = useState(false);
  const aSigner = useReponses((e) => e.reponses?.filter((r) => r.etat === 'brouillon').length ?? 0);
  // "Mettre à jour" without an open card session: said, with the way to open it.
  const [sessionRequise, setSessionRequise] = useState<string | null>(null);
  const ouvrirSession = () => {
    setSessionRequise(null);
    setDiagnostic({ ouvert: false, resultat: null, erreur: null });
    useNavigation.getState().aller('cartes');
  };
  const [parametres, setParametres] = useState(false);
  const [diagnostic, setDiagnostic] = useState<{
    ouvert: boolean;
    resultat: SortieAppel<'sync.testerConnexion'> | null;
    erreur: string | null;
  }>({
    ouvert: false,
    resultat: null,
    erreur: null,
  });

  useEffect(() => {
    const { charger, surProgression } = useDemandes.getState();
    void charger();
    // Answers prepared one after the other send an event each: one reload for a burst of them.
    let attente: ReturnType<typeof setTimeout> | undefined;
    const chargerReponses = () => {
      clearTimeout(attente);
      attente = setTimeout(() => void useReponses.getState().charger(), 250);
    };
    void useReponses.getState().charger();
    // Matching sends an event per batch: the outcomes and their counts read once for a burst.
    let attenteRapprochement: ReturnType<typeof setTimeout> | undefined;
    const rapprochement = () => {
      clearTimeout(attenteRapprochement);
      attenteRapprochement = setTimeout(() => {
        void useDemandes.getState().chargerIssues();
        void useDemandes.getState().rafraichirComptes();
      }, 250);
    };
    const arrets = [
      api.ecouter('reponses.modifiees', chargerReponses),
      api.ecouter('rapprochement.modifie', rapprochement),
      api.ecouter('sync.envoiModifie', chargerReponses),
      api.ecouter('sync.progression', surProgression),
      api.ecouter('sync.envoiModifie', (e) => {
        if (e.etat === 'rejete') notifier('error', 'Réponse rejetée par la plateforme', e.motifRejet ?? undefined);
      }),
      api.ecouter('demandes.nouvelles', (n) => {
        const { titre, corps } = texteNotification(n);
        notifier(n.nombre > 0 || n.specimens > 0 ? 'info' : 'warning', titre, corps || undefined);
        void charger();
      }),
    ];
    return () => {
      clearTimeout(attente);
      clearTimeout(attenteRapprochement);
      arrets.forEach((a) => a());
    };
  }, [notifier]);

  const mettreAJour = async () => {
    demanderPermissionNotifications();
    setOccupe(true);
    setSessionRequise(null);
    try {
      const r = await useDemandes.getState().synchroniser();
      if (r.statut === 'echouee') notifier('error', 'Mise à jour impossible', r.erreur ?? undefined);
      else if (r.statut === 'partielle') notifier('warning', 'Mise à jour incomplète', r.erreur ?? undefined);
      else
        notifier(
          'success',
          'Mise à jour terminée',
          `${r.recues} demande(s) reçue(s), ${r.acceptees} réponse(s) acceptée(s).`,
        );
    } catch (e) {
      if (e instanceof RegistreError && e.code === 'session_requise') setSessionRequise(e.message);
      else notifier('error', 'Mise à jour impossible', messageErreur(e));
    } finally {
      setOccupe(false);
      void useReponses.getState().charger();
    }
  };

  const tester = async () => {
    setDiagnostic({ ouvert: true, resultat: null, erreur: null });
    try {
      setDiagnostic({ ouvert: true, resultat: await api.appeler('sync.testerConnexion', {}), erreur: null });
    } catch (e) {
      setDiagnostic({ ouvert: true, resultat: null, erreur: messageErreur(e) });
    }
  };

  // Stable callbacks: the memoised list is not redrawn when the rest of the screen changes.
  const ouvrir = useCallback((id: number) => void useReponse.getState().ouvrir(id), []);
  const traiter = useCallback(
    async (depuis: number | null) => {
      try {
        const { ids, tronquee } = await fileATraiter(depuis);
        if (!ids.length) {
          notifier('info', 'Aucune demande à traiter dans cette liste');
          return;
        }
        if (tronquee)
          notifier(
            'info',
            `${ids.length} demandes à la suite`,
            `La liste est plus longue : la file s’arrête après ${MAX_IDS_LISTE.toLocaleString('fr-FR')} demandes de la liste.`,
          );
        void useReponse.getState().ouvrirFile(ids);
      } catch (e) {
        notifier('error', 'Traitement à la suite impossible', messageErreur(e));
      }
    },
    [notifier],
  );
  // P on a "sûr" request in the list: the best candidate's positive answer, added to the answers to sign.
  const { verrouille } = useSessionCarte();
  const repondreVite = useCallback(
    async (id: number) => {
      if (verrouille) {
        notifier('warning', 'Réponse verrouillée', MESSAGE_VERROU);
        return;
      }
      try {
        const apercu = await api.appeler('reponses.apercu', { demandeId: id });
        const candidat = apercu.rapprochement.candidats[0];
        if (apercu.rapprochement.issue !== 'sur' || !candidat) {
          notifier('warning', 'Rapprochement à vérifier', 'Ouvrez la demande (Entrée) pour choisir l’acte.');
        } else if (apercu.reponse && apercu.reponse.etat !== 'brouillon') {
          notifier('info', 'Réponse déjà signée', `Demande ${apercu.idPlateforme}.`);
        } else if (apercu.reponse?.sens === 'positive' && apercu.reponse.acte?.acteId === candidat.acteId) {
          notifier('info', 'Réponse positive déjà prête à signer', `Demande ${apercu.idPlateforme}.`);
        } else {
          if (apercu.reponse)
            await api.appeler('reponses.modifier', {
              demandeId: id,
              reponse: { sens: 'positive', acteId: candidat.acteId },
            });
          else await api.appeler('reponses.preparerPositive', { demandeId: id, acteId: candidat.acteId });
          notifier('success', 'Réponse positive prête à signer', `${apercu.idPlateforme} : ${candidat.designation}.`);
        }
      } catch (e) {
        notifier('error', 'Réponse impossible', messageErreur(e));
      }
    },
    [notifier, verrouille],
  );
  const repondre = useCallback((id: number) => void repondreVite(id), [repondreVite]);

  return (
    <section className={styles.racine} aria-labelledby="titre-demandes">
      <Text as="h1" id="titre-demandes" size={600} weight="semibold">
        Demandes COMEDEC
      </Text>
      <BarreSynchro
        sync={sync}
        progression={progression}
        occupe={occupe}
        surMettreAJour={() => void mettreAJour()}
        surTester={() => void tester()}
        surParametres={() => setParametres(true)}
      />
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      {sessionRequise && (
        <MessageBar intent="warning">
          <MessageBarBody>{sessionRequise}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={ouvrirSession}>
              Ouvrir une session
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TabList selectedValue={onglet} onTabSelect={(_, d) => setOnglet(d.value as typeof onglet)} aria-label="Listes">
        <Tab value="demandes">
          Demandes reçues{liste ? ` (${Object.values(liste.compteurs).reduce((a, b) => a + b, 0)})` : ''}
        </Tab>
        <Tab value="reponses">Réponses{aSigner ? ` (${aSigner} à signer)` : ''}</Tab>
        <Tab value="envoyees">Demandes envoyées</Tab>
        <Tab value="quarantaine">Quarantaine{quarantaine?.length ? ` (${quarantaine.length})` : ''}</Tab>
        <Tab value="envois">Boîte d’envoi{sync?.envoisEnAttente ? ` (${sync.envoisEnAttente} en attente)` : ''}</Tab>
      </TabList>
      {onglet === 'demandes' && <FiltresDemandes />}
      <div className={styles.liste}>
        {!liste && !erreur && <Spinner label="Chargement des demandes…" />}
        {onglet === 'demandes' && liste && (
          <ListeDemandes issues={issues} surOuvrir={ouvrir} surRepondre={repondre} surTraiter={traiter} />
        )}
        {onglet === 'reponses' && <ListeReponses surOuvrir={ouvrir} />}
        {onglet === 'envoyees' && <OngletEnvoyees />}
        {onglet === 'quarantaine' && quarantaine && <ListeQuarantaine documents={quarantaine} />}
        {onglet === 'envois' && envois && <ListeEnvois envois={envois} />}
      </div>
      <DialogueDiagnostic
        {...diagnostic}
        surFermer={() => setDiagnostic({ ouvert: false, resultat: null, erreur: null })}
        surOuvrirSession={ouvrirSession}
      />
      <DialogueParametresSync
        ouvert={parametres}
        surFermer={(enregistre) => {
          setParametres(false);
          if (enregistre) {
            notifier('success', 'Paramètres de synchronisation enregistrés');
            void useDemandes.getState().charger();
            // the next automatic sync may have moved: the status bar says it
            void useBarreEtat.getState().chargerSync();
          }
        }}
      />
      <DialogueReponse />
    </section>
  );
}
