import type { MotifCommande } from '../../shared/domain/cout-cartes';
import type { EtatCarte, MotifRevocation } from '../../shared/domain/cycle-carte';
import type { CertificatEnregistre } from '../../shared/domain/droits-agent';
import type { NaturePieceIdentite } from '../../shared/domain/piece-identite';
import { erreurs } from '../../shared/errors';
import type { Base } from '../db';

/** The agents' cards and their history (migration 0008). Plain SQL; the rules are the service's. */

export interface CertificatCarteEnregistre extends CertificatEnregistre {
  sujet: string | null;
}

export interface CarteLigne {
  id: number;
  agentId: number;
  titulaire: string;
  etat: EtatCarte;
  motifRevocation: MotifRevocation | null;
  motifCommande: MotifCommande;
  coutHtCentimes: number;
  commandeeLe: string;
  remiseLe: string | null;
  authentification: CertificatCarteEnregistre | null;
  signature: CertificatCarteEnregistre | null;
  debutValidite: string | null;
  finValidite: string | null;
}

interface Ligne {
  id: number;
  agent_id: number;
  prenoms: string;
  nom: string;
  etat: EtatCarte;
  motif_revocation: MotifRevocation | null;
  motif_commande: MotifCommande;
  cout_ht_centimes: number;
  commandee_le: string;
  remise_le: string | null;
  auth_emetteur: string | null;
  auth_serie: string | null;
  auth_sujet: string | null;
  auth_empreinte: string | null;
  sign_emetteur: string | null;
  sign_serie: string | null;
  sign_sujet: string | null;
  sign_empreinte: string | null;
  debut_validite: string | null;
  fin_validite: string | null;
}

const SELECT = 'SELECT c.*, a.prenoms, a.nom FROM cartes_agents c JOIN agents a ON a.id = c.agent_id';

function certificat(emetteur: string | null, serie: string | null, sujet: string | null, empreinte: string | null) {
  return emetteur && serie && empreinte ? { emetteur, serie, sujet, empreinte } : null;
}

function versCarte(l: Ligne): CarteLigne {
  return {
    id: l.id,
    agentId: l.agent_id,
    titulaire: `${l.prenoms} ${l.nom}`,
    etat: l.etat,
    motifRevocation: l.motif_revocation,
    motifCommande: l.motif_commande,
    coutHtCentimes: l.cout_ht_centimes,
    commandeeLe: l.commandee_le,
    remiseLe: l.remise_le,
    authentification: certificat(l.auth_emetteur, l.auth_serie, l.auth_sujet, l.auth_empreinte),
    signature: certificat(l.sign_emetteur, l.sign_serie, l.sign_sujet, l.sign_empreinte),
    debutValidite: l.debut_validite,
    finValidite: l.fin_validite,
  };
}

export function lireCarte(db: Base, id: number): CarteLigne {
  const l = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Ligne | undefined;
  if (!l) throw erreurs.introuvable('Carte', id);
  return versCarte(l);
}

export function listerCartes(db: Base, agentId?: number): CarteLigne[] {
  const lignes = (
    agentId === undefined
      ? db.prepare(`${SELECT} ORDER BY c.id`).all()
      : db.prepare(`${SELECT} WHERE c.agent_id = ? ORDER BY c.id`).all(agentId)
  ) as Ligne[];
  return lignes.map(versCarte);
}

/** The card whose authentication certificate is this one (issuer and serial name a certificate). */
export function carteParAuthentification(db: Base, emetteur: string, serie: string): CarteLigne | null {
  const l = db.prepare(`${SELECT} WHERE c.auth_emetteur = ? AND c.auth_serie = ?`).get(emetteur, serie) as
    Ligne | undefined;
  return l ? versCarte(l) : null;
}

