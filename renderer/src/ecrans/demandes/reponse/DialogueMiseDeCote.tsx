import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';

/** Setting a request aside needs a comment (why, what is awaited). */
export function DialogueMiseDeCote(props: {
  ouvert: boolean;
  erreur: string | null;
  surValider: (commentaire: string) => void;
  surAnnuler: () => void;
}) {
  const [commentaire, setCommentaire] = useState('');
  const valider = () => {
    if (commentaire.trim()) props.surValider(commentaire.trim());
  };
  return (
    <Dialog open={props.ouvert} onOpenChange={(_, d) => !d.open && props.surAnnuler()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            valider();
          }}
        >
          <DialogBody>
            <DialogTitle>Mettre la demande de côté</DialogTitle>
            <DialogContent>
              <Field
                label="Commentaire (pourquoi, ce qui est attendu)"
                required
                validationMessage={props.erreur ?? undefined}
              >
                <Textarea
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
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!commentaire.trim()}>
                Mettre de côté (Ctrl+Entrée)
              </Button>
              <Button onClick={props.surAnnuler}>Annuler</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
