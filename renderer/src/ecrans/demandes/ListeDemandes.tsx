import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import type { IssueDemande } from '../../../../shared/contract/rapprochement';
import { EtatVide } from '../../composants/EtatVide';
import { LigneDemande, COLONNES, HAUTEUR_LIGNE_DEMANDE } from './LigneDemande';
import { repondable } from './selection';
import { libelleIssue } from './reponse/libelles';
import { useReponse } from './reponse/store';
import { useDemandes } from './store';

const HAUTEUR_ENTETE = 34;

/** A key on a row: the row's index and its request (undefined while its page is being read). */
type Touche = (e: KeyboardEvent<HTMLElement>, index: number, d: ResumeDemande | undefined) => void;

/** The listed requests counted by matching outcome (all of them, in SQL), as the inbox's header says it. */
export function comptesIssues(c: Record<'sur' | 'a_verifier' | 'aucun' | 'en_cours', number>, specimens: number) {
  const parties = [
    `${libelleIssue.sur} : ${c.sur}`,
    `${libelleIssue.a_verifier} : ${c.a_verifier}`,
    `${libelleIssue.aucun} : ${c.aucun}`,
  ];
  if (c.en_cours) parties.push(`en cours : ${c.en_cours}`);
  const aPart = specimens
    ? ` (${specimens} spécimen${specimens > 1 ? 's' : ''} à part, non compté${specimens > 1 ? 's' : ''})`
    : '';
  return `Rapprochement des demandes listées — ${parties.join(' ; ')}${aPart}`;
}

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, gap: tokens.spacingVerticalS },
  aide: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  defilement: { flexGrow: 1, minHeight: '120px', overflow: 'auto', position: 'relative' },
  tableau: { display: 'grid', minWidth: '1000px', borderCollapse: 'collapse' },
  entete: {
    display: 'grid',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  ligneEntete: { display: 'grid', gridTemplateColumns: COLONNES, height: `${HAUTEUR_ENTETE}px`, alignItems: 'center' },
  celluleEntete: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  corps: { display: 'block', position: 'relative' },
});

const ENTETES = [
  'État',
  'Acte',
  'Personne',
  'Rapprochement',
  'Demandeur',
  'Mise à disposition',
  'À traiter avant le',
  'Délai',
];

/**
 * The requests received, most urgent first, virtualised: only the rows in view (and a few
 * around) exist in the page, the others are read by pages as they come into view, so 10,000
 * requests scroll as smoothly as 10. Keyboard, on a row: up and down move, Page up/down move by
 * a screen, Home and End go to the first and last request; Enter (or a click) opens it, P
 * answers a "sûr" one positively (its draft joins the answers to sign), T treats the requests
 * one after the other from this one.
 */
