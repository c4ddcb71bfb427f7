import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { useNotifier } from '../../composants/notifications';
import { useAnnuaire } from './annuaire/store';
import { useCartes } from './store';

const useStyles = makeStyles({
  formulaire: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  // Fields align on their inputs (one has a hint below it); the button sits level with the inputs, under no label.
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    paddingTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})`,
  },
});

type Action = 'changer' | 'debloquer';

/**
 * The holder's and the card manager's PIN tools: change the PIN (old + new), or unblock it with
 * the unblocking code (PUK) and set a new one. Fields are masked, never pre-filled, and
 * emptied after every attempt, successful or not.
 */
export function GestionPin() {
  const styles = useStyles();
  const notifier = useNotifier();
  const etat = useCartes((e) => e.etat);
  const cartes = (etat?.lecteurs ?? []).flatMap((l) => (l.carte ? [l.carte] : []));
  // Once the directory exists, unblocking is offered to the card manager and their deputy only
  // (the main process refuses anyone else as well).
  const deblocageReserve = useAnnuaire((e) => e.etat?.existe === true && !e.etat.poste.peutGererAnnuaire);
  const [choix, setAction] = useState<Action>('changer');
  const action: Action = deblocageReserve ? 'changer' : choix;
  const [jetonId, setJetonId] = useState('');
  const [premier, setPremier] = useState('');
  const [nouveau, setNouveau] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);

  const carte = cartes.find((c) => c.id === jetonId) ?? cartes[0];
  const vider = () => {
    setPremier('');
    setNouveau('');
    setConfirmation('');
  };
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    if (!carte) return;
    const [a, n, c] = [premier, nouveau, confirmation];
    vider();
    if (n !== c) {
      setErreur('Le nouveau code et sa confirmation sont différents.');
      return;
    }
    setErreur(null);
    setEnCours(true);
    try {
      if (action === 'changer')
        await api.appeler('carte.changerPin', { jetonId: carte.id, ancienPin: a, nouveauPin: n });
      else await api.appeler('carte.debloquerPin', { jetonId: carte.id, codeDeblocage: a, nouveauPin: n });
      notifier('success', action === 'changer' ? 'Code PIN changé' : 'Carte débloquée', `Carte ${carte.label}.`);
    } catch (err) {
      setErreur(messageErreur(err));
    } finally {
      setEnCours(false);
    }
  };

  if (cartes.length === 0) return null;
  const masque = { type: 'password' as const, autoComplete: 'off', spellCheck: false, maxLength: 64 };
  return (
    <form onSubmit={envoyer} aria-label="Code PIN de la carte">
      <RadioGroup
        layout="horizontal"
        value={action}
        onChange={(_, d) => (setAction(d.value as Action), setErreur(null), vider())}
      >
        <Radio value="changer" label="Changer le code PIN" />
        {!deblocageReserve && <Radio value="debloquer" label="Débloquer avec le code de déblocage (PUK)" />}
      </RadioGroup>
      {erreur && (
        <MessageBar intent="error" style={{ margin: `${tokens.spacingVerticalS} 0` }}>
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.formulaire}>
        {cartes.length > 1 && (
          <Field label="Carte">
            <Select value={carte?.id} onChange={(_, d) => setJetonId(d.value)}>
              {cartes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={action === 'changer' ? 'Code PIN actuel' : 'Code de déblocage (PUK)'} required>
          <Input {...masque} value={premier} onChange={(_, d) => setPremier(d.value)} />
        </Field>
        <Field
          label="Nouveau code PIN"
          required
          hint={
            carte
              ? `Entre ${carte.pinMin} et ${carte.pinMax > 0 && carte.pinMax < 256 ? carte.pinMax : 64} caractères`
              : undefined
          }
        >
          <Input {...masque} value={nouveau} onChange={(_, d) => setNouveau(d.value)} />
        </Field>
        <Field label="Confirmation du nouveau code" required>
          <Input {...masque} value={confirmation} onChange={(_, d) => setConfirmation(d.value)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={enCours || !premier || !nouveau || !confirmation}>
            {action === 'changer' ? 'Changer le code' : 'Débloquer la carte'}
          </Button>
        </div>
      </div>
    </form>
  );
}
