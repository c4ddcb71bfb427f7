import { useEffect, useRef } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowUpload20Regular, BookOpen24Regular, Search24Regular } from '@fluentui/react-icons';
import { EtatVide } from '../../composants/EtatVide';
import { formaterNombre } from '../../composants/format';
import { useBarreEtat } from '../../store/barreEtat';
import { useEditeur } from '../../store/editeur';
import { useFiche } from '../../store/fiche';
import { useImportation } from '../../store/importation';
import { useNavigation } from '../../store/navigation';
import { LIMITE_RESULTATS, useRecherche } from '../../store/recherche';
import { BandeauBrouillons } from './BandeauBrouillons';
import { BarreRecherche } from './BarreRecherche';
import { EditeurActe } from './editeur/EditeurActe';
import { FicheActe } from './FicheActe';
import { DialogueImport } from './import/DialogueImport';
import { ListeResultats } from './ListeResultats';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  outils: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bandeaux: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` },
  panneaux: { flexGrow: 1, display: 'grid', gridTemplateColumns: 'minmax(340px, 2fr) 3fr', minHeight: 0 },
  gauche: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  resume: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    minHeight: '24px',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  liste: { flexGrow: 1, minHeight: 0 },
  droite: { minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
});

function ResumeRecherche() {
  const styles = useStyles();
  const { etat, resultats, texteResultats, dureeMs } = useRecherche();
  let texte = '';
  if (etat === 'pret' || (etat === 'chargement' && texteResultats !== null)) {
    const n = resultats.length;
    texte = texteResultats?.trim()
      ? `${n === 0 ? 'Aucun résultat' : `${formaterNombre(n)} résultat${n > 1 ? 's' : ''}`} pour « ${texteResultats.trim()} »`
      : `${formaterNombre(n)} acte${n > 1 ? 's' : ''} affiché${n > 1 ? 's' : ''}`;
    if (dureeMs !== null) texte += ` (${Math.max(1, Math.round(dureeMs))} ms)`;
    // The list is bounded: say so, rather than let "200" pass for the register's size.
    if (n >= LIMITE_RESULTATS) texte += ` — les ${LIMITE_RESULTATS} premiers : précisez la recherche`;
  }
  return (
    <div className={styles.resume}>
      <Text size={200} role="status" aria-live="polite">
        {texte}
      </Text>
      {etat === 'chargement' && <Spinner size="extra-tiny" aria-label="Recherche en cours" />}
    </div>
  );
}

function PanneauResultats(props: { surTouche(e: React.KeyboardEvent): void; surOuvrir(i: number): void }) {
  const { etat, erreur, resultats, texteResultats } = useRecherche();
  if (etat === 'erreur')
    return (
      <MessageBar intent="error" style={{ margin: 16 }}>
        <MessageBarBody>{erreur}</MessageBarBody>
      </MessageBar>
    );
  if (resultats.length === 0 && texteResultats !== null) {
    if (!texteResultats.trim())
      return (
        <EtatVide icone={<Search24Regular />} titre="Cherchez un acte">
          Tapez un nom, des prénoms, le nom d’un parent, une date (jj/mm/aaaa) ou une année. Les accents et les tirets
          sont ignorés.
        </EtatVide>
      );
    return (
      <EtatVide icone={<Search24Regular />} titre="Aucun acte ne correspond">
        Vérifiez l’orthographe, retirez un mot, ou cherchez par l’année ou le nom d’un parent. Si l’acte n’a jamais été
        saisi, créez-le avec « Nouvel acte » (Ctrl+N).
      </EtatVide>
    );
  }
  return <ListeResultats surTouche={props.surTouche} surOuvrir={props.surOuvrir} />;
}

function RegistreVide() {
  const ouvrirImport = useImportation((e) => e.ouvrir);
  const ouvrirNouveau = useEditeur((e) => e.ouvrirNouveau);
  return (
    <EtatVide
      icone={<BookOpen24Regular />}
      titre="Le registre est vide"
      actions={
        <>
          <Button appearance="primary" icon={<ArrowUpload20Regular />} onClick={ouvrirImport}>
            Importer un fichier CSV
          </Button>
          <Button icon={<Add20Regular />} onClick={() => ouvrirNouveau()}>
            Saisir un acte
          </Button>
        </>
      }
    >
      Importez l’export CSV de votre ancien logiciel ou d’un tableur (un acte par ligne), ou saisissez vos actes un à un
      au clavier. Les actes jamais indexés peuvent être saisis au fil de l’eau, à mesure des demandes.
    </EtatVide>
  );
}

/** The Registre screen: one search box, the results, the opened act; or the act editor. */
export function EcranRegistre() {
  const styles = useStyles();
  const editeurOuvert = useEditeur((e) => e.ouvert);
  const ouvrirNouveau = useEditeur((e) => e.ouvrirNouveau);
  const ouvrirImport = useImportation((e) => e.ouvrir);
  // Mounted only while open: each opening is a fresh Fluent dialog, which moves the focus in.
  const importOuvert = useImportation((e) => e.ouvert);
  const statistiques = useBarreEtat((e) => e.statistiques);
  const demandeFocus = useNavigation((e) => e.demandeFocusRecherche);
  const recherche = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (useRecherche.getState().texteResultats === null) void useRecherche.getState().rechercherMaintenant();
  }, []);

  useEffect(() => {
    if (!editeurOuvert) recherche.current?.focus();
  }, [demandeFocus, editeurOuvert]);

  const ouvrir = (index: number) => {
    const r = useRecherche.getState().resultats[index];
    if (!r) return;
    useRecherche.getState().surligner(index);
    void useFiche.getState().ouvrir(r.id);
  };

  const surTouche = (e: React.KeyboardEvent) => {
    const etat = useRecherche.getState();
    const pas: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (e.key in pas) {
      e.preventDefault();
      etat.deplacer(pas[e.key]);
    } else if (e.key === 'Enter' && etat.surligne >= 0) {
      e.preventDefault();
      ouvrir(etat.surligne);
    }
  };

  if (editeurOuvert) return <EditeurActe />;

  const registreVide = statistiques?.total === 0;
  return (
    <div className={styles.racine}>
      <div className={styles.outils} role="search">
        <BarreRecherche ref={recherche} surTouche={surTouche} />
        <Button
          appearance="primary"
          icon={<Add20Regular />}
          onClick={() => ouvrirNouveau()}
          aria-keyshortcuts="Control+N"
        >
          Nouvel acte
        </Button>
        <Button icon={<ArrowUpload20Regular />} onClick={ouvrirImport}>
          Importer un CSV
        </Button>
      </div>
      <div className={styles.bandeaux}>
        <BandeauBrouillons />
      </div>
      {registreVide ? (
        <RegistreVide />
      ) : (
        <div className={styles.panneaux}>
          <section className={styles.gauche} aria-label="Résultats">
            <ResumeRecherche />
            <div className={styles.liste}>
              <PanneauResultats surTouche={surTouche} surOuvrir={ouvrir} />
            </div>
          </section>
          <section className={styles.droite} aria-label="Acte ouvert">
            <FicheActe />
          </section>
        </div>
      )}
      {importOuvert && <DialogueImport />}
    </div>
  );
}
