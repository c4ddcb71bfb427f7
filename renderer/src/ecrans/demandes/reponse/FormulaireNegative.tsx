import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { MotifsNegatifs, type ApercuReponse } from '../../../../../shared/contract/reponses';
import { RegistreError } from '../../../../../shared/errors';
import { api } from '../../../api';
import { messageErreur } from '../../../composants/messageErreur';
import { libelleMotif, referenceActe } from './libelles';

const useStyles = makeStyles({
  contenu: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Motif = (typeof MotifsNegatifs)[number];
interface Reference {
  acteId: number;
  type: 'naissance' | 'mariage' | 'deces';
  annee: number;
  numero: number;
}
/** What the backend refused: the candidates to name, or the acts to index first. */
type Garde =
  | { code: 'confirmation_requise'; message: string; candidats: (Reference & { designation: string })[] }
  | { code: 'acte_a_indexer'; message: string; actes: Reference[] };

function lireGarde(e: unknown, apercu: ApercuReponse): Garde | null {
  if (!(e instanceof RegistreError)) return null;
  if (e.code === 'confirmation_requise') {
    const bruts = (e.details?.candidats ?? []) as Reference[];
    const candidats = bruts.map((c) => ({
      ...c,
      designation:
        apercu.garde.aConfirmer.find((a) => a.acteId === c.acteId)?.designation ??
        apercu.rapprochement.candidats.find((a) => a.acteId === c.acteId)?.designation ??
        referenceActe(c),
    }));
    return { code: 'confirmation_requise', message: e.message, candidats };
  }
  if (e.code === 'acte_a_indexer')
    return { code: 'acte_a_indexer', message: e.message, actes: (e.details?.actes ?? []) as Reference[] };
  return null;
}

/**
 * A negative answer, as a form inside the request's dialog (mounted afresh at each opening): a reason and an optional comment. When the register holds a candidate the
 * backend refuses until the officer names each one (a box ticked per act, then sent again with
 * `confirmation.acteIds`); an act known only by its number blocks it ("indexez l'acte").
 * Keyboard: Entrée on the reason or a box (Ctrl+Entrée in the comment) prepares the answer; the
 * guard, when it appears, takes the focus on its first box (Espace ticks it).
 */
export function FormulaireNegative(props: {
  apercu: ApercuReponse | null;
  surFermer: (prepare: boolean) => void;
  surOuvrirActe: (acteId: number) => void;
  /** "Saisir l’acte" for one act known only by its number: the editor, pre-filled from the request. */
  surSaisirActe: (acteId: number) => void;
  /**
   * In a run of requests: when the register holds nothing the guard would name, or once the
   * officer confirmed every candidate it named, the answer is handed over without waiting for it
   * (the backend still checks the guard, and a refusal is said loudly).
   */
  sansAttendre?: (preparation: Promise<unknown>) => void;
  /** No card session: what is typed stays, and is sent once a session returns. */
  verrouille: boolean;
}) {
  const styles = useStyles();
  const [motif, setMotif] = useState<Motif>('acte_non_detenu');
  const [commentaire, setCommentaire] = useState('');
  const [garde, setGarde] = useState<Garde | null>(null);
  const [confirmes, setConfirmes] = useState<number[]>([]);
  const [erreur, setErreur] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);

  const apercu = props.apercu;
  const aConfirmer = garde?.code === 'confirmation_requise' ? garde.candidats : [];
  const toutConfirme = aConfirmer.every((c) => confirmes.includes(c.acteId));
  const envoyer = async () => {
    if (!apercu || enCours || props.verrouille || !toutConfirme || garde?.code === 'acte_a_indexer') return;
    // Nothing the guard would name, or every candidate it named confirmed: the backend will agree.
    const rienAGarder = !garde && !apercu.garde.aConfirmer.length && !apercu.garde.aIndexer.length;
    if (props.sansAttendre && (rienAGarder || aConfirmer.length > 0)) {
      props.sansAttendre(
        api.appeler('reponses.preparerNegative', {
          demandeId: apercu.demandeId,
          motif,
          commentaire: commentaire.trim() || null,
          confirmation: aConfirmer.length ? { acteIds: aConfirmer.map((c) => c.acteId) } : null,
        }),
      );
      return;
    }
    setEnCours(true);
    setErreur(null);
    try {
      await api.appeler('reponses.preparerNegative', {
        demandeId: apercu.demandeId,
        motif,
        commentaire: commentaire.trim() || null,
        confirmation: aConfirmer.length ? { acteIds: aConfirmer.map((c) => c.acteId) } : null,
      });
      props.surFermer(true);
    } catch (e) {
      const g = lireGarde(e, apercu);
      if (g) {
        setGarde(g);
        setConfirmes([]);
      } else setErreur(messageErreur(e));
    } finally {
      setEnCours(false);
    }
  };

  return (
    <form
      className={styles.contenu}
      aria-labelledby="titre-negative"
      onKeyDown={(e) => {
        // Échap leaves the form, not the request.
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.surFermer(false);
        }
        // Browsers do not submit a form on Entrée from a radio button or a box: the form does it.
        const type = (e.target as HTMLInputElement).type;
        if (e.key === 'Enter' && (e.ctrlKey || type === 'radio' || type === 'checkbox')) {
          e.preventDefault();
          void envoyer();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void envoyer();
      }}
    >
      <Text as="h3" id="titre-negative" weight="semibold">
        Répondre négativement
      </Text>
      <Field label="Motif" required>
        <RadioGroup value={motif} onChange={(_, d) => setMotif(d.value as Motif)}>
          {MotifsNegatifs.map((m) => (
            <Radio key={m} value={m} label={libelleMotif[m]} autoFocus={m === 'acte_non_detenu'} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Commentaire (facultatif)">
        <Textarea value={commentaire} onChange={(_, d) => setCommentaire(d.value)} />
      </Field>
      {garde?.code === 'confirmation_requise' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {garde.message}
            {garde.candidats.map((c, i) => (
              <Checkbox
                key={c.acteId}
                autoFocus={i === 0}
                checked={confirmes.includes(c.acteId)}
                onChange={(_, d) =>
                  setConfirmes((l) => (d.checked ? [...l, c.acteId] : l.filter((x) => x !== c.acteId)))
                }
                label={`Je confirme que la demande ne concerne pas ${c.designation} (${referenceActe(c)})`}
              />
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {garde?.code === 'acte_a_indexer' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {garde.message} Saisissez-le depuis la demande (préremplie), ou ouvrez-le dans le registre.
            <ul className={styles.liste}>
              {garde.actes.map((a) => (
                <li key={a.acteId}>
                  <Link onClick={() => props.surOuvrirActe(a.acteId)}>Indexez l’acte : {referenceActe(a)}</Link>
                  {' — '}
                  <Link onClick={() => props.surSaisirActe(a.acteId)}>
                    Saisir depuis la demande : {referenceActe(a)}
                  </Link>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={enCours || props.verrouille || !toutConfirme || garde?.code === 'acte_a_indexer'}
        >
          {aConfirmer.length ? 'Confirmer la réponse négative' : 'Préparer la réponse négative'}
        </Button>
        <Button onClick={() => props.surFermer(false)}>Annuler</Button>
      </div>
    </form>
  );
}
