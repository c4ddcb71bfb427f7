import { makeStyles, tokens } from '@fluentui/react-components';
import type { DetailDemande } from '../../../../../shared/contract/demandes';
import { libelleTypeActe } from '../../../../../shared/labels.fr';
import { formaterHorodatage } from '../../../composants/format';
import { BadgeEtat } from '../BadgeEtat';
import { jourFr, libelleEtatEnvoi, nomDemandeur } from '../libelles';

const useStyles = makeStyles({
  grille: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
});

const lieu = (l: { commune: string; pays: string | null } | null) =>
  l ? `${l.commune}${l.pays ? ` (${l.pays})` : ''}` : '—';
const personne = (p: { nom: string; prenoms: string[] } | null) => (p ? `${p.nom} ${p.prenoms.join(' ')}` : '—');

/** One request as declared by the requester: state, requester, dates, the persons declared, the sendings. */
export function FicheDemande(props: { demande: DetailDemande }) {
  const styles = useStyles();
  const d = props.demande;
  return (
    <dl className={styles.grille}>
      <dt>État</dt>
      <dd>
        <BadgeEtat demande={d} />
      </dd>
      <dt>Acte demandé</dt>
      <dd>
        {libelleTypeActe[d.typeActe]}
        {d.specimen ? ' (demande spécimen)' : ''}
      </dd>
      <dt>Demandeur</dt>
      <dd>
        {nomDemandeur(d)}, réf. {d.demandeur.reference}
      </dd>
      <dt>Mise à disposition</dt>
      <dd>{formaterHorodatage(d.misADisposition)} (par la plateforme ; le délai court depuis cette date)</dd>
      <dt>Téléchargée le</dt>
      <dd>{formaterHorodatage(d.recueLe)}</dd>
      <dt>Personne</dt>
      <dd>
        {personne(d.declaration.personne)}
        {d.declaration.personne.nomUsage ? ` (nom d’usage ${d.declaration.personne.nomUsage})` : ''}
      </dd>
      <dt>Naissance</dt>
      <dd>
        {d.declaration.personne.dateNaissance ? jourFr(d.declaration.personne.dateNaissance) : '—'},{' '}
        {lieu(d.declaration.personne.lieuNaissance)}
      </dd>
      <dt>Père</dt>
      <dd>{personne(d.declaration.pere)}</dd>
      <dt>Mère</dt>
      <dd>{personne(d.declaration.mere)}</dd>
      {d.declaration.conjoint && (
        <>
          <dt>Conjoint</dt>
          <dd>{personne(d.declaration.conjoint)}</dd>
        </>
      )}
      {d.declaration.evenement && (
        <>
          <dt>Événement</dt>
          <dd>
            {d.declaration.evenement.date ? jourFr(d.declaration.evenement.date) : '—'},{' '}
            {lieu(d.declaration.evenement.lieu)}
          </dd>
        </>
      )}
      <dt>À traiter avant le</dt>
      <dd>
        {jourFr(d.jourLimite)}
        {d.echeanceProcedure ? ' (délai de la procédure du demandeur)' : ''}
      </dd>
      <dt>Envois</dt>
      <dd>
        {d.envois.length
          ? d.envois
              .map(
                (e) =>
                  `${libelleEtatEnvoi[e.etat]}${e.recepisse ? ` (${e.recepisse})` : ''}${e.motifRejet ? ` : ${e.motifRejet}` : ''}`,
              )
              .join(' ; ')
          : 'aucun'}
      </dd>
    </dl>
  );
}
