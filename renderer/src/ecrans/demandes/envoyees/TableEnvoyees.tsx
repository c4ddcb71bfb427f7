import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { formaterHorodatage } from '../../../composants/format';
import { jourFr } from '../libelles';
import { BadgeSuivi } from './BadgeSuivi';
import { libelleMotifEnvoyee } from './libelles';

const useStyles = makeStyles({
  suite: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  refus: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  ligne: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
});

/** What may be done to a draft (never once signed): change it in the form, or delete it. */
export interface ActionsBrouillon {
  surModifier(d: DemandeEnvoyee): void;
  surSupprimer(d: DemandeEnvoyee): void;
}

/** What came back: the verified answer to read, a refused one's reason, the receipt, the last day. */
function Suite(props: { d: DemandeEnvoyee; surLire(id: number): void; brouillon?: ActionsBrouillon }) {
  const styles = useStyles();
  const { d } = props;
  return (
    <div className={styles.suite}>
      {d.reponse && (
        <Button size="small" appearance="primary" onClick={() => props.surLire(d.id)}>
          Lire la réponse {d.reponse.sens === 'positive' ? 'positive' : 'négative'}
        </Button>
      )}
      {d.refus.map((r) => (
        <Text key={r.recueLe} className={styles.refus}>
          Réponse refusée (quarantaine) le {formaterHorodatage(r.recueLe)} : {r.raison}
        </Text>
      ))}
      {d.rejet && <Text className={styles.refus}>Rejetée par la plateforme : {d.rejet}</Text>}
      {!d.reponse && d.jourLimite && <Text>Réponse attendue au plus tard le {jourFr(d.jourLimite)}</Text>}
      {d.recepisse && <Text size={200}>Accusé {d.recepisse}</Text>}
      {d.etat === 'brouillon' && props.brouillon && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => props.brouillon!.surModifier(d)}>
            Modifier
          </Button>
          <Button size="small" onClick={() => props.brouillon!.surSupprimer(d)}>
            Supprimer le brouillon
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * A list of requests sent: the file, the commune asked, the person, the state and what came back.
 * With `brouillon`, a draft's row is focusable and Enter opens it in the form, to change it.
 */
export function TableEnvoyees(props: {
  titre: string;
  demandes: DemandeEnvoyee[];
  surLire(id: number): void;
  brouillon?: ActionsBrouillon;
}) {
  const styles = useStyles();
  const { brouillon } = props;
  return (
    <Table aria-label={props.titre} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Dossier</TableHeaderCell>
          <TableHeaderCell>Commune demandée</TableHeaderCell>
          <TableHeaderCell>Personne</TableHeaderCell>
          <TableHeaderCell>État</TableHeaderCell>
          <TableHeaderCell>Suite</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.demandes.map((d) => (
          <TableRow
            key={d.id}
            {...(brouillon && d.etat === 'brouillon'
              ? {
                  className: styles.ligne,
                  tabIndex: 0,
                  'aria-keyshortcuts': 'Enter',
                  onKeyDown: (e: KeyboardEvent) => {
                    // Only the row itself: Enter on one of its buttons is the button's.
                    if (e.key === 'Enter' && e.target === e.currentTarget) {
                      e.preventDefault();
                      brouillon.surModifier(d);
                    }
                  },
                }
              : {})}
          >
            <TableCell>
              {libelleMotifEnvoyee[d.motif]} {d.reference}
              {d.dateProcedure ? `, le ${jourFr(d.dateProcedure)}` : ''}
            </TableCell>
            <TableCell>
              {d.destinataire.nom} ({d.destinataire.departement})
            </TableCell>
            <TableCell>{d.personne}</TableCell>
            <TableCell>
              <BadgeSuivi etat={d.etat} />
            </TableCell>
            <TableCell>
              <Suite d={d} surLire={props.surLire} brouillon={brouillon} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
