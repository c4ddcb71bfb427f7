import { useEffect, useState } from 'react';
import { Button, Field, Input, makeStyles, Text, tokens, ToggleButton } from '@fluentui/react-components';
import { DismissRegular, SearchRegular } from '@fluentui/react-icons';
import { TypesDemandeur, type TypeDemandeur } from '../../../../shared/comedec';
import { TypesActe, type TypeActe } from '../../../../shared/domain/acte';
import { analyserDate, formaterDate } from '../../../../shared/domain/dates';
import { nombreCriteres } from '../../../../shared/domain/filtre-demandes';
import { libelleTypeActe } from '../../../../shared/labels.fr';
import { ChampDate } from '../../composants/ChampDate';
import { libelleDemandeur } from './libelles';
import { CRITERES_VIDES, useDemandes, type Filtre } from './store';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  rangee: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  groupe: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  personne: { width: '14em' },
  date: { width: '10em' },
});

const FILTRES: {
  filtre: Filtre;
  libelle: string;
  compte?: (c: Record<string, number>, a: Record<'J-2' | 'J-5', number>) => number;
}[] = [
  { filtre: 'a_traiter', libelle: 'À traiter', compte: (c) => c.recue + c.en_cours + c.a_echeance + c.en_retard },
  { filtre: 'en_retard', libelle: 'En retard', compte: (c) => c.en_retard },
  { filtre: 'J-2', libelle: 'J-2', compte: (_, a) => a['J-2'] },
  { filtre: 'J-5', libelle: 'J-5', compte: (_, a) => a['J-5'] },
  { filtre: 'repondue', libelle: 'Répondues', compte: (c) => c.repondue },
  { filtre: 'accusee', libelle: 'Accusées', compte: (c) => c.accusee },
  { filtre: 'purgee', libelle: 'Purgées', compte: (c) => c.purgee },
  { filtre: 'tout', libelle: 'Toutes' },
];

const basculer = <T,>(liste: readonly T[], v: T): T[] =>
  liste.includes(v) ? liste.filter((x) => x !== v) : [...liste, v];

/** A day typed jj/mm/aaaa as the filter takes it: aaaa-mm-jj, '' when empty, null while unreadable. */
function jourFiltre(texte: string): string | null {
  if (!texte.trim()) return '';
  const r = analyserDate(texte);
  return r.ok ? r.iso : null;
}

/**
 * The received requests' filters: state, requester kind, act type, person, and the days the
 * requests were received (made available by the platform: the day their deadline counts from). Each value shows how many requests it would list with the
 * other filters kept (specimens never counted). Typing waits a moment before listing again.
 */
export function FiltresDemandes() {
  const styles = useStyles();
  const filtre = useDemandes((e) => e.filtre);
  const criteres = useDemandes((e) => e.criteres);
  const liste = useDemandes((e) => e.liste);
  const [personne, setPersonne] = useState(criteres.personne);
  const [du, setDu] = useState(criteres.du ? formaterDate(criteres.du) : '');
  const [au, setAu] = useState(criteres.au ? formaterDate(criteres.au) : '');
  const jourDu = jourFiltre(du);
  const jourAu = jourFiltre(au);
  const ordreFaux = !!jourDu && !!jourAu && jourDu > jourAu;

  useEffect(() => {
    if (personne === useDemandes.getState().criteres.personne) return;
    const t = setTimeout(() => void useDemandes.getState().changerCriteres({ personne }), 250);
    return () => clearTimeout(t);
  }, [personne]);
  useEffect(() => {
    const c = useDemandes.getState().criteres;
    if (jourDu === null || jourAu === null || ordreFaux || (jourDu === c.du && jourAu === c.au)) return;
    const t = setTimeout(() => void useDemandes.getState().changerCriteres({ du: jourDu, au: jourAu }), 250);
    return () => clearTimeout(t);
  }, [jourDu, jourAu, ordreFaux]);

  if (!liste) return null;
  const effacer = () => {
    setPersonne('');
    setDu('');
    setAu('');
    void useDemandes.getState().changerCriteres(CRITERES_VIDES);
  };
  const n = nombreCriteres(criteres);
  return (
    <div className={styles.racine}>
      <div className={styles.groupe} role="group" aria-label="Filtrer les demandes">
        {FILTRES.map((f) => (
          <ToggleButton
            key={f.filtre}
            size="small"
            checked={filtre === f.filtre}
            onClick={() => void useDemandes.getState().choisirFiltre(f.filtre)}
          >
            {f.libelle}
            {f.compte ? ` (${f.compte(liste.compteurs, liste.alertes)})` : ''}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.rangee}>
        <div className={styles.groupe} role="group" aria-label="Filtrer par demandeur">
          <Text size={200} weight="semibold">
            Demandeur :
          </Text>
          {TypesDemandeur.map((t: TypeDemandeur) => (
            <ToggleButton
              key={t}
              size="small"
              appearance="subtle"
              checked={criteres.demandeurs.includes(t)}
              onClick={() =>
                void useDemandes.getState().changerCriteres({ demandeurs: basculer(criteres.demandeurs, t) })
              }
            >
              {libelleDemandeur[t]} ({liste.facettes.demandeurs[t]})
            </ToggleButton>
          ))}
        </div>
        <div className={styles.groupe} role="group" aria-label="Filtrer par type d’acte">
          <Text size={200} weight="semibold">
            Acte :
          </Text>
          {TypesActe.map((t: TypeActe) => (
            <ToggleButton
              key={t}
              size="small"
              appearance="subtle"
              checked={criteres.typesActe.includes(t)}
              onClick={() =>
                void useDemandes.getState().changerCriteres({ typesActe: basculer(criteres.typesActe, t) })
              }
            >
              {libelleTypeActe[t]} ({liste.facettes.typesActe[t]})
            </ToggleButton>
          ))}
        </div>
      </div>
      <div className={styles.rangee}>
        <Field label="Personne" className={styles.personne} size="small">
          <Input
            size="small"
            value={personne}
            contentBefore={<SearchRegular />}
            placeholder="nom ou prénom"
            maxLength={100}
            onChange={(_, d) => setPersonne(d.value)}
          />
        </Field>
        <ChampDate
          id="demandes-du"
          libelle="Reçues du"
          className={styles.date}
          valeur={du}
          surChangement={setDu}
          erreur={jourDu === null ? 'date illisible' : undefined}
        />
        <ChampDate
          id="demandes-au"
          libelle="au"
          className={styles.date}
          valeur={au}
          surChangement={setAu}
          erreur={jourAu === null ? 'date illisible' : ordreFaux ? 'avant la date de début' : undefined}
        />
        {n > 0 && (
          <Button size="small" icon={<DismissRegular />} onClick={effacer}>
            Effacer les filtres ({n})
          </Button>
        )}
        {n > 0 && <Text size={200}>{liste.total} demande(s) correspondent.</Text>}
      </div>
    </div>
  );
}
