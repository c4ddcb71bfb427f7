import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { DialogueLecture } from './DialogueLecture';
import { listeRaccourcis } from './raccourcis';

export function DialogueRaccourcis(props: { ouvert: boolean; surFermer(): void }) {
  return (
    <DialogueLecture ouvert={props.ouvert} titre="Raccourcis clavier" surFermer={props.surFermer}>
      {/* The list is longer than the dialog: focusable, so the keyboard scrolls it (arrows, pages). */}
      <div tabIndex={0} role="region" aria-label="Liste des raccourcis">
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
      </div>
    </DialogueLecture>
  );
}
