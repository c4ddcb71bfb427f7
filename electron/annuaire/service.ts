import type { AgentSaisie, CarteAgent } from '../../shared/contract/annuaire';
import {
  coutCommande,
  formaterMontantHt,
  LIBELLES_MOTIF_COMMANDE,
  tableauCoutsAnnuels,
  type MotifCommande,
} from '../../shared/domain/cout-cartes';
import {
  alerteRenouvellement,
  finValiditeCarte,
  libelleEtatCarte,
  transitionCarte,
  TRANSITIONS_CARTE,
  type ActionCarte,
  type MotifRevocation,
} from '../../shared/domain/cycle-carte';
import {
  nomComplet,
  peutGererAnnuaire,
  refusSession,
  type Delegation,
  type RoleAgent,
} from '../../shared/domain/droits-agent';
import { jourParis } from '../../shared/domain/echeances';
import { finNumeroPiece, type NaturePieceIdentite } from '../../shared/domain/piece-identite';
import { erreurs } from '../../shared/errors';
import type { Base } from '../db';
import { journal } from '../journal';
import { Clavier, type CertificatLu, type DependancesClavier } from './clavier';
import * as agents from './depot-agents';
import * as cartes from './depot-cartes';
import { decrireRoles } from './libelles';

type Auteur = agents.Auteur;

/** A card to renew, as the e-mail alert lists it (electron/sync/alertes/ sends it). */
export interface CarteARenouveler {
  carteId: number;
  titulaire: string;
  finValidite: string;
  joursRestants: number;
}

/**
 * The directory's changes, each in one transaction with its journal line: only the card
 * manager or their deputy, from their own card session, once the directory exists; its creation
 * by the first officer's card session.
 */
export class ServiceAnnuaire {
  readonly clavier: Clavier;

  constructor(private readonly deps: DependancesClavier) {
    this.clavier = new Clavier(deps);
  }

  /** The card room as the directory sees it (its records read a card's public certificates). */
  get carteAuClavier(): DependancesClavier['carte'] {
    return this.deps.carte;
  }

  private get db(): Base {
    return this.deps.db();
  }

  private get le(): string {
    return this.deps.horloge.maintenant().toISOString();
  }

  private exigerAnnuaire(): void {
    if (!agents.annuaireCree(this.db)) throw erreurs.annuaireAbsent();
  }

  /** The one who changes the directory: an active card manager or deputy at the keyboard. */
  private gestionnaire(): Auteur {
    this.exigerAnnuaire();
    const qui = this.clavier.auClavier();
    if (!qui) throw erreurs.sessionRequise('modifier l’annuaire');
    if (!qui.carte || !qui.agent) throw erreurs.carteHorsAnnuaire();
    const refus = refusSession(qui.carte, qui.agent);
    if (refus) throw erreurs.nonAutorise('Gestion de l’annuaire', refus.controle, refus.raison);
    if (!peutGererAnnuaire(qui.agent))
      throw erreurs.nonAutorise(
        'Gestion de l’annuaire',
        'responsable_cartes',
        `${nomComplet(qui.agent)} n’est ni responsable cartes ni son délégué`,
      );
    const auth = qui.certificats.find((c) => c.usage === 'authentification');
    return { nom: nomComplet(qui.agent), certificat: auth?.empreinte ?? null };
  }

  /**
   * Unblocking a PIN (the PUK) is offered to the card manager's role only: once the directory
   * exists, the session at the keyboard must be an active card manager's or deputy's. Before it,
   * nothing is refused (first start, as for signing).
   */
  exigerDeblocagePin(): void {
    if (!agents.annuaireCree(this.db)) return;
    const qui = this.clavier.auClavier();
    if (!qui) throw erreurs.sessionRequise('débloquer un code PIN');
    if (!qui.carte || !qui.agent) throw erreurs.deblocageReserve('la carte de la session n’est pas dans l’annuaire');
    const refus = refusSession(qui.carte, qui.agent);
    if (refus) throw erreurs.deblocageReserve(refus.raison);
    if (!peutGererAnnuaire(qui.agent))
      throw erreurs.deblocageReserve(`${nomComplet(qui.agent)} n’est ni responsable cartes ni son délégué`);
  }

  private ecrire<T>(fn: (db: Base, par: Auteur, le: string) => T): T {
    const par = this.gestionnaire();
    const db = this.db;
    return db.transaction(() => fn(db, par, this.le))();
  }

  // ---- reading ----

  etat() {
    const cree = agents.annuaireCree(this.db);
    return { existe: cree !== null, creeLe: cree?.creeLe ?? null, poste: this.clavier.poste() };
  }

