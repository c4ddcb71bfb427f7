import { useEffect, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { CommuneSchema, libellePlateforme, type Commune } from '../../../../shared/contract/parametres';
import { RegistreError } from '../../../../shared/errors';
import { api } from '../../api';
import { ChampCommune } from '../../composants/ChampCommune';
import { ChampSaisie } from '../../composants/ChampSaisie';
import { messageErreur } from '../../composants/messageErreur';
import { useNotifier } from '../../composants/notifications';
import { useCommune } from '../../store/commune';
import { erreursDesDetails } from '../registre/editeur/champs';

type Champ = keyof Commune;
const vide: Commune = { nom: '', codeInsee: '', departement: '', emailFonctionnel: '' };

const useStyles = makeStyles({
  grille: {
    display: 'grid',
    gridTemplateColumns: '2fr 1fr 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
  },
  pleine: { gridColumn: '1 / -1' },
  libelle: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: '2px 6px',
    borderRadius: tokens.borderRadiusSmall,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** Messages of the contract's own schema, by field (the same rules the main process applies). */
function verifier(c: Commune): Partial<Record<Champ, string>> {
  const r = CommuneSchema.safeParse(c);
  if (r.success) return {};
  const erreurs: Partial<Record<Champ, string>> = {};
  for (const i of r.error.issues) erreurs[i.path[0] as Champ] ??= i.message;
  return erreurs;
}

/**
 * The commune's identity: its name chosen from the official list fills the INSEE code and the
 * department; the functional e-mail address receives the platform's alerts.
 */
export function FormulaireCommune() {
  const styles = useStyles();
  const notifier = useNotifier();
  const enregistree = useCommune((e) => e.commune);
  const remplacer = useCommune((e) => e.remplacer);
  const [commune, setCommune] = useState<Commune>(enregistree ?? vide);
  const [erreurs, setErreurs] = useState<Partial<Record<Champ, string>>>({});
  const [erreurGenerale, setErreurGenerale] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);

  // Follows what is saved (after a save, or a restore that brought back another identity).
  useEffect(() => {
    setCommune(enregistree ?? vide);
    setErreurs({});
  }, [enregistree]);

  const changer = (champ: Champ, valeur: string) => {
    const suivante = { ...commune, [champ]: valeur };
    setCommune(suivante);
    if (erreurs[champ]) setErreurs((e) => ({ ...e, [champ]: verifier(suivante)[champ] }));
  };
  const verifierChamp = (champ: Champ) => setErreurs((e) => ({ ...e, [champ]: verifier(commune)[champ] }));

  const enregistrer = async () => {
    const trouvees = verifier(commune);
    setErreurs(trouvees);
    setErreurGenerale(null);
    if (Object.keys(trouvees).length) return;
    setEnCours(true);
    try {
      const resultat = await api.appeler('parametres.enregistrerCommune', commune);
      remplacer(resultat);
      notifier('success', 'Identité de la commune enregistrée', libellePlateforme(resultat));
    } catch (e) {
      if (e instanceof RegistreError && e.code === 'saisie_invalide') {
        const parChamp: Partial<Record<Champ, string>> = {};
        for (const x of erreursDesDetails(e.details)) if (x.champ in vide) parChamp[x.champ as Champ] ??= x.raison;
        setErreurs(parChamp);
        if (!Object.keys(parChamp).length) setErreurGenerale(e.message);
      } else setErreurGenerale(messageErreur(e));
    } finally {
      setEnCours(false);
    }
  };

  const apercu = commune.nom.trim() && commune.departement.trim() ? libellePlateforme(commune) : null;
  return (
    <form
      aria-label="Identité de la commune"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void enregistrer();
      }}
    >
      <div className={styles.grille}>
        <ChampCommune
          id="commune-nom"
          libelle="Nom de la commune"
          obligatoire
          texte={commune.nom}
          codeInsee={commune.codeInsee || null}
          departement={commune.departement || null}
          erreur={erreurs.nom}
          aide="Tapez les premières lettres puis choisissez dans la liste."
          surTexte={(nom) => changer('nom', nom)}
          surChoix={(c) => {
            setCommune((x) => ({ ...x, nom: c.nom, codeInsee: c.codeInsee, departement: c.departement }));
            setErreurs((e) => ({ ...e, nom: undefined, codeInsee: undefined, departement: undefined }));
          }}
          surSortie={() => verifierChamp('nom')}
        />
        <ChampSaisie
          id="commune-insee"
          libelle="Code INSEE"
          obligatoire
          valeur={commune.codeInsee}
          erreur={erreurs.codeInsee}
          surChangement={(v) => changer('codeInsee', v.toUpperCase())}
          surSortie={() => verifierChamp('codeInsee')}
        />
        <ChampSaisie
          id="commune-departement"
          libelle="Département"
          obligatoire
          valeur={commune.departement}
          erreur={erreurs.departement}
          surChangement={(v) => changer('departement', v.toUpperCase())}
          surSortie={() => verifierChamp('departement')}
        />
        <ChampSaisie
          className={styles.pleine}
          id="commune-email"
          libelle="Adresse électronique fonctionnelle du service"
          type="email"
          obligatoire
          valeur={commune.emailFonctionnel}
          erreur={erreurs.emailFonctionnel}
          aide="Reçoit les alertes de la plateforme COMEDEC (ex. etat-civil@mairie-albi.fr)."
          surChangement={(v) => changer('emailFonctionnel', v)}
          surSortie={() => verifierChamp('emailFonctionnel')}
        />
      </div>
      <p>
        <Text>Libellé sur la plateforme COMEDEC : </Text>
        {apercu ? (
          <span className={styles.libelle} data-testid="libelle-plateforme">
            {apercu}
          </span>
        ) : (
          <Text italic>à compléter</Text>
        )}
      </p>
      {erreurGenerale && (
        <MessageBar intent="error" role="alert" style={{ marginBottom: 12 }}>
          <MessageBarBody>{erreurGenerale}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" icon={<Save20Regular />} disabled={enCours}>
          Enregistrer l’identité de la commune
        </Button>
      </div>
    </form>
  );
}
