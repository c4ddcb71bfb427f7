import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { makeStyles, Toaster, tokens } from '@fluentui/react-components';
import type { Ecran } from '../../shared/labels.fr';
import { libelleEcran } from '../../shared/labels.fr';
import { api } from './api';
import { BandeauCommune } from './composants/BandeauCommune';
import { BarreEtat } from './composants/BarreEtat';
import { BandeauFormation } from './composants/BandeauFormation';
import { DialogueRaccourcis } from './composants/DialogueRaccourcis';
import { Navigation } from './composants/Navigation';
import { ID_NOTIFICATIONS } from './composants/notifications';
import { useRaccourcis } from './composants/raccourcis';
import { EcranDemandes } from './ecrans/demandes/EcranDemandes';
import { useDemandes } from './ecrans/demandes/store';
import { EcranCartes } from './ecrans/cartes/EcranCartes';
import { EcranParametres } from './ecrans/parametres/EcranParametres';
import { EcranRegistre } from './ecrans/registre/EcranRegistre';
import { EcranStatistiques } from './ecrans/statistiques/EcranStatistiques';
import { useBarreEtat } from './store/barreEtat';
import { useCommune } from './store/commune';
import { useFiche } from './store/fiche';
import { useNavigation } from './store/navigation';
import { useRecherche } from './store/recherche';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', height: '100%' },
  cadre: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gridTemplateRows: '1fr auto',
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // Each screen scrolls inside its own panes: nothing here may grow past the window (a focused
  // field scrolled into view would otherwise shift the whole frame).
  principal: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, overflow: 'hidden' },
  contenu: { flexGrow: 1, minHeight: 0, overflow: 'hidden' },
});

const composantsEcrans: Record<Ecran, () => ReactElement> = {
  demandes: EcranDemandes,
  registre: EcranRegistre,
  cartes: EcranCartes,
  statistiques: EcranStatistiques,
  parametres: EcranParametres,
};

/** Loads what every screen needs, and keeps it fresh when the register changes. */
function useDonneesCommunes(): void {
  useEffect(() => {
    const ecranAuDepart = useNavigation.getState().ecran;
    void useCommune
      .getState()
      .charger()
      .then(() => {
        // First start: the commune comes first (it names the extracts and the platform label).
        // Not when the user has already gone to a screen while it loaded (a busy start, such as
        // 10,000 requests being matched): a screen chosen is not taken away.
        const { etat, commune } = useCommune.getState();
        if (etat === 'pret' && !commune && useNavigation.getState().ecran === ecranAuDepart)
          useNavigation.getState().aller('parametres');
      });
    void useBarreEtat.getState().chargerInformations();
    void useBarreEtat.getState().rafraichirStatistiques();
    return api.ecouter('registre.modifie', (c) => {
      void useBarreEtat.getState().rafraichirStatistiques();
      if (useRecherche.getState().texteResultats !== null)
        void useRecherche.getState().rechercherMaintenant(c.raison === 'saisie' ? useFiche.getState().id : null);
      const { id } = useFiche.getState();
      // Another world (real / training) has other acts: the open one is not there.
      if (id !== null && c.raison === 'monde') useFiche.getState().fermer();
      else if (id !== null && (c.raison === 'restauration' || c.ids?.includes(id))) void useFiche.getState().ouvrir(id);
      if (c.raison === 'restauration' || c.raison === 'monde') {
        void useCommune.getState().charger();
        void useBarreEtat.getState().chargerInformations();
        void useDemandes.getState().charger();
      }
    });
  }, []);
}

/** The application frame: navigation, the current screen, the status bar, notifications. */
export function Application() {
  const styles = useStyles();
  const ecran = useNavigation((e) => e.ecran);
  const [aide, setAide] = useState(false);
  const ouvrirAide = useCallback(() => setAide(true), []);
  useDonneesCommunes();
  useRaccourcis(ouvrirAide);

  useEffect(() => {
    document.title = `${libelleEcran[ecran]} — Registre`;
  }, [ecran]);

  const EcranCourant = composantsEcrans[ecran];
  return (
    <div className={styles.racine}>
      <BandeauFormation />
      <div className={styles.cadre}>
        <Navigation surAideClavier={ouvrirAide} />
        <main className={styles.principal} aria-label={libelleEcran[ecran]}>
          <BandeauCommune />
          <div className={styles.contenu}>
            <EcranCourant />
          </div>
        </main>
        <BarreEtat />
        {/* Above the status bar, never over its announcement. */}
        <Toaster toasterId={ID_NOTIFICATIONS} position="bottom-end" offset={{ vertical: 40 }} />
        {aide && <DialogueRaccourcis ouvert surFermer={() => setAide(false)} />}
      </div>
    </div>
  );
}
