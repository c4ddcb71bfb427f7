import type { RoleAgent } from './droits-agent';

/**
 * What the status bar says about the card at the keyboard and the platform, in French, from
 * the states the contract carries (pure: the bar only draws it).
 */

export interface EtatCartePourBarre {
  /** A card is in a reader. */
  carteInseree: boolean;
  /** The open card session, with its holder as the certificate names them. */
  session: { nature: 'carte' | 'formation'; titulaire: string | null } | null;
  /** Who the directory says is at the keyboard (null while unknown). */
  poste: {
    etat: 'consultation' | 'sans_annuaire' | 'carte_inconnue' | 'carte_refusee' | 'agent';
    agent: { nomComplet: string; roles: readonly RoleAgent[] } | null;
  } | null;
}

/** An officer signs answers; anyone else with a card is an agent. */
export function qualite(roles: readonly RoleAgent[]): 'officier' | 'agent' {
  return roles.includes('officier') ? 'officier' : 'agent';
}

export function resumeCarte(e: EtatCartePourBarre): { texte: string; niveau: 'aucune' | 'inseree' | 'session' } {
  if (!e.session) {
    return e.carteInseree
      ? { texte: 'Carte insérée, session fermée', niveau: 'inseree' }
      : { texte: 'Aucune carte', niveau: 'aucune' };
  }
  const formation = e.session.nature === 'formation' ? ' (carte de formation)' : '';
  const agent = e.poste?.etat === 'agent' ? e.poste.agent : null;
  if (agent) return { texte: `Carte de ${agent.nomComplet} — ${qualite(agent.roles)}${formation}`, niveau: 'session' };
  const qui = e.session.titulaire ? `Carte de ${e.session.titulaire}` : 'Carte';
  const statut =
    e.poste?.etat === 'carte_inconnue'
      ? ' — inconnue de l’annuaire'
      : e.poste?.etat === 'carte_refusee'
        ? ' — refusée par l’annuaire'
        : '';
  return { texte: `${qui}${statut}${formation}`, niveau: 'session' };
}

export type EtatPlateforme = 'joignable' | 'non_atteinte' | 'jamais' | 'en_cours';

/**
 * The platform as the last sync found it: reached (a run that got through, even partly), not
 * reached (the run failed: its message says why — network, certificate, refusal), never tried.
 */
export function etatPlateforme(
  s: { enCours: boolean; derniere: { statut: string } | null } | null,
  enProgression = false,
): { etat: EtatPlateforme; texte: string } {
  if (enProgression || s?.enCours) return { etat: 'en_cours', texte: 'Mise à jour en cours…' };
  const statut = s?.derniere?.statut;
  if (!statut || statut === 'en_cours' || statut === 'interrompue') {
    return statut
      ? { etat: 'non_atteinte', texte: 'Plateforme : mise à jour interrompue' }
      : { etat: 'jamais', texte: 'Plateforme jamais contactée' };
  }
  return statut === 'echouee'
    ? { etat: 'non_atteinte', texte: 'Plateforme non atteinte' }
    : { etat: 'joignable', texte: 'Plateforme joignable' };
}