  vueCarte(c: cartes.CarteLigne): CarteAgent {
    const finValidite = finValiditeCarte({
      finCertificats: c.finValidite ? jourParis(c.finValidite) : null,
      remiseLe: c.remiseLe,
      commandeeLe: c.commandeeLe,
    });
    const { debutValidite: _d, finValidite: _f, ...reste } = c;
    return {
      ...reste,
      finValidite,
      alerte: alerteRenouvellement(c.etat, finValidite, jourParis(this.deps.horloge.maintenant())),
    };
  }

  lireAgent(id: number) {
    this.exigerAnnuaire();
    return { ...agents.lireAgent(this.db, id), cartes: cartes.listerCartes(this.db, id).map((c) => this.vueCarte(c)) };
  }

  listerAgents() {
    this.exigerAnnuaire();
    const toutes = cartes.listerCartes(this.db).map((c) => this.vueCarte(c));
    return agents.listerAgents(this.db).map((a) => ({ ...a, cartes: toutes.filter((c) => c.agentId === a.id) }));
  }

  /** Every card, those to renew (or already expired while in service) first. */
  listerCartes(): CarteAgent[] {
    this.exigerAnnuaire();
    const rang = (c: CarteAgent) => (c.alerte?.niveau === 'expiree' ? 0 : c.alerte ? 1 : 2);
    return cartes
      .listerCartes(this.db)
      .map((c) => this.vueCarte(c))
      .sort((a, b) => rang(a) - rang(b) || a.finValidite.localeCompare(b.finValidite) || a.id - b.id);
  }

  /**
   * The renewal warning of the e-mail alerts: the cards in service of active agents whose end is
   * within 60 days, and not yet warned about for this end (once per card per alert period).
   * Without a directory, nothing.
   */
  renouvellementsASignaler(): CarteARenouveler[] {
    if (!agents.annuaireCree(this.db)) return [];
    const actifs = new Set(
      agents
        .listerAgents(this.db)
        .filter((a) => a.actif)
        .map((a) => a.id),
    );
    const deja = cartes.renouvellementsSignales(this.db);
    return this.listerCartes().flatMap((c) =>
      c.alerte?.niveau === 'a_renouveler' && actifs.has(c.agentId) && deja.get(c.id) !== c.finValidite
        ? [{ carteId: c.id, titulaire: c.titulaire, finValidite: c.finValidite, joursRestants: c.alerte.joursRestants }]
        : [],
    );
  }

  /** Called once the warning has left: the same cards are not listed again for this end. */
  noterRenouvellementsSignales(signales: readonly Pick<CarteARenouveler, 'carteId' | 'finValidite'>[]): void {
    const db = this.db;
    db.transaction(() => {
      for (const c of signales) cartes.marquerRenouvellementSignale(db, c.carteId, c.finValidite);
    })();
  }

  historiqueCarte(carteId: number) {
    this.exigerAnnuaire();
    cartes.lireCarte(this.db, carteId);
    return cartes.lireHistorique(this.db, carteId);
  }

  journal(limite: number) {
    this.exigerAnnuaire();
    return agents.lireJournal(this.db, limite);
  }

  couts() {
    this.exigerAnnuaire();
    return tableauCoutsAnnuels(cartes.listerCartes(this.db));
  }

  /**
   * The card in a reader, before its PIN: refused if the directory does not let it in. Without a
   * directory the card is not even read (first start: nothing changes for the commune).
   */
  verifierCarte(jetonId: string): void {
    if (!agents.annuaireCree(this.db)) return;
    this.clavier.verifierOuverture(this.deps.carte.certificats(jetonId));
  }

  /**
   * The right to sign of a card present in a reader, from its public certificates, before its PIN
   * is asked: the very checks of a batch (`registre sign` asks it first, and the batch's gate
   * asks them again once the session is open). Without a directory, nothing is refused.
   */
  verifierSignataire(jetonId: string): void {
    if (!agents.annuaireCree(this.db)) return;
    this.clavier.exigerDroitDeSigner(undefined, this.deps.carte.certificats(jetonId));
  }

  /**
   * A PIN changed or unblocked on a card of the directory, once the card has done it: a step of the
   * card's life (its history, the journal), by whoever is at the keyboard, else the card's holder.
   * Only where the life cycle has that step (an activated card). Never throws: the PIN is already
   * changed on the card, and a record that could not be written must not say otherwise.
   */
  noterPin(jetonId: string, action: 'changer_pin' | 'debloquer_pin'): void {
    try {
      if (!agents.annuaireCree(this.db)) return;
      const { carte } = this.clavier.titulaire(this.deps.carte.certificats(jetonId));
      if (!carte || !(action in TRANSITIONS_CARTE[carte.etat])) return;
      const qui = this.clavier.auClavier();
      const auth = qui?.certificats.find((c) => c.usage === 'authentification');
      const par: Auteur = qui?.agent
        ? { nom: nomComplet(qui.agent), certificat: auth?.empreinte ?? null }
        : { nom: carte.titulaire, certificat: null };
      this.db.transaction(() => this.etape(carte.id, action, null, par, this.le))();
    } catch (e) {
      journal.avertir('changement de PIN non noté dans l’annuaire', { action, type: (e as Error)?.name });
    }
  }

