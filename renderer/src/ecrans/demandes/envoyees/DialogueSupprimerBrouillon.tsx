import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { libelleMotifEnvoyee } from './libelles';

/**
 * Asked before a draft is deleted: it will never be signed nor sent. Its row stays in the follow-up
 * as "abandonnée" (the life cycle's discard: what was written is never lost from the file).
 */
export function DialogueSupprimerBrouillon(props: {
  demande: DemandeEnvoyee | null;
  surConfirmer(id: number): void;
  surAnnuler(): void;
}) {
  const d = props.demande;
  return (
    <Dialog open={d !== null} modalType="alert" onOpenChange={(_, o) => !o.open && props.surAnnuler()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Supprimer le brouillon ?</DialogTitle>
          <DialogContent>
            {d &&
              `${libelleMotifEnvoyee[d.motif]} ${d.reference}, demande à ${d.destinataire.nom} : elle ne sera ni signée ni envoyée. Elle reste dans le suivi comme abandonnée.`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => d && props.surConfirmer(d.id)}>
              Supprimer le brouillon
            </Button>
            <Button onClick={props.surAnnuler}>Garder le brouillon</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
