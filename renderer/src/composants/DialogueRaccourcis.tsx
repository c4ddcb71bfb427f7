import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { listeRaccourcis } from './raccourcis';

export function DialogueRaccourcis(props: { ouvert: boolean; surFermer(): void }) {
  return (
    <Dialog open={props.ouvert} onOpenChange={(_, d) => !d.open && props.surFermer()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Raccourcis clavier</DialogTitle>
          <DialogContent>
            <Table size="small" aria-label="Raccourcis clavier">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Touches</TableHeaderCell>
                  <TableHeaderCell>Action</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {listeRaccourcis.map(([touches, action]) => (
                  <TableRow key={touches}>
                    <TableCell>
                      <kbd>{touches}</kbd>
                    </TableCell>
                    <TableCell>{action}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.surFermer}>
              Fermer
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
