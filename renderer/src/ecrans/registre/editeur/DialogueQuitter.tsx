import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

/** Asked before leaving the editor with unsaved changes. */
export function DialogueQuitter(props: {
  ouvert: boolean;
  surEnregistrer(): void;
  surAbandonner(): void;
  surRester(): void;
}) {
  return (
    <Dialog open={props.ouvert} modalType="alert" onOpenChange={(_, d) => !d.open && props.surRester()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Modifications non enregistrées</DialogTitle>
          <DialogContent>
            L’acte en cours de saisie n’est pas enregistré. Voulez-vous l’enregistrer avant de quitter l’éditeur ?
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.surEnregistrer}>
              Enregistrer
            </Button>
            <Button onClick={props.surAbandonner}>Quitter sans enregistrer</Button>
            <Button appearance="subtle" onClick={props.surRester}>
              Continuer la saisie
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