  // ---- first start ----

  /** The first officer's card session creates the directory: they are its officer and card manager. */
  creer(agent: AgentSaisie, delegation: Delegation) {
    if (agents.annuaireCree(this.db)) throw erreurs.conflit('L’annuaire des agents existe déjà.');
    const session = this.deps.carte.session();
    if (!session) throw erreurs.sessionRequise('modifier l’annuaire');
    if (!session.certificats.some((c) => c.usage === 'signature'))
      throw erreurs.nonAutorise(
        'Gestion de l’annuaire',
        'non_repudiation',
        'seule la carte d’un officier (certificat de signature) peut créer l’annuaire',
      );
    const lus = this.deps.carte.certificats(session.jetonId);
    const id = this.db.transaction(() => {
      const le = this.le;
      const agentId = agents.insererAgent(this.db, { ...agent, actif: true }, le);
      const roles: RoleAgent[] = ['officier', 'responsable_cartes'];
      agents.remplacerRoles(this.db, agentId, roles, delegation);
      const auth = session.certificats.find((c) => c.usage === 'authentification');
      const par: Auteur = { nom: `${agent.prenoms} ${agent.nom}`, certificat: auth?.empreinte ?? null };
      agents.marquerAnnuaireCree(this.db, le, par.nom);
      agents.journaliser(this.db, le, par, agentId, `Annuaire créé ; ${par.nom} : ${decrireRoles(roles, delegation)}`);
      const carteId = this.remettre(agentId, lus, 'premiere', par, le);
      this.etape(carteId, 'activer', null, par, le);
      return agentId;
    })();
    return this.lireAgent(id);
  }

  // ---- agents and rights ----

  enregistrerAgent(id: number | null, saisie: AgentSaisie & { actif: boolean }) {
    const agentId = this.ecrire((db, par, le) => {
      if (id === null) {
        const nouveau = agents.insererAgent(db, saisie, le);
        agents.remplacerRoles(db, nouveau, ['agent'], null);
        agents.journaliser(
          db,
          le,
          par,
          nouveau,
          `Agent ajouté : ${saisie.prenoms} ${saisie.nom} (${saisie.fonction}), rôle agent`,
        );
        return nouveau;
      }
      const avant = agents.lireAgent(db, id);
      agents.modifierAgent(db, id, saisie, le);
      if (avant.actif !== saisie.actif)
        agents.journaliser(db, le, par, id, saisie.actif ? 'Agent réactivé' : 'Agent désactivé : plus aucun droit');
      else agents.journaliser(db, le, par, id, 'Fiche de l’agent modifiée');
      this.garderUnResponsable(db);
      return id;
    });
    return this.lireAgent(agentId);
  }

  definirRoles(agentId: number, roles: readonly RoleAgent[], delegation: Delegation | null) {
    this.ecrire((db, par, le) => {
      const avant = agents.lireAgent(db, agentId);
      agents.remplacerRoles(db, agentId, roles, delegation);
      agents.journaliser(
        db,
        le,
        par,
        agentId,
        `Rôles : ${decrireRoles(avant.roles, avant.delegation)} → ${decrireRoles(roles, delegation)}`,
      );
      this.garderUnResponsable(db);
    });
    return this.lireAgent(agentId);
  }

  /** Nobody could change the directory any more: refused, the whole change rolls back. */
  private garderUnResponsable(db: Base): void {
    if (!agents.listerAgents(db).some((a) => peutGererAnnuaire(a) && a.roles.includes('responsable_cartes')))
      throw erreurs.conflit('L’annuaire doit garder au moins un responsable cartes actif.');
  }

  // ---- cards ----

  commanderCarte(agentId: number, motif: MotifCommande): CarteAgent {
    const id = this.ecrire((db, par, le) => this.commander(agentId, motif, par, le));
    return this.vueCarte(cartes.lireCarte(this.db, id));
  }

