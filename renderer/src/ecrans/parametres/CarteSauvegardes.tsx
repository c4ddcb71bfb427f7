import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { ArrowCounterclockwise20Regular, Save20Regular } from '@fluentui/react-icons';
import type { SortieAppel } from '../../../../shared/contract';
import { api } from '../../api';
import { formaterHorodatage, formaterOctets } from '../../composants/format';
import { messageErreur } from '../../composants/messageErreur';
import { useNotifier } from '../../composants/notifications';
import { useBarreEtat } from '../../store/barreEtat';
import { useCommune } from '../../store/commune';
import { useFiche } from '../../store/fiche';
import { useRecherche } from '../../store/recherche';
import { Section } from '../../composants/Section';

type Sauvegarde = SortieAppel<'base.listerSauvegardes'>[number];

/** Backups of the database: make one now, see them, restore one (after a confirmation). */
export function CarteSauvegardes() {
  const notifier = useNotifier();
  const [liste, setListe] = useState<Sauvegarde[] | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);
  const [aRestaurer, setARestaurer] = useState<Sauvegarde | null>(null);

  const charger = useCallback(async () => {
    try {
      setListe(await api.appeler('base.listerSauvegardes', {}));
      setErreur(null);
    } catch (e) {
      setErreur(messageErreur(e));
    }
  }, []);
  useEffect(() => void charger(), [charger]);

  const sauvegarder = async () => {
    setEnCours(true);
    try {
      const s = await api.appeler('base.sauvegarder', {});
      notifier('success', 'Sauvegarde créée', `${s.nom} (${formaterOctets(s.octets)})`);
      await charger();
    } catch (e) {
      notifier('error', 'Sauvegarde impossible', messageErreur(e));
    } finally {
      setEnCours(false);
    }
  };

  const restaurer = async (s: Sauvegarde) => {
    setARestaurer(null);
    setEnCours(true);
    try {
      const r = await api.appeler('base.restaurer', { nom: s.nom });
      notifier(
        'success',
        'Base restaurée',
        `La base remplacée a été copiée dans le fichier ${r.sauvegardePrecedente}.`,
      );
      // Everything shown may have changed.
      useFiche.getState().fermer();
      await Promise.all([
        useCommune.getState().charger(),
        useBarreEtat.getState().rafraichirStatistiques(),
        useRecherche.getState().rechercherMaintenant(),
        charger(),
      ]);
    } catch (e) {
      notifier('error', 'Restauration impossible', messageErreur(e));
    } finally {
      setEnCours(false);
    }
  };

  return (
    <Section
      id="titre-sauvegardes"
      titre="Sauvegardes"
      description="Une sauvegarde est une copie complète du registre, faite sans arrêter l’application. Copiez régulièrement le dossier des sauvegardes sur un support rangé hors de la mairie."
    >
      <div>
        <Button
          appearance="primary"
          icon={enCours ? <Spinner size="tiny" /> : <Save20Regular />}
          disabled={enCours}
          onClick={sauvegarder}
        >
          Sauvegarder maintenant
        </Button>
      </div>
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      {liste && liste.length === 0 && <Text>Aucune sauvegarde pour l’instant.</Text>}
      {liste && liste.length > 0 && (
        <Table size="small" aria-label="Sauvegardes disponibles">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Fichier</TableHeaderCell>
              <TableHeaderCell>Créée le</TableHeaderCell>
              <TableHeaderCell>Taille</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Action</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {liste.map((s) => (
              <TableRow key={s.nom}>
                <TableCell>{s.nom}</TableCell>
                <TableCell>{formaterHorodatage(s.creeeLe)}</TableCell>
                <TableCell>{formaterOctets(s.octets)}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    icon={<ArrowCounterclockwise20Regular />}
                    disabled={enCours}
                    onClick={() => setARestaurer(s)}
                    aria-label={`Restaurer la sauvegarde du ${formaterHorodatage(s.creeeLe)}`}
                  >
                    Restaurer
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {aRestaurer && (
        <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && setARestaurer(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Restaurer cette sauvegarde ?</DialogTitle>
              <DialogContent>
                {`Le registre et les paramètres reviendront à leur état du ${formaterHorodatage(aRestaurer.creeeLe)}. `}
                Ce qui a été saisi ou modifié depuis n’y figurera plus. La base actuelle est d’abord copiée à part, à
                côté de la base, au cas où.
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void restaurer(aRestaurer)}>
                  Restaurer
                </Button>
                <Button onClick={() => setARestaurer(null)}>Annuler</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </Section>
  );
}
