import { useState } from 'react';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  formulaire: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Setting a request aside needs a comment (why, what is awaited); a form inside the request's dialog. */
export function FormulaireMiseDeCote(props: {
  erreur: string | null;
  surValider: (commentaire: string) => void;
  surAnnuler: () => void;
  /** No card session: the comment typed stays, and is saved once a session returns. */
  verrouille: boolean;
}) {
  const styles = useStyles();
  const [commentaire, setCommentaire] = useState('');
  const valider = () => {
    if (commentaire.trim() && !props.verrouille) props.surValider(commentaire.trim());
  };
  return (
    <form
      className={styles.formulaire}
      aria-labelledby="titre-mise-de-cote"
      onKeyDown={(e) => {
        // Échap leaves the form, not the request.
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.surAnnuler();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        valider();
      }}
    >
      <Text as="h3" id="titre-mise-de-cote" weight="semibold">
        Mettre la demande de côté
      </Text>
      <Field label="Commentaire (pourquoi, ce qui est attendu)" required validationMessage={props.erreur ?? undefined}>
        <Textarea
          autoFocus
          value={commentaire}
          onChange={(_, d) => setCommentaire(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey) {
              e.preventDefault();
              valider();
            }
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!commentaire.trim() || props.verrouille}>
          Mettre de côté (Ctrl+Entrée)
        </Button>
        <Button onClick={props.surAnnuler}>Annuler</Button>
      </div>
    </form>
  );
}
