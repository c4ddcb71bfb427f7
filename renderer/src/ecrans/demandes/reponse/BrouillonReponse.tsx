import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { DetailReponse } from '../../../../../shared/contract/reponses';
import { formaterHorodatage } from '../../../composants/format';
import { libelleEtatReponse, libelleForme, libelleMotif, referenceActe } from './libelles';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  texte: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '16em',
    overflow: 'auto',
  },
  xml: {
    whiteSpace: 'pre',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    margin: 0,
    maxHeight: '16em',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalS,
  },
});

/** The answer prepared: exactly what will be sent, the French text, and the XML on demand. */
export function BrouillonReponse(props: { reponse: DetailReponse; xmlVisible: boolean }) {
  const styles = useStyles();
  const r = props.reponse;
  const quoi =
    r.sens === 'positive'
      ? `Réponse positive (${r.forme ? libelleForme[r.forme] : 'acte'}${r.acte ? `, ${referenceActe(r.acte)}` : ''})`
      : `Réponse négative : ${r.motif ? libelleMotif[r.motif] : ''}`;
  return (
    <section className={styles.racine} aria-labelledby="titre-brouillon">
      <Text as="h3" id="titre-brouillon" weight="semibold">
        {quoi} — {libelleEtatReponse[r.etat]}
        {r.specimen ? ' (spécimen)' : ''}
      </Text>
      <Text size={200}>
        Préparée {r.prepareePar ? `par ${r.prepareePar} ` : ''}le {formaterHorodatage(r.prepareeLe)}
        {r.commentaire ? ` ; commentaire : ${r.commentaire}` : ''}
      </Text>
      {r.confirmations.map((c) => (
        <Text size={200} key={c.acteId}>
          Écarté : {c.designation}, confirmé par {c.confirmeePar} le {formaterHorodatage(c.confirmeeLe)}.
        </Text>
      ))}
      {r.acteModifieDepuis && (
        <MessageBar intent="warning">
          <MessageBarBody>
            L’acte a été modifié dans le registre depuis la rédaction : préparez la réponse de nouveau (P) ou
            vérifiez-la.
          </MessageBarBody>
        </MessageBar>
      )}
      {r.horsCandidats && <Text size={200}>Acte choisi hors des candidats du rapprochement.</Text>}
      <Text size={200}>Ce qui sera envoyé :</Text>
      <pre className={styles.texte} aria-label="Texte de la réponse" tabIndex={0}>
        {r.texte}
      </pre>
      {props.xmlVisible && (
        <pre className={styles.xml} aria-label="XML de la réponse" tabIndex={0}>
          {r.xml}
        </pre>
      )}
    </section>
  );
}
