import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { Dismiss20Regular, Save20Regular } from '@fluentui/react-icons';
import type { Acte } from '../../../../../shared/domain/acte';
import { libelleTypeActe } from '../../../../../shared/labels.fr';
import { api } from '../../../api';
import { useNotifier } from '../../../composants/notifications';
import { useBarreEtat } from '../../../store/barreEtat';
import { formulaireModifie, useEditeur } from '../../../store/editeur';
import { useFiche } from '../../../store/fiche';
import { useNavigation } from '../../../store/navigation';
import { useRecherche } from '../../../store/recherche';
import { useReponse } from '../../demandes/reponse/store';
import { BlocActe } from './BlocActe';
import { BlocEvenement } from './BlocEvenement';
import { BlocMentions } from './BlocMentions';
import { BlocPersonne } from './BlocPersonne';
import { idChamp } from './chemins';
import { DialogueQuitter } from './DialogueQuitter';
import { rolesParType } from './formulaire';
import { MessagesEditeur } from './MessagesEditeur';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  entete: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titre: { flexGrow: 1 },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ':not(:empty)': { paddingTop: tokens.spacingVerticalM },
  },
  corps: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  formulaire: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  pied: { display: 'flex', gap: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalL },
});

function titreEditeur(
  type: Acte['type'],
  id: number | undefined,
  annee: string,
  numero: string,
  demande: string | undefined,
): string {
  const type_ = libelleTypeActe[type].toLowerCase();
  if (demande)
    return id === undefined
      ? `Saisir l’acte de ${type_} de la demande ${demande}`
      : `Compléter l’acte de ${type_} n° ${numero} de ${annee} (demande ${demande})`;
  if (id === undefined) return 'Nouvel acte';
  return `Modifier l’acte de ${type_} n° ${numero} de ${annee}`;
}

/**
 * Keying in or correcting one act, keyboard first: fields in reading order, Ctrl+S saves,
 * Échap asks to leave. Nothing typed is lost: errors only add messages, a draft follows every
 * change, leaving with unsaved changes asks first (and the browser warns on reload/close).
 */
