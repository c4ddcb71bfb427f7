import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { analyserDate, formaterDate } from '../../../../../shared/domain/dates';
import { QualitesOfficier, type Delegation } from '../../../../../shared/domain/droits-agent';
import { ChampDate } from '../../../composants/ChampDate';
import { ChampSaisie } from '../../../composants/ChampSaisie';
import { LIBELLES_QUALITE } from './libelles';

const useStyles = makeStyles({
  grille: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
});

export interface SaisieAgent {
  nom: string;
  prenoms: string;
  dateNaissance: string;
  fonction: string;
  email: string;
}
export interface SaisieDelegation {
  qualite: Delegation['qualite'];
  arreteLe: string;
  reference: string;
  portee: string;
  fin: string;
}

export const AGENT_VIDE: SaisieAgent = { nom: '', prenoms: '', dateNaissance: '', fonction: '', email: '' };
export const DELEGATION_VIDE: SaisieDelegation = {
  qualite: 'agent_delegue',
  arreteLe: '',
  reference: '',
  portee: 'Actes de l’état civil et réponses COMEDEC',
  fin: '',
};

export type Erreurs = Partial<Record<string, string>>;

/** jj/mm/aaaa typed -> aaaa-mm-jj, or the reason (the server checks everything again). */
function jour(texte: string, champ: string, erreurs: Erreurs, obligatoire = true): string | null {
  if (!texte.trim()) {
    if (obligatoire) erreurs[champ] = 'date obligatoire (jj/mm/aaaa)';
    return null;
  }
  const r = analyserDate(texte);
  if (r.ok) return r.iso;
  erreurs[champ] = r.raison;
  return null;
}

export function versAgent(s: SaisieAgent, erreurs: Erreurs) {
  const dateNaissance = jour(s.dateNaissance, 'dateNaissance', erreurs);
  return {
    nom: s.nom,
    prenoms: s.prenoms,
    dateNaissance: dateNaissance ?? '',
    fonction: s.fonction,
    email: s.email.trim() || null,
  };
}

export function versDelegation(s: SaisieDelegation, erreurs: Erreurs): Delegation {
  return {
    qualite: s.qualite,
    arreteLe: jour(s.arreteLe, 'arreteLe', erreurs) ?? '',
    reference: s.reference,
    portee: s.portee,
    fin: jour(s.fin, 'fin', erreurs, false),
  };
}

export function depuisDelegation(d: Delegation | null): SaisieDelegation {
  if (!d) return DELEGATION_VIDE;
  return { ...d, arreteLe: formaterDate(d.arreteLe), fin: d.fin ? formaterDate(d.fin) : '' };
}

/** The agent's civil status as on the identity document, function and e-mail. */
export function ChampsAgent(p: {
  prefixe: string;
  valeur: SaisieAgent;
  erreurs: Erreurs;
  surChangement(v: SaisieAgent): void;
}) {
  const styles = useStyles();
  const champ = (cle: keyof SaisieAgent) => ({
    id: `${p.prefixe}-${cle}`,
    valeur: p.valeur[cle],
    erreur: p.erreurs[cle],
    surChangement: (v: string) => p.surChangement({ ...p.valeur, [cle]: v }),
  });
  return (
    <div className={styles.grille}>
      <ChampSaisie {...champ('nom')} libelle="Nom (comme sur la pièce d’identité)" obligatoire />
      <ChampSaisie {...champ('prenoms')} libelle="Prénoms" obligatoire />
      <ChampDate {...champ('dateNaissance')} libelle="Date de naissance" obligatoire />
      <ChampSaisie {...champ('fonction')} libelle="Fonction" obligatoire />
      <ChampSaisie {...champ('email')} libelle="Courriel" type="email" />
    </div>
  );
}

/** The arrêté that makes an officer: standing, date, reference, scope, end if any. */
export function ChampsDelegation(p: {
  prefixe: string;
  valeur: SaisieDelegation;
  erreurs: Erreurs;
  surChangement(v: SaisieDelegation): void;
}) {
  const styles = useStyles();
  const champ = (cle: Exclude<keyof SaisieDelegation, 'qualite'>) => ({
    id: `${p.prefixe}-${cle}`,
    valeur: p.valeur[cle],
    erreur: p.erreurs[cle],
    surChangement: (v: string) => p.surChangement({ ...p.valeur, [cle]: v }),
  });
  return (
    <div className={styles.grille}>
      <Field label="Qualité" required>
        <Select
          value={p.valeur.qualite}
          onChange={(_, d) => p.surChangement({ ...p.valeur, qualite: d.value as SaisieDelegation['qualite'] })}
        >
          {QualitesOfficier.map((q) => (
            <option key={q} value={q}>
              {LIBELLES_QUALITE[q]}
            </option>
          ))}
        </Select>
      </Field>
      <ChampDate {...champ('arreteLe')} libelle="Date de l’arrêté" obligatoire />
      <ChampSaisie {...champ('reference')} libelle="Référence de l’arrêté" obligatoire />
      <ChampSaisie {...champ('portee')} libelle="Portée de la délégation" obligatoire />
      <ChampDate {...champ('fin')} libelle="Fin de la délégation (si elle en a une)" />
    </div>
  );
}
