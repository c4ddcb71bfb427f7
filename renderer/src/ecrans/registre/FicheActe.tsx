import { useRef, useState } from 'react';
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentText20Regular, Edit20Regular } from '@fluentui/react-icons';
import type { SorteExtrait } from '../../../../shared/contract/registre';
import { sortesDelivrables } from '../../../../shared/domain/extraits';
import { rolesParType } from './editeur/formulaire';
import { libellesEvenement } from './editeur/presentation';
import { libelleMention, libelleProvenance, libelleTypeActe } from '../../../../shared/labels.fr';
import { EtatVide } from '../../composants/EtatVide';
import { useEditeur } from '../../store/editeur';
import { useFiche } from '../../store/fiche';
import { useNavigation } from '../../store/navigation';
import { DialogueExtrait, libelleSorte } from './DialogueExtrait';
import { texteDate, texteLieu } from './presentationActe';
import { ListeDefinitions, SectionPersonne } from './SectionPersonne';

const useStyles = makeStyles({
  racine: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  entete: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titre: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  barre: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  separateur: {
    width: '1px',
    alignSelf: 'stretch',
    backgroundColor: tokens.colorNeutralStroke2,
    margin: `0 ${tokens.spacingHorizontalXS}`,
  },
  corps: {
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  personnes: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18em, 1fr))',
    gap: tokens.spacingVerticalL,
  },
  mention: {
    borderLeft: `3px solid ${tokens.colorBrandStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  sectionMentions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mentions: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
});

/** The act opened from the results: all its data, its marginal mentions, extracts and correction. */
export function FicheActe() {
  const styles = useStyles();
  const { acte, etat, erreur } = useFiche();
  const [sorte, setSorte] = useState<SorteExtrait | null>(null);
  // The button that opened the extract gets the focus back when it closes (keyboard users).
  const declencheur = useRef<HTMLButtonElement | null>(null);
  const fermerExtrait = () => {
    setSorte(null);
    requestAnimationFrame(() => declencheur.current?.focus());
  };

  if (etat === 'vide')
    return (
      <EtatVide titre="Aucun acte ouvert">
        Choisissez un acte dans la liste (flèches haut et bas, puis Entrée) pour voir tout son contenu, en produire un
        extrait ou le corriger.
      </EtatVide>
    );
  if (etat === 'chargement') return <Spinner label="Lecture de l’acte…" style={{ marginTop: 48 }} />;
  if (etat === 'erreur' || !acte)
    return (
      <MessageBar intent="error" style={{ margin: 24 }}>
        <MessageBarBody>{erreur ?? 'Acte illisible.'}</MessageBarBody>
      </MessageBar>
    );

  const evenement = libellesEvenement[acte.type];
  const modifier = () => useNavigation.getState().quitterPuis(() => useEditeur.getState().ouvrirActe(acte));
  const personnes = rolesParType[acte.type]
    .map((r) => acte.personnes.find((p) => p.role === r))
    .filter((p) => p !== undefined);

  return (
    <article className={styles.racine} aria-labelledby="titre-fiche">
      <header className={styles.entete}>
        <div className={styles.titre}>
          <Text as="h2" id="titre-fiche" size={600} weight="semibold" style={{ margin: 0 }}>
            {`Acte de ${libelleTypeActe[acte.type].toLowerCase()} n° ${acte.numero} de ${acte.annee}`}
          </Text>
          {acte.indexe ? (
            <Badge appearance="tint" color="success">
              Indexé
            </Badge>
          ) : (
            <Badge appearance="tint" color="warning">
              Non indexé
            </Badge>
          )}
          <Badge appearance="outline" color="informative">
            {libelleProvenance(acte)}
          </Badge>
        </div>
        <div className={styles.barre} role="group" aria-label="Actions sur l’acte">
          <Button appearance="primary" size="small" icon={<Edit20Regular />} onClick={modifier} aria-keyshortcuts="F2">
            Modifier (F2)
          </Button>
          <span className={styles.separateur} aria-hidden="true" />
          {sortesDelivrables(acte.type).map((s) => (
            <Button
              key={s}
              size="small"
              icon={<DocumentText20Regular />}
              onClick={(e) => {
                declencheur.current = e.currentTarget;
                setSorte(s);
              }}
            >
              {libelleSorte[s]}
            </Button>
          ))}
        </div>
      </header>
      <div className={styles.corps}>
        <section aria-label="Acte et événement">
          <ListeDefinitions
            elements={[
              [evenement.date, texteDate(acte.dateEvenement)],
              [evenement.lieu, texteLieu(acte.lieuEvenement)],
              ['Date de l’acte', texteDate(acte.dateActe)],
              ['Registre', `${libelleTypeActe[acte.type]}, année ${acte.annee}, n° ${acte.numero}`],
            ]}
          />
        </section>
        <div className={styles.personnes}>
          {personnes.map((p) => (
            <SectionPersonne key={p.role} type={acte.type} personne={p} />
          ))}
        </div>
        <section aria-labelledby="titre-mentions" className={styles.sectionMentions}>
          <Text as="h3" id="titre-mentions" size={400} weight="semibold" style={{ margin: 0 }}>
            Mentions marginales
          </Text>
          {acte.mentions.length === 0 ? (
            <Text as="p" style={{ margin: 0 }}>
              Aucune mention marginale.
            </Text>
          ) : (
            <ul className={styles.mentions}>
              {acte.mentions.map((m, i) => (
                <li key={i} className={styles.mention}>
                  <Text weight="semibold">
                    {libelleMention[m.type]}
                    {m.date ? ` — ${texteDate(m.date)}` : ''}
                  </Text>
                  <Text>{m.texte}</Text>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {/* A fresh dialog for each opening: Fluent then moves the focus in, and back to the button on close. */}
      {acte.id !== undefined && sorte && (
        <DialogueExtrait key={sorte} idActe={acte.id} sorte={sorte} surFermer={fermerExtrait} />
      )}
    </article>
  );
}