export function insererCommande(
  db: Base,
  c: { agentId: number; motif: MotifCommande; coutHtCentimes: number; jour: string; le: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO cartes_agents (agent_id, etat, motif_commande, cout_ht_centimes, commandee_le, modifiee_le)
         VALUES (?, 'commandee', ?, ?, ?, ?)`,
      )
      .run(c.agentId, c.motif, c.coutHtCentimes, c.jour, c.le).lastInsertRowid,
  );
}

/** The card is in hand: its certificates name it from now on. */
export function attacherCertificats(
  db: Base,
  id: number,
  p: {
    authentification: CertificatCarteEnregistre;
    signature: CertificatCarteEnregistre | null;
    debut: string;
    fin: string;
    jour: string;
    le: string;
  },
): void {
  const a = p.authentification;
  const s = p.signature;
  db.prepare(
    `UPDATE cartes_agents SET etat = 'remise', remise_le = ?, auth_emetteur = ?, auth_serie = ?, auth_sujet = ?, auth_empreinte = ?,
       sign_emetteur = ?, sign_serie = ?, sign_sujet = ?, sign_empreinte = ?, debut_validite = ?, fin_validite = ?, modifiee_le = ?
     WHERE id = ?`,
  ).run(
    p.jour,
    a.emetteur,
    a.serie,
    a.sujet,
    a.empreinte,
    s?.emetteur ?? null,
    s?.serie ?? null,
    s?.sujet ?? null,
    s?.empreinte ?? null,
    p.debut,
    p.fin,
    p.le,
    id,
  );
}

export function changerEtat(db: Base, id: number, etat: EtatCarte, motif: MotifRevocation | null, le: string): void {
  db.prepare('UPDATE cartes_agents SET etat = ?, motif_revocation = ?, modifiee_le = ? WHERE id = ?').run(
    etat,
    motif,
    le,
    id,
  );
}

/** One line of a card's history: a transition of its life cycle, who made it, when, why. */
export interface LigneHistoriqueCarte {
  action: string;
  de: EtatCarte | null;
  vers: EtatCarte;
  motif: string | null;
  par: string;
  le: string;
}

export function ajouterHistorique(db: Base, h: LigneHistoriqueCarte & { carteId: number }): void {
  db.prepare(
    'INSERT INTO historique_cartes (carte_id, action, de, vers, motif, par, le) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(h.carteId, h.action, h.de, h.vers, h.motif, h.par, h.le);
}

export function lireHistorique(db: Base, carteId: number) {
  return db
    .prepare('SELECT action, de, vers, motif, par, le FROM historique_cartes WHERE carte_id = ? ORDER BY id')
    .all(carteId) as LigneHistoriqueCarte[];
}

export interface PieceRemise {
  nature: NaturePieceIdentite;
  finNumero: string;
}

/** The identity document shown at the handover (migration 0009): its kind and the number's end only. */
export function noterPieceRemise(db: Base, id: number, piece: PieceRemise): void {
  db.prepare('UPDATE cartes_agents SET piece_nature = ?, piece_fin_numero = ? WHERE id = ?').run(
    piece.nature,
    piece.finNumero,
    id,
  );
}

export function lirePieceRemise(db: Base, id: number): PieceRemise | null {
  const l = db.prepare('SELECT piece_nature, piece_fin_numero FROM cartes_agents WHERE id = ?').get(id) as
    { piece_nature: NaturePieceIdentite | null; piece_fin_numero: string | null } | undefined;
  return l?.piece_nature && l.piece_fin_numero ? { nature: l.piece_nature, finNumero: l.piece_fin_numero } : null;
}

/** For each card, the end of validity its renewal warning was e-mailed for (migration 0010). */
export function renouvellementsSignales(db: Base): Map<number, string> {
  const lignes = db
    .prepare('SELECT id, renouvellement_signale_pour FROM cartes_agents WHERE renouvellement_signale_pour IS NOT NULL')
    .all() as { id: number; renouvellement_signale_pour: string }[];
  return new Map(lignes.map((l) => [l.id, l.renouvellement_signale_pour]));
}

export function marquerRenouvellementSignale(db: Base, id: number, finValidite: string): void {
  db.prepare('UPDATE cartes_agents SET renouvellement_signale_pour = ? WHERE id = ?').run(finValidite, id);
}