export function EditeurActe() {
  const styles = useStyles();
  const notifier = useNotifier();
  const racine = useRef<HTMLFormElement>(null);
  const type = useEditeur((e) => e.formulaire.type);
  const id = useEditeur((e) => e.formulaire.id);
  const annee = useEditeur((e) => e.formulaire.annee);
  const numero = useEditeur((e) => e.formulaire.numero);
  const modifie = useEditeur(formulaireModifie);
  const enregistrement = useEditeur((e) => e.enregistrement);
  const demandeFocusErreur = useEditeur((e) => e.demandeFocusErreur);
  const poserGarde = useNavigation((e) => e.poserGarde);
  const [sortieEnAttente, setSortieEnAttente] = useState<(() => void) | null>(null);
  // The title names the act as it was opened, not as its number is being retyped.
  const demande = useEditeur((e) => e.formulaire.depuisDemande?.idPlateforme);
  const [titre] = useState(() => titreEditeur(type, id, annee, numero, demande));

  const enregistrer = useCallback(async (): Promise<boolean> => {
    const source = useEditeur.getState().formulaire.depuisDemande;
    const acte = await useEditeur.getState().enregistrer();
    if (!acte) {
      useBarreEtat.getState().annoncer('Acte non enregistré : voir les messages.');
      return false;
    }
    useFiche.getState().montrer(acte);
    if (source) {
      // Back to the request, the act beside its declaration and the answer drafted from it.
      const { indexation } = useEditeur.getState();
      void useBarreEtat.getState().rafraichirStatistiques();
      if (indexation?.reponse)
        notifier('success', 'Acte enregistré', 'Réponse positive préparée depuis l’acte : relisez-la.');
      else notifier('warning', 'Acte enregistré, réponse non préparée', indexation?.sansReponse ?? undefined);
      useBarreEtat.getState().annoncer('Acte enregistré.');
      useNavigation.setState({ ecran: 'demandes' });
      void useReponse.getState().ouvrir(source.demandeId);
      return true;
    }
    void useRecherche.getState().rechercherMaintenant();
    void useBarreEtat.getState().rafraichirStatistiques();
    notifier('success', 'Acte enregistré', `${libelleTypeActe[acte.type]} n° ${acte.numero} de ${acte.annee}`);
    useBarreEtat.getState().annoncer('Acte enregistré.');
    return true;
  }, [notifier]);

  const fermer = useCallback(() => {
    useNavigation.getState().quitterPuis(() => useEditeur.getState().abandonner());
  }, []);

  // Leaving the editor (another screen, Ctrl+N, Annuler) with unsaved changes asks first.
  useEffect(() => {
    poserGarde((partir) => {
      if (!formulaireModifie(useEditeur.getState())) {
        useEditeur.getState().abandonner();
        partir();
        return true;
      }
      setSortieEnAttente(() => partir);
      return true;
    });
    return () => poserGarde(null);
  }, [poserGarde]);

  // The browser (or Electron window) warns before a reload or close with unsaved changes.
  useEffect(() => {
    const avertir = (e: BeforeUnloadEvent) => {
      if (formulaireModifie(useEditeur.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', avertir);
    return () => window.removeEventListener('beforeunload', avertir);
  }, []);

  // Only when the editor opens: the first field of a new act, the year of an existing one; from a
  // request, the number (what the paper register gives first: the rest is pre-filled).
  const [premierChamp] = useState(() => (demande ? 'numero' : id === undefined ? 'type' : 'annee'));
  useEffect(() => {
    document.getElementById(idChamp(premierChamp))?.focus();
  }, [premierChamp]);

  useEffect(() => {
    if (!demandeFocusErreur) return;
    requestAnimationFrame(() => racine.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }, [demandeFocusErreur]);

  const surTouche = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void enregistrer();
    } else if (e.key === 'Escape' && !e.defaultPrevented && !sortieEnAttente) {
      // Escape inside an open list (commune suggestions) is handled by the list itself.
      if ((e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
      e.preventDefault();
      fermer();
    }
  };

  const repartir = async () => {
    const idActe = useEditeur.getState().formulaire.id;
    let acte: Acte | null = null;
    if (idActe !== undefined) {
      const fiche = useFiche.getState().acte;
      acte = fiche?.id === idActe ? fiche : await api.appeler('registre.lire', { id: idActe }).catch(() => null);
    }
    useEditeur.getState().repartir(acte);
  };

  return (
    <form
      ref={racine}
      className={styles.racine}
      aria-label={titre}
      onKeyDown={surTouche}
      // Enter must never save by accident (it picks a commune, adds a line in a mention):
      // saving is Ctrl+S or the buttons, which are not submit buttons.
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      <div className={styles.entete}>
        <Text as="h2" size={600} weight="semibold" className={styles.titre} style={{ margin: 0 }}>
          {titre}
          {modifie && (
            <Text size={300} weight="regular" style={{ marginLeft: 12, color: tokens.colorNeutralForeground3 }}>
              (modifié)
            </Text>
          )}
        </Text>
        {enregistrement && <Spinner size="tiny" label="Enregistrement…" />}
        <Button
          appearance="primary"
          icon={<Save20Regular />}
          disabled={enregistrement}
          aria-keyshortcuts="Control+S"
          onClick={() => void enregistrer()}
        >
          Enregistrer (Ctrl+S)
        </Button>
        <Button icon={<Dismiss20Regular />} onClick={fermer} aria-keyshortcuts="Escape">
          Fermer
        </Button>
      </div>
      {/* Outside the scrolling part: a failed save is seen wherever the officer is in the form. */}
      <div className={styles.messages}>
        <MessagesEditeur surRepartir={() => void repartir()} />
      </div>
      <div className={styles.corps}>
        <div className={styles.formulaire}>
          <BlocActe nouveau={id === undefined} />
          <BlocEvenement type={type} />
          {rolesParType[type].map((role) => (
            <BlocPersonne key={`${type}-${role}`} type={type} role={role} />
          ))}
          <BlocMentions />
        </div>
        <div className={styles.pied}>
          <Button appearance="primary" disabled={enregistrement} onClick={() => void enregistrer()}>
            Enregistrer l’acte
          </Button>
          <Button onClick={fermer}>Fermer sans enregistrer</Button>
        </div>
      </div>
      {sortieEnAttente && (
        <DialogueQuitter
          ouvert
          surRester={() => setSortieEnAttente(null)}
          surAbandonner={() => {
            const partir = sortieEnAttente;
            setSortieEnAttente(null);
            useEditeur.getState().abandonner();
            partir?.();
          }}
          surEnregistrer={async () => {
            const partir = sortieEnAttente;
            setSortieEnAttente(null);
            if (await enregistrer()) partir?.();
          }}
        />
      )}
    </form>
  );
}