export const ListeDemandes = memo(function ListeDemandes(props: {
  issues: Record<number, IssueDemande>;
  surOuvrir: (id: number) => void;
  surRepondre: (id: number) => void;
  /** From this request (or the first) on, the requests to treat one after the other. */
  surTraiter: (depuis: number | null) => void;
}) {
  const styles = useStyles();
  const lignes = useDemandes((e) => e.lignes);
  const liste = useDemandes((e) => e.liste);
  const generation = useDemandes((e) => e.generation);
  const total = lignes.length;
  const conteneur = useRef<HTMLDivElement>(null);
  // The row to focus once it is drawn (a jump to a row not in the page yet: End, Page down).
  const aFocaliser = useRef<number | null>(null);
  const virtualiseur = useVirtualizer({
    count: total,
    getScrollElement: () => conteneur.current,
    estimateSize: () => HAUTEUR_LIGNE_DEMANDE,
    overscan: 10,
    scrollMargin: HAUTEUR_ENTETE,
    scrollPaddingStart: HAUTEUR_ENTETE,
  });
  const visibles = virtualiseur.getVirtualItems();
  const premier = visibles[0]?.index ?? 0;
  const dernier = visibles.at(-1)?.index ?? 0;

  // The pages the rows in view need, read as they come into view (and again after a new listing).
  useEffect(() => {
    if (total > 0) void useDemandes.getState().voir(premier, dernier);
  }, [premier, dernier, total, generation]);

  const clavierCourant = useRef<Touche>(() => {});
  const surTouche = useCallback<Touche>((e, index, d) => clavierCourant.current(e, index, d), []);

  // The request closed (Échap, or answered): the keyboard goes back to the row it was opened
  // from, unless the focus went somewhere on purpose.
  const ouverte = useRef<number | null>(null);
  useEffect(
    () =>
      useReponse.subscribe((e, avant) => {
        if (avant.id === null || e.id !== null || ouverte.current === null) return;
        const i = ouverte.current;
        ouverte.current = null;
        // The dialog fades out first: wait until it is gone (a second at most).
        let essais = 60;
        const rendre = () => {
          if (document.querySelector('[role="dialog"]') && essais-- > 0) return void requestAnimationFrame(rendre);
          const actif = document.activeElement;
          if (actif && actif !== document.body && !actif.closest('[role="dialog"]')) return;
          virtualiseur.scrollToIndex(i, { align: 'auto' });
          const el = conteneur.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
          if (el) el.focus({ preventScroll: true });
          else aFocaliser.current = i;
        };
        requestAnimationFrame(rendre);
      }),
    [virtualiseur],
  );

  useEffect(() => {
    const i = aFocaliser.current;
    if (i === null) return;
    const el = conteneur.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (el) {
      aFocaliser.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const aller = (index: number) => {
    const i = Math.max(0, Math.min(total - 1, index));
    virtualiseur.scrollToIndex(i, { align: 'auto' });
    const el = conteneur.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (el) el.focus({ preventScroll: true });
    else aFocaliser.current = i;
  };

  const parEcran = Math.max(
    1,
    Math.floor(((conteneur.current?.clientHeight ?? 400) - HAUTEUR_ENTETE) / HAUTEUR_LIGNE_DEMANDE) - 1,
  );

  const clavier: Touche = (e, index, d) => {
    const simple = !e.ctrlKey && !e.altKey && !e.metaKey;
    const deplacements: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + parEcran,
      PageUp: index - parEcran,
      Home: 0,
      End: total - 1,
    };
    if (e.key in deplacements && simple) {
      e.preventDefault();
      aller(deplacements[e.key]);
    } else if (!d) {
      return;
    } else if (e.key === 'Enter') {
      e.preventDefault();
      ouverte.current = index;
      props.surOuvrir(d.id);
    } else if (e.key.toLowerCase() === 'p' && simple && repondable(d, props.issues[d.id])) {
      e.preventDefault();
      props.surRepondre(d.id);
    } else if (e.key.toLowerCase() === 't' && simple) {
      e.preventDefault();
      props.surTraiter(d.id);
    }
  };
  // The rows are memoised: they all get one stable key handler, which calls this render's one
  // (it reads the current total, page size and callbacks). A new function at each render made
  // every row in view render again at each arrow key.
  useLayoutEffect(() => {
    clavierCourant.current = clavier;
  });

  if (total === 0) {
    if (!liste) return null;
    return (
      <EtatVide titre="Aucune demande dans cette liste">
        Les demandes arrivent à chaque mise à jour (automatique pendant les heures de bureau, ou avec le bouton « Mettre
        à jour »). Des filtres peuvent aussi cacher des demandes.
      </EtatVide>
    );
  }

  return (
    <div className={styles.racine}>
      <div className={styles.aide}>
        <Button size="small" appearance="primary" onClick={() => props.surTraiter(null)}>
          Traiter à la suite (T)
        </Button>
        {liste && (
          <Text weight="semibold" id="comptes-rapprochement">
            {comptesIssues(liste.rapprochement, liste.specimens)}
          </Text>
        )}
        <Text size={200}>
          ↑ ↓ : parcourir (Début, Fin, Page préc./suiv. : plus loin) ; Entrée : ouvrir la demande ; P : répondre
          positivement à une demande « sûre » (la réponse rejoint les réponses à signer) ; T : traiter à la suite,
          chaque réponse ouvre la demande suivante.
        </Text>
      </div>
      <div ref={conteneur} className={styles.defilement}>
        <table className={styles.tableau} role="table" aria-label="Demandes reçues" aria-rowcount={total + 1}>
          <thead className={styles.entete} role="rowgroup">
            <tr className={styles.ligneEntete} role="row" aria-rowindex={1}>
              {ENTETES.map((t) => (
                <th key={t} className={styles.celluleEntete} role="columnheader" scope="col">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody
            className={styles.corps}
            role="rowgroup"
            style={{ height: virtualiseur.getTotalSize() - HAUTEUR_ENTETE }}
          >
            {visibles.map((v) => {
              const d = lignes[v.index];
              return (
                <LigneDemande
                  // by position: a row being read keeps its focus when its request arrives
                  key={v.index}
                  index={v.index}
                  haut={v.start - HAUTEUR_ENTETE}
                  demande={d}
                  issue={d ? props.issues[d.id] : undefined}
                  surOuvrir={props.surOuvrir}
                  surTouche={surTouche}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      <Text size={200} role="status">
        {total} demande{total > 1 ? 's' : ''} dans cette liste
        {liste?.specimens
          ? `, dont ${liste.specimens} spécimen${liste.specimens > 1 ? 's' : ''} (test de raccordement, traité comme une demande, jamais compté)`
          : ''}
        .
      </Text>
    </div>
  );
});
