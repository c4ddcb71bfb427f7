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
  ToggleButton,
} from '@fluentui/react-components';
import type { SortieAppel } from '../../../../shared/contract';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { RegistreError } from '../../../../shared/errors';
import { useNavigation } from '../../store/navigation';
import { useNotifier } from '../../composants/notifications';
import { BarreSynchro } from './BarreSynchro';
import { DialogueDiagnostic } from './DialogueDiagnostic';
import { DialogueParametresSync } from './DialogueParametresSync';
import { aTraiter, ListeDemandes } from './ListeDemandes';
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
import { useDemandes, type Filtre } from './store';

const useStyles = makeStyles({
  racine: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    height: '100%',
    boxSizing: 'border-box',
  },
  filtres: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  liste: { flexGrow: 1, overflow: 'auto', minHeight: 0 },
});

const FILTRES: {
  filtre: Filtre;
  libelle: string;
  compte?: (c: Record<string, number>, a: Record<'J-2' | 'J-5', number>) => number;
}[] = [
  { filtre: 'a_traiter', libelle: 'À traiter', compte: (c) => c.recue + c.en_cours + c.a_echeance + c.en_retard },
  { filtre: 'en_retard', libelle: 'En retard', compte: (c) => c.en_retard },
  { filtre: 'J-2', libelle: 'J-2', compte: (_, a) => a['J-2'] },
  { filtre: 'J-5', libelle: 'J-5', compte: (_, a) => a['J-5'] },
  { filtre: 'repondue', libelle: 'Répondues', compte: (c) => c.repondue },
  { filtre: 'accusee', libelle: 'Accusées', compte: (c) => c.accusee },
  { filtre: 'purgee', libelle: 'Purgées', compte: (c) => c.purgee },
  { filtre: 'tout', libelle: 'Toutes' },
];

/** COMEDEC requests: received list with states and deadlines, quarantine, outbox, sync and connection test. */
export function EcranDemandes() {
  const styles = useStyles();
  const notifier = useNotifier();
  const { liste, quarantaine, envois, sync, progression, erreur, filtre, issues } = useDemandes();
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
    const arrets = [
      api.ecouter('reponses.modifiees', chargerReponses),
      api.ecouter('rapprochement.modifie', () => void useDemandes.getState().chargerIssues()),
      api.ecouter('sync.envoiModifie', chargerReponses),
      api.ecouter('sync.progression', surProgression),
      api.ecouter('sync.envoiModifie', (e) => {
        if (e.etat === 'rejete') notifier('error', 'Réponse rejetée par la plateforme', e.motifRejet ?? undefined);
      }),
      api.ecouter('demandes.nouvelles', (n) => {
        const { titre, corps } = texteNotification(n);
        notifier(n.nombre > 0 ? 'info' : 'warning', titre, corps || undefined);
        void charger();
      }),
    ];
    return () => {
      clearTimeout(attente);
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
    (depuis: number | null) => {
      const liste = (useDemandes.getState().liste?.demandes ?? []).filter(aTraiter);
      const debut = Math.max(
        0,
        liste.findIndex((d) => d.id === depuis),
      );
      const ids = liste.slice(debut).map((d) => d.id);
      if (ids.length) void useReponse.getState().ouvrirFile(ids);
      else notifier('info', 'Aucune demande à traiter dans cette liste');
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
      {onglet === 'demandes' && liste && (
        <div className={styles.filtres} role="group" aria-label="Filtrer les demandes">
          {FILTRES.map((f) => (
            <ToggleButton
              key={f.filtre}
              size="small"
              checked={filtre === f.filtre}
              onClick={() => void useDemandes.getState().choisirFiltre(f.filtre)}
            >
              {f.libelle}
              {f.compte ? ` (${f.compte(liste.compteurs, liste.alertes)})` : ''}
            </ToggleButton>
          ))}
        </div>
      )}
      <div className={styles.liste}>
        {!liste && !erreur && <Spinner label="Chargement des demandes…" />}
        {onglet === 'demandes' && liste && (
          <ListeDemandes
            demandes={liste.demandes}
            total={liste.total}
            issues={issues}
            surOuvrir={ouvrir}
            surRepondre={repondre}
            surTraiter={traiter}
          />
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
          }
        }}
      />
      <DialogueReponse />
    </section>
  );
}
