import type { Poste } from '../../shared/contract/annuaire';
import {
  controlerDroitDeSigner,
  erreurSignature,
  nomComplet,
  peutGererAnnuaire,
  refusSession,
  type AgentDroits,
  type CarteDroits,
  type CertificatPresente,
} from '../../shared/domain/droits-agent';
import { jourParis } from '../../shared/domain/echeances';
import { erreurs } from '../../shared/errors';
import type { Base } from '../db';
import type { Horloge } from '../horloge';
import { annuaireCree, lireAgent, type AgentLigne } from './depot-agents';
import { carteParAuthentification, type CarteLigne } from './depot-cartes';

/** A certificate read from a card, with its subject (kept in the directory when the card is registered). */
export interface CertificatLu extends CertificatPresente {
  sujet: string;
}

/**
 * What the directory needs of the card room, given by the composition root (app.ts): the open
 * session, and the public certificates of a card present in a reader (no PIN).
 */
export interface CarteAuClavier {
  session(): { jetonId: string; certificats: readonly CertificatPresente[] } | null;
  certificats(jetonId: string): readonly CertificatLu[];
}

export interface DependancesClavier {
  db(): Base;
  horloge: Horloge;
  carte: CarteAuClavier;
}

export interface Titulaire {
  carte: CarteLigne | null;
  agent: AgentLigne | null;
}

function versDroits(carte: CarteLigne | null): CarteDroits | null {
  return carte
    ? {
        id: carte.id,
        agentId: carte.agentId,
        etat: carte.etat,
        motifRevocation: carte.motifRevocation,
        signature: carte.signature,
      }
    : null;
}

/**
 * Who is at the keyboard: the card whose authentication certificate the session (or the card
 * in the reader) presents, and its agent. Also the two gates the composition root wires: a
 * session refused to a card the directory does not let in, and the right to sign.
 */
export class Clavier {
  constructor(private readonly deps: DependancesClavier) {}

  titulaire(certificats: readonly CertificatPresente[]): Titulaire {
    const auth = certificats.find((c) => c.usage === 'authentification');
    const carte = auth ? carteParAuthentification(this.deps.db(), auth.emetteur, auth.serie) : null;
    return { carte, agent: carte ? lireAgent(this.deps.db(), carte.agentId) : null };
  }

  /** The open session's holder, or null without a session. */
  auClavier(): (Titulaire & { certificats: readonly CertificatPresente[] }) | null {
    const s = this.deps.carte.session();
    return s ? { ...this.titulaire(s.certificats), certificats: s.certificats } : null;
  }

  private get maintenant() {
    const m = this.deps.horloge.maintenant();
    return { maintenant: m.toISOString(), jour: jourParis(m) };
  }

  /**
   * Before a card's PIN is asked: once the directory exists, a card it does not know, or one
   * revoked, expired or replaced, opens no session.
   */
  verifierOuverture(certificats: readonly CertificatPresente[]): void {
    if (!annuaireCree(this.deps.db())) return;
    const { carte, agent } = this.titulaire(certificats);
    if (!carte) throw erreurs.carteHorsAnnuaire();
    const refus = refusSession(versDroits(carte), agent);
    if (refus) throw erreurs.nonAutorise('Session', refus.controle, refus.raison);
  }

  /**
   * The right to sign, at the start of a batch and again before each signature (then with the
   * certificate the batch signs with). Without a directory nothing is refused: first start.
   * `certificats`: a card's public certificates, to refuse before its PIN is asked (the command
   * line); by default, the open session's.
   */
  exigerDroitDeSigner(empreinteSignataire?: string, certificats?: readonly CertificatPresente[]): void {
    if (!annuaireCree(this.deps.db())) return;
    const qui = certificats ? { ...this.titulaire(certificats), certificats } : this.auClavier();
    const refus = controlerDroitDeSigner({
      session: qui?.certificats ?? null,
      carte: versDroits(qui?.carte ?? null),
      agent: qui?.agent ?? null,
      ...this.maintenant,
      empreinteSignataire,
    });
    if (!refus) return;
    if (refus.controle === 'carte_enregistree') throw erreurs.carteHorsAnnuaire();
    throw erreurSignature(refus);
  }

  poste(): Poste {
    const qui = this.auClavier();
    const vide = {
      agent: null,
      peutSigner: false,
      refusSignature: null,
      peutGererAnnuaire: false,
      peutCreerAnnuaire: false,
    };
    if (!qui) return { ...vide, etat: 'consultation', message: 'Sans session de carte, Registre est en consultation.' };
    if (!annuaireCree(this.deps.db())) {
      const officier = qui.certificats.some((c) => c.usage === 'signature');
      return {
        ...vide,
        etat: 'sans_annuaire',
        message: officier
          ? 'L’annuaire des agents n’existe pas encore : créez-le, vous en serez l’officier et le responsable cartes.'
          : 'L’annuaire des agents n’existe pas encore : le premier officier le crée depuis sa session de carte.',
        peutSigner: true,
        peutCreerAnnuaire: officier,
      };
    }
    if (!qui.carte || !qui.agent)
      return { ...vide, etat: 'carte_inconnue', message: erreurs.carteHorsAnnuaire().message };
    const refus = refusSession(versDroits(qui.carte), qui.agent);
    if (refus) return { ...vide, etat: 'carte_refusee', message: refus.raison };
    const refusSignature = controlerDroitDeSigner({
      session: qui.certificats,
      carte: versDroits(qui.carte),
      agent: qui.agent as AgentDroits,
      ...this.maintenant,
    });
    return {
      etat: 'agent',
      message: null,
      agent: { id: qui.agent.id, nomComplet: nomComplet(qui.agent), roles: [...qui.agent.roles] },
      peutSigner: refusSignature === null,
      refusSignature,
      peutGererAnnuaire: peutGererAnnuaire(qui.agent),
      peutCreerAnnuaire: false,
    };
  }
}
