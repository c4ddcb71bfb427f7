import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  tokens,
} from '@fluentui/react-components';
import type { SortieAppel } from '../../../../shared/contract';
import { PLANIFICATION_PAR_DEFAUT, type ParametresSmtp, type Planification } from '../../../../shared/contract/sync';
import { RegistreError } from '../../../../shared/errors';
import { api } from '../../api';
import { messageErreur } from '../../composants/messageErreur';

const useStyles = makeStyles({
  bloc: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalL}`,
  },
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  jours: { display: 'flex', flexWrap: 'wrap' },
});

const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const SMTP_VIDE: ParametresSmtp = {
  active: false,
  hote: '',
  port: 587,
  securite: 'starttls',
  utilisateur: null,
  expediteur: '',
};

/** Why the main process refused, by field path (`smtp.hote`), from a saisie_invalide error. */
function erreursParChamp(e: unknown): Record<string, string> {
  const liste =
    e instanceof RegistreError ? (e.details?.erreurs as { champ: string; raison: string }[] | undefined) : undefined;
  return Object.fromEntries((liste ?? []).map((x) => [x.champ, x.raison]));
}

/** The platform's address, the automatic schedule (office hours) and the alert e-mail's SMTP server. */
export function DialogueParametresSync(props: { ouvert: boolean; surFermer: (enregistre: boolean) => void }) {
  const styles = useStyles();
  const [url, setUrl] = useState('');
  const [planif, setPlanif] = useState<Planification>(PLANIFICATION_PAR_DEFAUT);
  const [smtp, setSmtp] = useState<ParametresSmtp>(SMTP_VIDE);
  const [motDePasse, setMotDePasse] = useState('');
  const [defini, setDefini] = useState(false);
  const [erreurs, setErreurs] = useState<Record<string, string>>({});
  const [erreur, setErreur] = useState<string | null>(null);

  useEffect(() => {
    if (!props.ouvert) return;
    setErreurs({});
    setErreur(null);
    setMotDePasse('');
    api
      .appeler('sync.lireParametres', {})
      .then((p: SortieAppel<'sync.lireParametres'>) => {
        setUrl(p.plateforme?.url ?? '');
        setPlanif(p.planification);
        setSmtp(
          p.smtp
            ? {
                active: p.smtp.active,
                hote: p.smtp.hote,
                port: p.smtp.port,
                securite: p.smtp.securite,
                utilisateur: p.smtp.utilisateur,
                expediteur: p.smtp.expediteur,
              }
            : SMTP_VIDE,
        );
        setDefini(p.smtp?.motDePasseDefini ?? false);
      })
      .catch((e) => setErreur(messageErreur(e)));
  }, [props.ouvert]);

  const enregistrer = async () => {
    setErreurs({});
    setErreur(null);
    try {
      await api.appeler('sync.enregistrerParametres', {
        plateforme: { adaptateur: 'bac_a_sable', url },
        planification: planif,
        ...(smtp.hote || smtp.active ? { smtp: { ...smtp, ...(motDePasse ? { motDePasse } : {}) } } : {}),
      });
      props.surFermer(true);
    } catch (e) {
      setErreurs(erreursParChamp(e));
      setErreur(messageErreur(e));
    }
  };

  const champ = (chemin: string) =>
    erreurs[chemin] ? { validationMessage: erreurs[chemin], validationState: 'error' as const } : {};
  return (
    <Dialog open={props.ouvert} onOpenChange={(_, d) => !d.open && props.surFermer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Paramètres de synchronisation</DialogTitle>
          <DialogContent>
            {erreur && (
              <MessageBar intent="error">
                <MessageBarBody>{erreur}</MessageBarBody>
              </MessageBar>
            )}
            <fieldset className={styles.bloc}>
              <legend>Plateforme COMEDEC</legend>
              <Field label="Adresse de la plateforme" required {...champ('plateforme.url')}>
                <Input value={url} onChange={(_, d) => setUrl(d.value)} placeholder="https://…" />
              </Field>
            </fieldset>
            <fieldset className={styles.bloc}>
              <legend>Mise à jour automatique (heures de bureau, heure de Paris)</legend>
              <Switch
                label="Mettre à jour automatiquement"
                checked={planif.active}
                onChange={(_, d) => setPlanif({ ...planif, active: d.checked })}
              />
              <div className={styles.ligne}>
                <Field label="Toutes les (minutes)" {...champ('planification.intervalleMinutes')}>
                  <Input
                    type="number"
                    value={String(planif.intervalleMinutes)}
                    onChange={(_, d) => setPlanif({ ...planif, intervalleMinutes: Number(d.value) })}
                  />
                </Field>
                <Field label="De" {...champ('planification.debut')}>
                  <Input
                    type="time"
                    value={planif.debut}
                    onChange={(_, d) => setPlanif({ ...planif, debut: d.value })}
                  />
                </Field>
                <Field label="À" {...champ('planification.fin')}>
                  <Input type="time" value={planif.fin} onChange={(_, d) => setPlanif({ ...planif, fin: d.value })} />
                </Field>
              </div>
              <div className={styles.jours} role="group" aria-label="Jours d’ouverture">
                {JOURS.map((j, i) => (
                  <Checkbox
                    key={j}
                    label={j}
                    checked={planif.jours.includes(i + 1)}
                    onChange={(_, d) =>
                      setPlanif({
                        ...planif,
                        jours: d.checked ? [...planif.jours, i + 1].sort() : planif.jours.filter((x) => x !== i + 1),
                      })
                    }
                  />
                ))}
              </div>
            </fieldset>
            <fieldset className={styles.bloc}>
              <legend>Courriel d’alerte (nouvelles demandes, sans donnée personnelle)</legend>
              <Switch
                label="Envoyer un courriel à l’adresse fonctionnelle de la commune"
                checked={smtp.active}
                onChange={(_, d) => setSmtp({ ...smtp, active: d.checked })}
              />
              <div className={styles.ligne}>
                <Field label="Serveur SMTP" {...champ('smtp.hote')}>
                  <Input value={smtp.hote} onChange={(_, d) => setSmtp({ ...smtp, hote: d.value })} />
                </Field>
                <Field label="Port" {...champ('smtp.port')}>
                  <Input
                    type="number"
                    value={String(smtp.port)}
                    onChange={(_, d) => setSmtp({ ...smtp, port: Number(d.value) })}
                  />
                </Field>
                <Field label="Sécurité">
                  <Dropdown
                    value={{ aucune: 'Aucune', starttls: 'STARTTLS', tls: 'TLS' }[smtp.securite]}
                    selectedOptions={[smtp.securite]}
                    onOptionSelect={(_, d) =>
                      setSmtp({ ...smtp, securite: d.optionValue as ParametresSmtp['securite'] })
                    }
                  >
                    <Option value="starttls">STARTTLS</Option>
                    <Option value="tls">TLS</Option>
                    <Option value="aucune">Aucune</Option>
                  </Dropdown>
                </Field>
              </div>
              <Field label="Expéditeur" {...champ('smtp.expediteur')}>
                <Input
                  type="email"
                  value={smtp.expediteur}
                  onChange={(_, d) => setSmtp({ ...smtp, expediteur: d.value })}
                />
              </Field>
              <div className={styles.ligne}>
                <Field label="Utilisateur (facultatif)">
                  <Input
                    value={smtp.utilisateur ?? ''}
                    onChange={(_, d) => setSmtp({ ...smtp, utilisateur: d.value || null })}
                    autoComplete="off"
                  />
                </Field>
                <Field
                  label="Mot de passe"
                  hint={defini ? 'Un mot de passe est enregistré : laissez vide pour le garder.' : undefined}
                >
                  <Input
                    type="password"
                    value={motDePasse}
                    onChange={(_, d) => setMotDePasse(d.value)}
                    autoComplete="new-password"
                  />
                </Field>
              </div>
            </fieldset>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => props.surFermer(false)}>
              Annuler
            </Button>
            <Button appearance="primary" onClick={() => void enregistrer()}>
              Enregistrer
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
