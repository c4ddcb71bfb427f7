import { memo, type KeyboardEvent } from 'react';
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import type { IssueDemande } from '../../../../shared/contract/rapprochement';
import { libelleTypeActe } from '../../../../shared/labels.fr';
import { EtatVide } from '../../composants/EtatVide';
import { formaterHorodatage } from '../../composants/format';
import { BadgeEtat } from './BadgeEtat';
import { jourFr, joursRestantsFr, libelleDemandeur } from './libelles';
import { libelleIssue } from './reponse/libelles';

function issueFr(i: IssueDemande | undefined): string {
  if (!i || i.issue === null) return 'En cours…';
  const score = i.issue !== 'aucun' && i.score !== null ? ` (${i.score} %)` : '';
  return `${libelleIssue[i.issue]}${score}${i.perime ? ', à refaire' : ''}`;
}

/** The listed requests counted by matching outcome, as the inbox's header says it. */
function comptesIssues(demandes: ResumeDemande[], issues: Record<number, IssueDemande>): string {
  const c = { sur: 0, a_verifier: 0, aucun: 0, enCours: 0 };
  for (const d of demandes) {
    const i = issues[d.id]?.issue;
    if (i) c[i]++;
    else c.enCours++;
  }
  const parties = [
    `${libelleIssue.sur} : ${c.sur}`,
    `${libelleIssue.a_verifier} : ${c.a_verifier}`,
    `${libelleIssue.aucun} : ${c.aucun}`,
  ];
  if (c.enCours) parties.push(`en cours : ${c.enCours}`);
  return `Rapprochement des demandes listées — ${parties.join(' ; ')}`;
}

/** Only a request still to answer, matched "sûr" and up to date, takes the P shortcut. */
const repondable = (d: ResumeDemande, i: IssueDemande | undefined) =>
  i?.issue === 'sur' &&
  !i.perime &&
  d.cycle !== 'repondue' &&
  ['recue', 'en_cours', 'a_echeance', 'en_retard'].includes(d.etat);

const useStyles = makeStyles({
  ligne: {
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  aide: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  // One line per request: a long name is cut with an ellipsis, whole in its tooltip.
  uneLigne: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '22em', display: 'block' },
});

/** The requests "Traiter à la suite" opens one after the other: nothing sent for them yet. */
export const aTraiter = (d: ResumeDemande) =>
  (d.cycle === 'recue' || d.cycle === 'en_cours') && ['recue', 'en_cours', 'a_echeance', 'en_retard'].includes(d.etat);

/**
 * Up and down move between rows, Enter (or a click anywhere on the row) opens the request, P
 * answers a "sûr" one positively (its draft joins the answers to sign), T treats the requests
 * one after the other from this one.
 */
function clavierLigne(
  e: KeyboardEvent<HTMLTableRowElement>,
  ouvrir: () => void,
  repondre: (() => void) | null,
  traiter: () => void,
) {
  const ligne = e.currentTarget;
  const simple = !e.ctrlKey && !e.altKey && !e.metaKey;
  if (e.key === 'Enter') {
    e.preventDefault();
    ouvrir();
  } else if (repondre && e.key.toLowerCase() === 'p' && simple) {
    e.preventDefault();
    repondre();
  } else if (e.key.toLowerCase() === 't' && simple) {
    e.preventDefault();
    traiter();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const voisine = e.key === 'ArrowDown' ? ligne.nextElementSibling : ligne.previousElementSibling;
    if (voisine instanceof HTMLElement) voisine.focus();
  }
}

/**
 * The requests received, most urgent first; each row opens the request. Memoised: an answer
 * prepared elsewhere on the screen does not redraw the rows.
 */
export const ListeDemandes = memo(function ListeDemandes(props: {
  demandes: ResumeDemande[];
  total: number;
  issues: Record<number, IssueDemande>;
  surOuvrir: (id: number) => void;
  surRepondre: (id: number) => void;
  /** From this request (or the first) on, the requests to treat one after the other. */
  surTraiter: (depuis: number | null) => void;
}) {
  const styles = useStyles();
  if (props.demandes.length === 0) {
    return (
      <EtatVide titre="Aucune demande dans cette liste">
        Les demandes arrivent à chaque mise à jour (automatique pendant les heures de bureau, ou avec le bouton « Mettre
        à jour »).
      </EtatVide>
    );
  }
  return (
    <>
      <div className={styles.aide}>
        <Button size="small" appearance="primary" onClick={() => props.surTraiter(null)}>
          Traiter à la suite (T)
        </Button>
        <Text weight="semibold" id="comptes-rapprochement">
          {comptesIssues(props.demandes, props.issues)}
        </Text>
        <Text size={200}>
          ↑ ↓ : parcourir ; Entrée : ouvrir la demande ; P : répondre positivement à une demande « sûre » (la réponse
          rejoint les réponses à signer) ; T : traiter à la suite, chaque réponse ouvre la demande suivante.
        </Text>
      </div>
      <Table aria-label="Demandes reçues" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>État</TableHeaderCell>
            <TableHeaderCell>Acte</TableHeaderCell>
            <TableHeaderCell>Personne</TableHeaderCell>
            <TableHeaderCell>Rapprochement</TableHeaderCell>
            <TableHeaderCell>Demandeur</TableHeaderCell>
            <TableHeaderCell>Mise à disposition</TableHeaderCell>
            <TableHeaderCell>À traiter avant le</TableHeaderCell>
            <TableHeaderCell>Délai</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.demandes.map((d) => (
            <TableRow
              key={d.id}
              className={styles.ligne}
              tabIndex={0}
              aria-label={`Ouvrir la demande ${d.idPlateforme} : ${d.personne.nom} ${d.personne.prenoms.join(' ')}`}
              onClick={() => props.surOuvrir(d.id)}
              onKeyDown={(e) =>
                clavierLigne(
                  e,
                  () => props.surOuvrir(d.id),
                  repondable(d, props.issues[d.id]) ? () => props.surRepondre(d.id) : null,
                  () => props.surTraiter(d.id),
                )
              }
            >
              <TableCell>
                <BadgeEtat demande={d} />
              </TableCell>
              <TableCell>
                {libelleTypeActe[d.typeActe]}
                {d.specimen && ' (spécimen)'}
              </TableCell>
              <TableCell>
                <span className={styles.uneLigne} title={`${d.personne.nom} ${d.personne.prenoms.join(' ')}`}>
                  {d.personne.nom} {d.personne.prenoms.join(' ')}
                </span>
              </TableCell>
              <TableCell>{issueFr(props.issues[d.id])}</TableCell>
              <TableCell>
                <span
                  className={styles.uneLigne}
                  title={`${libelleDemandeur[d.demandeur.type]} — ${d.demandeur.reference}`}
                >
                  {libelleDemandeur[d.demandeur.type]} — {d.demandeur.reference}
                </span>
              </TableCell>
              <TableCell>{formaterHorodatage(d.misADisposition)}</TableCell>
              <TableCell>{jourFr(d.jourLimite)}</TableCell>
              <TableCell>
                {d.etat === 'accusee' || d.etat === 'repondue' || d.etat === 'purgee'
                  ? '—'
                  : joursRestantsFr(d.joursRestants)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.total > props.demandes.length && (
        <Text size={200}>
          {props.demandes.length} demandes affichées sur {props.total}.
        </Text>
      )}
    </>
  );
});
