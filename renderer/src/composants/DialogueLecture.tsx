import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * The one frame of the dialogs that only show something (shortcuts, a request, a connection
 * test): a title, a wait or an error, the content, and "Fermer". Fermer is the primary button
 * unless the dialog offers another action, which then comes first.
 */
export function DialogueLecture(props: {
  ouvert: boolean;
  titre: string;
  surFermer: () => void;
  /** Label of the spinner shown while the content is awaited; nothing when absent. */
  attente?: string | null;
  erreur?: string | null;
  /** Id of the element that sums the dialog up, for screen readers. */
  resume?: string;
  /** Other buttons, shown before Fermer. */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Dialog open={props.ouvert} onOpenChange={(_, d) => !d.open && props.surFermer()}>
      <DialogSurface aria-describedby={props.resume}>
        <DialogBody>
          <DialogTitle>{props.titre}</DialogTitle>
          <DialogContent>
            {props.attente && <Spinner label={props.attente} />}
            {props.erreur && <Text>{props.erreur}</Text>}
            {props.children}
          </DialogContent>
          <DialogActions>
            {props.actions}
            <Button appearance={props.actions ? 'secondary' : 'primary'} onClick={props.surFermer}>
              Fermer
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
