import { useEffect, useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Switch,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { ParametresCarte } from '../../../../shared/contract/carte';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';
import { useNotifier } from '../../composants/notifications';
import { dateFr } from './libelles';
import { useCartes } from './store';

type Reglages = ParametresCarte & { confiance: { sujet: string; empreinte: string; fin: string }[] };

const useStyles = makeStyles({
  pile: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  ligne: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  pem: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * The card's settings: the PKCS#11 library (empty = try the known ones in turn), real or
 * training mode, the trust list used to verify signatures; and, in training mode, the
 * training card ("carte de formation").
 */
export function ReglagesCarte() {
  const styles = useStyles();
  const notifier = useNotifier();
  const etat = useCartes((e) => e.etat);
  const [reglages, setReglages] = useState<Reglages | null>(null);
  const [bibliotheque, setBibliotheque] = useState('');
  const [pem, setPem] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);

  useEffect(() => {
    api
      .appeler('carte.lireParametres', {})
      .then((r) => {
        setReglages(r);
        setBibliotheque(r.bibliotheque ?? '');
      })
      .catch((e) => setErreur(messageErreur(e)));
  }, []);

  const enregistrer = async (modification: Partial<ParametresCarte>, message: string) => {
    setErreur(null);
    try {
      const r = await api.appeler('carte.enregistrerParametres', modification);
      setReglages(r);
      setBibliotheque(r.bibliotheque ?? '');
      notifier('success', message);
      return true;
    } catch (e) {
      setErreur(messageErreur(e));
      return false;
    }
  };
  const ajouterConfiance = async (e: FormEvent) => {
    e.preventDefault();
    if (!reglages) return;
    if (
      await enregistrer({ confiancePem: `${reglages.confiancePem}\n${pem}`.trim() }, 'Liste de confiance enregistrée')
    )
      setPem('');
  };

  if (!reglages) return erreur ? <Text>{erreur}</Text> : null;
  return (
    <div className={styles.pile}>
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      <form
        className={styles.ligne}
        onSubmit={(e) => {
          e.preventDefault();
          void enregistrer({ bibliotheque: bibliotheque.trim() || null }, 'Bibliothèque PKCS#11 enregistrée');
        }}
      >
        <Field
          label="Bibliothèque PKCS#11"
          hint="Vide : Registre essaie les bibliothèques connues (kit ANTS, OpenSC) l’une après l’autre."
          style={{ flexGrow: 1 }}
        >
          <Input
            value={bibliotheque}
            onChange={(_, d) => setBibliotheque(d.value)}
            placeholder="C:\Program Files\…\pkcs11.dll"
          />
        </Field>
        <Button type="submit">Enregistrer</Button>
      </form>
      <ul className={styles.liste} aria-label="Bibliothèques PKCS#11">
        {(etat?.bibliotheques ?? []).map((b) => (
          <li key={b.chemin}>
            <Text>{b.chemin}</Text>{' '}
            <Badge appearance="tint" color={b.chargee ? 'success' : 'danger'}>
              {b.chargee ? (b.description ?? 'chargée') : (b.erreur ?? 'indisponible')}
            </Badge>
          </li>
        ))}
      </ul>
      <Switch
        checked={reglages.mode === 'formation'}
        label="Mode formation (carte de formation, plateforme d’essai, base d’entraînement séparée du registre)"
        onChange={(_, d) =>
          void enregistrer(
            { mode: d.checked ? 'formation' : 'reelle' },
            d.checked ? 'Mode formation activé' : 'Mode réel activé',
          )
        }
      />
      {reglages.mode === 'formation' && (
        <CreationCarteFormation existe={!!etat?.lecteurs.some((l) => l.carte?.nature === 'formation')} />
      )}
      <div>
        <Text as="h3" block weight="semibold">
          Liste de confiance
        </Text>
        {reglages.confiance.length === 0 ? (
          <Text as="p">Aucune autorité : aucune signature ne peut être vérifiée.</Text>
        ) : (
          <ul className={styles.liste}>
            {reglages.confiance.map((c) => (
              <li key={c.empreinte}>
                {c.sujet} — jusqu’au {dateFr(c.fin)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <form className={styles.pile} onSubmit={ajouterConfiance}>
        <Field label="Ajouter une autorité (certificat PEM)">
          <Textarea
            className={styles.pem}
            value={pem}
            onChange={(_, d) => setPem(d.value)}
            rows={4}
            placeholder="-----BEGIN CERTIFICATE-----"
          />
        </Field>
        <div className={styles.ligne}>
          <Button type="submit" disabled={!pem.trim()}>
            Ajouter à la liste de confiance
          </Button>
          {reglages.confiance.length > 0 && (
            <Button onClick={() => void enregistrer({ confiancePem: '' }, 'Liste de confiance vidée')}>
              Vider la liste
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}

/** Issues the training card (software keys in the user's folder), training mode only. */
function CreationCarteFormation(props: { existe: boolean }) {
  const styles = useStyles();
  const notifier = useNotifier();
  const [champs, setChamps] = useState({ prenom: '', nom: '', pin: '', codeDeblocage: '' });
  const [erreur, setErreur] = useState<string | null>(null);
  const creer = async (e: FormEvent) => {
    e.preventDefault();
    const saisie = champs;
    setChamps({ ...champs, pin: '', codeDeblocage: '' });
    try {
      useCartes.getState().remplacer(await api.appeler('carte.creerFormation', saisie));
      notifier('success', 'Carte de formation créée');
      setErreur(null);
    } catch (err) {
      setErreur(messageErreur(err));
    }
  };
  const maj = (k: keyof typeof champs) => (_: unknown, d: { value: string }) =>
    setChamps((c) => ({ ...c, [k]: d.value }));
  return (
    <form className={styles.pile} onSubmit={creer} aria-label="Carte de formation">
      <Text>
        {props.existe
          ? 'Une carte de formation existe. En créer une nouvelle remplace l’ancienne.'
          : 'Créez la carte de formation pour vous exercer à signer : elle n’est jamais acceptée par la plateforme réelle.'}
      </Text>
      {erreur && (
        <MessageBar intent="error">
          <MessageBarBody>{erreur}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.ligne}>
        <Field label="Prénom" required>
          <Input value={champs.prenom} onChange={maj('prenom')} />
        </Field>
        <Field label="Nom" required>
          <Input value={champs.nom} onChange={maj('nom')} />
        </Field>
        <Field label="Code PIN (4 à 8)" required>
          <Input type="password" autoComplete="off" value={champs.pin} onChange={maj('pin')} maxLength={8} />
        </Field>
        <Field label="Code de déblocage (4 à 8)" required>
          <Input
            type="password"
            autoComplete="off"
            value={champs.codeDeblocage}
            onChange={maj('codeDeblocage')}
            maxLength={8}
          />
        </Field>
        <Button type="submit" disabled={!champs.prenom || !champs.nom || !champs.pin || !champs.codeDeblocage}>
          Créer la carte de formation
        </Button>
      </div>
    </form>
  );
}