  private commander(agentId: number, motif: MotifCommande, par: Auteur, le: string): number {
    const agent = agents.lireAgent(this.db, agentId);
    const passees = cartes
      .listerCartes(this.db, agentId)
      .map((c) => ({ commandeeLe: c.commandeeLe, motif: c.motifCommande, coutHtCentimes: c.coutHtCentimes }));
    const cout = coutCommande(motif, jourParis(le), passees);
    const id = cartes.insererCommande(this.db, {
      agentId,
      motif,
      coutHtCentimes: cout.coutHtCentimes,
      jour: jourParis(le),
      le,
    });
    cartes.ajouterHistorique(this.db, {
      carteId: id,
      action: 'commander',
      de: null,
      vers: 'commandee',
      motif,
      par: par.nom,
      le,
    });
    agents.journaliser(
      this.db,
      le,
      par,
      agentId,
      `Carte n° ${id} commandée pour ${nomComplet(agent)} : ${LIBELLES_MOTIF_COMMANDE[motif]}, ${cout.coutHtCentimes ? formaterMontantHt(cout.coutHtCentimes) : 'gratuite'}`,
    );
    return id;
  }

  /** The card in hand: its certificates are attached to the agent's pending order (or a new one). */
  private remettre(
    agentId: number,
    lus: readonly CertificatLu[],
    motif: MotifCommande,
    par: Auteur,
    le: string,
  ): number {
    const auth = lus.find((c) => c.usage === 'authentification');
    if (!auth) throw erreurs.carteInconnue('aucun certificat d’authentification sur cette carte');
    const deja = cartes.carteParAuthentification(this.db, auth.emetteur, auth.serie);
    if (deja) throw erreurs.conflit(`Cette carte est déjà enregistrée (carte n° ${deja.id} de ${deja.titulaire}).`);
    const sign = lus.find((c) => c.usage === 'signature') ?? null;
    const enAttente = cartes.listerCartes(this.db, agentId).find((c) => c.etat === 'commandee');
    const id = enAttente?.id ?? this.commander(agentId, motif, par, le);
    const vue = (c: CertificatLu) => ({ emetteur: c.emetteur, serie: c.serie, sujet: c.sujet, empreinte: c.empreinte });
    const bornes = sign ? [auth, sign] : [auth];
    cartes.attacherCertificats(this.db, id, {
      authentification: vue(auth),
      signature: sign ? vue(sign) : null,
      debut: bornes
        .map((c) => c.debut)
        .sort()
        .at(-1)!,
      fin: bornes.map((c) => c.fin).sort()[0],
      jour: jourParis(le),
      le,
    });
    cartes.ajouterHistorique(this.db, {
      carteId: id,
      action: 'remettre',
      de: 'commandee',
      vers: 'remise',
      motif: null,
      par: par.nom,
      le,
    });
    agents.journaliser(this.db, le, par, agentId, `Carte n° ${id} remise (${auth.titulaire}, série ${auth.serie})`);
    return id;
  }

  /** The identity document's whole number stops here: only its last 4 characters are kept. */
  enregistrerCarte(
    agentId: number,
    jetonId: string | null,
    motif: MotifCommande,
    piece: { nature: NaturePieceIdentite; numero: string } | null = null,
  ): CarteAgent {
    const jeton = jetonId ?? this.deps.carte.session()?.jetonId;
    if (!jeton) throw erreurs.sessionRequise('modifier l’annuaire');
    const lus = this.deps.carte.certificats(jeton);
    const id = this.ecrire((db, par, le) => {
      agents.lireAgent(db, agentId);
      const carteId = this.remettre(agentId, lus, motif, par, le);
      if (piece)
        cartes.noterPieceRemise(db, carteId, { nature: piece.nature, finNumero: finNumeroPiece(piece.numero) });
      return carteId;
    });
    return this.vueCarte(cartes.lireCarte(this.db, id));
  }

  changerEtatCarte(
    carteId: number,
    action: Exclude<ActionCarte, 'remettre'>,
    motif: MotifRevocation | null,
  ): CarteAgent {
    this.ecrire((_db, par, le) => this.etape(carteId, action, motif, par, le));
    return this.vueCarte(cartes.lireCarte(this.db, carteId));
  }

  private etape(carteId: number, action: ActionCarte, motif: MotifRevocation | null, par: Auteur, le: string): void {
    const c = cartes.lireCarte(this.db, carteId);
    const vers = transitionCarte(c.etat, action);
    cartes.changerEtat(this.db, carteId, vers, vers === 'revoquee' ? motif : c.motifRevocation, le);
    cartes.ajouterHistorique(this.db, { carteId, action, de: c.etat, vers, motif, par: par.nom, le });
    agents.journaliser(
      this.db,
      le,
      par,
      c.agentId,
      `Carte n° ${carteId} : ${action === 'changer_pin' ? 'PIN changé' : action === 'debloquer_pin' ? 'PIN débloqué' : libelleEtatCarte(vers)}${motif ? ` (${motif})` : ''}`,
    );
  }
}
