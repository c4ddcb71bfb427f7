import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { EtatPinSchema } from '../../../shared/contract/carte';
import type { z } from 'zod';

type EtatPin = z.infer<typeof EtatPinSchema>;

/** What the dialog needs to know about the card (from the card state, never the PIN). */
export interface CartePourPin {
  label: string;
  etatPin: EtatPin;
  pinMin: number;
  pinMax: number;
  cheminProtege: boolean;
  nature: 'carte' | 'formation';
}

const useStyles = makeStyles({
  surface: { maxWidth: '460px' },
  contenu: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entete: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  aide: { color: tokens.colorNeutralForeground2 },
});

const avisEssais: Record<EtatPin, { intent: 'info' | 'warning' | 'error'; texte: string } | null> = {
  normal: null,
  essais_bas: { intent: 'warning', texte: 'Peu d’essais restants : vérifiez le code avant de valider.' },
  dernier_essai: { intent: 'error', texte: 'Dernier essai : un code faux bloquera la carte.' },
  bloque: {
    intent: 'error',
    texte: 'La carte est bloquée. Le responsable cartes peut la débloquer avec le code de déblocage (écran Cartes).',
  },
};

/**
 * The PIN dialog: masked, never pre-filled, emptied after each attempt, shows how many tries
 * are left ("dernier essai" before the final one), and can always be cancelled (button or
 * Escape). It never retries by itself: each attempt is the holder's.
 */
export function DialoguePin(props: {
  ouvert: boolean;
  carte: CartePourPin | null;
  /** What the PIN is for, e.g. "pour signer 3 réponses". */
  motif: string;
  /** The previous attempt's error, in French. */
  erreur: string | null;
  enCours: boolean;
  surValider(pin: string): void;
  surAnnuler(): void;
}) {
  const styles = useStyles();
  const [pin, setPin] = useState('');
  const champ = useRef<HTMLInputElement>(null);
  const idAvis = useId();
  const { carte, ouvert } = props;

  // Never pre-filled, and nothing kept between openings or after an attempt.
  useEffect(() => {
    setPin('');
  }, [ouvert, props.erreur]);
  useEffect(() => {
    if (ouvert && !props.enCours) champ.current?.focus();
  }, [ouvert, props.enCours, props.erreur]);

  const bloque = carte?.etatPin === 'bloque';
  const longueurOk =
    !!carte && pin.length >= Math.max(1, carte.pinMin) && pin.length <= (carte.pinMax > 0 ? carte.pinMax : 64);
  const peutValider = !!carte && !bloque && !props.enCours && (carte.cheminProtege || longueurOk);
  const avis = carte ? avisEssais[carte.etatPin] : null;

  const valider = (e: FormEvent) => {
    e.preventDefault();
    if (!peutValider) return;
    const saisi = pin;
    setPin('');
    props.surValider(carte!.cheminProtege ? '' : saisi);
  };

  return (
    <Dialog
      open={ouvert}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) props.surAnnuler();
      }}
    >
      <DialogSurface className={styles.surface} aria-describedby={idAvis}>
        <form onSubmit={valider}>
          <DialogBody>
            <DialogTitle>Code PIN de la carte</DialogTitle>
            <DialogContent className={styles.contenu}>
              <div className={styles.entete}>
                <Text>
                  Carte <strong>{carte?.label ?? ''}</strong> — {props.motif}.
                </Text>
                {carte?.nature === 'formation' && (
                  <Badge appearance="tint" color="warning">
                    carte de formation
                  </Badge>
                )}
              </div>
              <div id={idAvis} aria-live="assertive">
                {/* The last attempt's error already says what is left; otherwise the card's state does. */}
                {props.erreur ? (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>{props.erreur}</MessageBarBody>
                  </MessageBar>
                ) : (
                  avis && (
                    <MessageBar intent={avis.intent} layout="multiline">
                      <MessageBarBody>{avis.texte}</MessageBarBody>
                    </MessageBar>
                  )
                )}
              </div>
              {carte?.cheminProtege ? (
                <Text className={styles.aide}>
                  Ce lecteur a son propre clavier : après « Continuer », tapez le code sur le lecteur. Registre ne le
                  voit jamais.
                </Text>
              ) : (
                <Field
                  label="Code PIN"
                  hint={
                    carte
                      ? `Entre ${carte.pinMin} et ${carte.pinMax > 0 && carte.pinMax < 256 ? carte.pinMax : 64} caractères. Il n’est jamais enregistré.`
                      : undefined
                  }
                >
                  <Input
                    ref={champ}
                    type="password"
                    value={pin}
                    onChange={(_, d) => setPin(d.value)}
                    autoComplete="off"
                    spellCheck={false}
                    disabled={bloque || props.enCours}
                    maxLength={64}
                    aria-label="Code PIN"
                  />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                type="submit"
                disabled={!peutValider}
                icon={props.enCours ? <Spinner size="tiny" /> : undefined}
              >
                {carte?.cheminProtege ? 'Continuer' : 'Valider'}
              </Button>
              <Button appearance="secondary" type="button" onClick={props.surAnnuler}>
                Annuler
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
