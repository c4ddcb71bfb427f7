import { randomUUID } from 'node:crypto';
import { libellePlateforme, type Commune } from '../../../shared/contract/parametres';
import type { ApercuReponse, DetailReponse, Indexation, ReponsePreparee } from '../../../shared/contract/reponses';
import type { Acte } from '../../../shared/domain/acte';
import type { ResultatRapprochement } from '../../../shared/domain/correspondance';
import { CyclesEnAttente, transition } from '../../../shared/domain/cycle-demande';
import { etatReponseDeLEnvoi, exigerActionReponse, type EtatReponse } from '../../../shared/domain/cycle-reponse';
import { dateIsoDuJour } from '../../../shared/domain/dates';
import type { ContexteExtrait } from '../../../shared/domain/extraits';
import { erreurs, versRegistreError } from '../../../shared/errors';
import { libelleTypeActe } from '../../../shared/labels.fr';
import { raisonRejet } from '../../../shared/labels-reponses.fr';
import { formeAttendue, lireReponse as lireXmlReponse, type CommunePlateforme, type MotifNegatif } from '../../comedec';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import type { DepotParametres } from '../../parametres';
import { DepotActes } from '../../registre';
import { actesNonIndexes } from '../../registre';
import { DepotRapprochements } from '../rapprochement/depot';
import {
  designationCandidat,
  differencesPour,
  garderNegative,
  redigerNegative,
  redigerPositive,
  texteDeReponse,
  type CandidatAConfirmer,
  type Redaction,
} from './redaction';
import {
  confirmationsDe,
  deCote,
  enregistrerConfirmations,
  insererReponse,
  listerReponses,
  lireDemandeARepondre,
  lireReponse as lireLigneReponse,
  marquerAbandonnee,
  mettreDeCote,
  remplacerReponse,
  reponsesDeLaDemande,
  reprendre,
  type DeCote,
  type DemandeARepondre,
  type LigneReponse,
} from './stockage';
import type { BoiteReponses, EnvoiReponse, Identite } from './types';

export interface DependancesReponses {
  db(): Base;
  horloge: Horloge;
  parametres: Pick<DepotParametres, 'lire'>;
  /** Matching done now for one request (the register changed since, or it was never done). */
  rapprocherMaintenant(demandeId: number): ResultatRapprochement;
  /**
   * Saves an act keyed in from the request `idPlateforme` (the register room's, handed by app.ts):
   * validated, recorded as indexed from it; the register's change is announced by that room.
   */
  indexerActe(acte: Acte, idPlateforme: string): Acte;
  /** The card session's holder, or null when no session is open. */
  identite(): Identite | null;
  boite: BoiteReponses;
  /** Told after each change (drafts, set-aside), once committed: the screens' lists refresh. */
  apresModification?(demandeIds: number[]): void;
}

export type ChoixReponse =
  | { sens: 'positive'; acteId: number }
  | { sens: 'negative'; motif: MotifNegatif; commentaire: string | null; confirmation: { acteIds: number[] } | null };

interface Courante {
  ligne: LigneReponse;
  envoi: EnvoiReponse;
}

/**
 * Answering a request: drafting (redaction.ts, pure), the guard of a negative answer, the
 * answer's life cycle (shared/domain/cycle-reponse.ts) over the outbox's draft, and setting a
 * request aside. Each change is one transaction: the outbox row, the document to sign, the
 * prepared answer and its confirmations, and the request's step of its own cycle.
 */
export class ServiceReponses {
  constructor(private readonly d: DependancesReponses) {}

  private get maintenant(): Date {
    return this.d.horloge.maintenant();
  }

  private commune(): { plateforme: CommunePlateforme; extrait: ContexteExtrait } {
    const c = this.d.parametres.lire<Commune>('commune');
    if (!c)
      throw erreurs.conflit(
        'Renseignez d’abord l’identité de la commune (Paramètres) : elle figure sur chaque réponse.',
      );
    return {
      plateforme: { codeInsee: c.codeInsee, libelle: libellePlateforme(c) },
      extrait: { commune: { nom: c.nom, departement: c.departement }, dateDelivrance: dateIsoDuJour(this.maintenant) },
    };
  }

  /** Matching's result as it stands now (redone first when the register moved past it). */
  private resultat(db: Base, demandeId: number): ResultatRapprochement {
    const stocke = new DepotRapprochements(db).lire(demandeId);
    return stocke && !stocke.perime ? stocke.resultat : this.d.rapprocherMaintenant(demandeId);
  }

  private nonIndexes(db: Base, dem: DemandeARepondre): { libelle: string; actes: ReturnType<typeof actesNonIndexes> } {
    const d = dem.donnees;
    const date = d.typeActe === 'naissance' ? (d.personne.dateNaissance ?? d.evenement?.date) : d.evenement?.date;
    // Without a declared date, every year would block: the guard applies to the declared year only.
    if (!date) return { libelle: '', actes: [] };
    const annee = Number(date.slice(0, 4));
    return {
      libelle: `le registre des ${libelleTypeActe[d.typeActe].toLocaleLowerCase('fr-FR')}s de ${annee}`,
      actes: actesNonIndexes(db, d.typeActe, annee),
    };
  }

  private exigerRepondable(db: Base, dem: DemandeARepondre): void {
    if (this.maintenant.getTime() >= new Date(dem.purgeLe).getTime()) throw erreurs.demandePurgee();
    if (deCote(db, dem.id)) throw erreurs.conflit('Cette demande est mise de côté : reprenez-la avant d’y répondre.');
    transition(dem.cycle, 'en_cours');
  }

  private courante(db: Base, demandeId: number): Courante | null {
    for (const ligne of reponsesDeLaDemande(db, demandeId)) {
      if (ligne.envoi_id === null) continue;
      const envoi = this.d.boite.lire(db, ligne.envoi_id);
      if (envoi.etat !== 'rejete') return { ligne, envoi };
    }
    return null;
  }

  /**
   * What writes an answer or a request's state is done in someone's name: without a card session
   * (card withdrawn), nobody, and the screen locks the same actions (consultation goes on).
   */
  private sessionExigee(action: Parameters<typeof erreurs.sessionRequise>[0]): Identite {
    const qui = this.d.identite();
    if (!qui) throw erreurs.sessionRequise(action);
    return qui;
  }

  private rediger(
    db: Base,
    dem: DemandeARepondre,
    choix: ChoixReponse,
    id: string,
  ): { redaction: Redaction; confirmes: CandidatAConfirmer[]; qui: Identite } {
    const commune = this.commune();
    const commun = {
      demande: dem.donnees,
      commune: commune.plateforme,
      id,
      emiseLe: this.maintenant.toISOString(),
      extrait: commune.extrait,
    };
    const resultat = this.resultat(db, dem.id);
    const qui = this.sessionExigee('préparer une réponse');
    if (choix.sens === 'positive') {
      const acte = new DepotActes(db).lire(choix.acteId);
      if (!acte) throw erreurs.introuvable('Acte', choix.acteId);
      return { redaction: redigerPositive({ ...commun, acte, resultat }), confirmes: [], qui };
    }
    const confirmes = garderNegative({
      demandeId: dem.id,
      resultat,
      nonIndexes: this.nonIndexes(db, dem),
      confirmes: choix.confirmation?.acteIds ?? null,
    });
    return {
      redaction: redigerNegative({ ...commun, motif: choix.motif, commentaire: choix.commentaire }),
      confirmes,
      qui,
    };
  }

  private confirmations(confirmes: readonly CandidatAConfirmer[], qui: Identite, le: string) {
    return confirmes.map((c) => ({
      acteId: c.acteId,
      designation: c.designation,
      confirmeePar: qui.nom,
      certificat: qui.certificat,
      confirmeeLe: le,
    }));
  }

  preparer(demandeId: number, choix: ChoixReponse): DetailReponse {
    const db = this.d.db();
    const reponseId = db
      .transaction(() => {
        const dem = lireDemandeARepondre(db, demandeId);
        this.exigerRepondable(db, dem);
        if (this.courante(db, demandeId))
          throw erreurs.conflit('Une réponse est déjà préparée pour cette demande : modifiez-la ou abandonnez-la.');
        const { redaction: r, confirmes, qui } = this.rediger(db, dem, choix, `REP-${randomUUID()}`);
        const le = this.maintenant.toISOString();
        const envoi = this.d.boite.creer(db, this.d.horloge, {
          demandeId,
          sens: r.sens,
          documentId: idDuXml(r.xml),
          xml: r.xml,
        });
        const id = insererReponse(db, {
          ...contenuDe(r, choix),
          demandeId,
          envoiId: envoi.id,
          par: qui.nom,
          le,
        });
        enregistrerConfirmations(db, id, this.confirmations(confirmes, qui, le));
        return id;
      })
      .immediate();
    const detail = this.detailDe(db, reponseId);
    this.d.apresModification?.([demandeId]);
    return detail;
  }

  /** Another act, another reason, a comment: only while the answer is a draft (never once signed). */
  modifier(demandeId: number, choix: ChoixReponse): DetailReponse {
    const db = this.d.db();
    const reponseId = db
      .transaction(() => {
        const c = this.courante(db, demandeId);
        if (!c) throw erreurs.introuvable('Réponse préparée pour la demande', demandeId);
        exigerActionReponse(etatReponseDeLEnvoi(c.envoi.etat), 'modifier');
        const dem = lireDemandeARepondre(db, demandeId);
        this.exigerRepondable(db, dem);
        const { redaction: r, confirmes, qui } = this.rediger(db, dem, choix, idDuXml(c.envoi.contenu));
        const le = this.maintenant.toISOString();
        this.d.boite.modifier(db, this.d.horloge, c.envoi.id, { sens: r.sens, xml: r.xml });
        remplacerReponse(db, c.ligne.id, { ...contenuDe(r, choix), le });
        enregistrerConfirmations(db, c.ligne.id, this.confirmations(confirmes, qui, le));
        return c.ligne.id;
      })
      .immediate();
    const detail = this.detailDe(db, reponseId);
    this.d.apresModification?.([demandeId]);
    return detail;
  }

  /**
   * "Saisir l'acte": the act keyed in from the paper register for this request is saved first
   * (a failure here is the editor's to show, nothing else happened); then the request is matched
   * again with it, and when the act is among its candidates, the positive answer is drafted from
   * it (or the draft there changed to it), to review and sign as any other. The act stays saved
   * whatever the draft meets (no card session, a signed answer already): the reason is said.
   */
  indexerDepuisDemande(demandeId: number, acte: Acte): Indexation {
    const dem = lireDemandeARepondre(this.d.db(), demandeId);
    const enregistre = this.d.indexerActe(acte, dem.idPlateforme);
    const acteId = enregistre.id!;
    const resultat = this.d.rapprocherMaintenant(demandeId);
    const sans = (sansReponse: string): Indexation => ({
      acte: enregistre,
      issue: resultat.issue,
      reponse: null,
      sansReponse,
    });
    if (!resultat.candidats.some((c) => c.acteId === acteId))
      return sans(
        'L’acte enregistré ne ressort pas du rapprochement avec cette demande : comparez-le à la déclaration avant de répondre.',
      );
    try {
      const choix = { sens: 'positive' as const, acteId };
      const reponse = this.courante(this.d.db(), demandeId)
        ? this.modifier(demandeId, choix)
        : this.preparer(demandeId, choix);
      return { acte: enregistre, issue: resultat.issue, reponse, sansReponse: null };
    } catch (e) {
      return sans(
        `L’acte est enregistré, mais la réponse positive n’est pas préparée : ${versRegistreError(e).message}`,
      );
    }
  }

  abandonner(demandeId: number): void {
    this.sessionExigee('abandonner une réponse');
    const db = this.d.db();
    db.transaction(() => {
      const c = this.courante(db, demandeId);
      if (!c) throw erreurs.introuvable('Réponse préparée pour la demande', demandeId);
      exigerActionReponse(etatReponseDeLEnvoi(c.envoi.etat), 'abandonner');
      marquerAbandonnee(db, c.ligne.id, this.maintenant.toISOString());
      this.d.boite.abandonner(db, c.envoi.id);
    }).immediate();
    this.d.apresModification?.([demandeId]);
  }

  lister(filtre: { etats?: EtatReponse[]; limite: number }): ReponsePreparee[] {
    const db = this.d.db();
    const etats = filtre.etats?.length ? new Set(filtre.etats) : null;
    const liste: ReponsePreparee[] = [];
    for (const ligne of listerReponses(db, 2000)) {
      if (ligne.envoi_id === null) continue;
      const r = this.resume(db, ligne, this.d.boite.lire(db, ligne.envoi_id));
      if (etats && !etats.has(r.etat)) continue;
      liste.push(r);
      if (liste.length >= filtre.limite) break;
    }
    return liste;
  }

  apercu(demandeId: number): ApercuReponse {
    const db = this.d.db();
    const dem = lireDemandeARepondre(db, demandeId);
    const resultat = this.resultat(db, demandeId);
    const nonIndexes = this.nonIndexes(db, dem);
    const candidats = resultat.candidats.map((c) => ({ ...c, designation: designationCandidat(c) }));
    const courante = this.courante(db, demandeId);
    const rejetees = reponsesDeLaDemande(db, demandeId)
      .filter((l) => l.id !== courante?.ligne.id && l.envoi_id !== null)
      .map((l) => this.resume(db, l, this.d.boite.lire(db, l.envoi_id as number)));
    return {
      demandeId,
      idPlateforme: dem.idPlateforme,
      specimen: dem.specimen,
      typeActe: dem.donnees.typeActe,
      demandeur: { type: dem.donnees.demandeur.type, libelle: dem.donnees.demandeur.libelle },
      formeAttendue: formeAttendue(dem.donnees.demandeur.type),
      cycle: dem.cycle,
      purgee: this.maintenant.getTime() >= new Date(dem.purgeLe).getTime(),
      deCote: deCote(db, demandeId),
      rapprochement: { issue: resultat.issue, explication: resultat.explication, candidats },
      garde: {
        aIndexer: nonIndexes.actes,
        aConfirmer:
          resultat.issue === 'aucun'
            ? []
            : candidats.map((c) => ({
                acteId: c.acteId,
                type: c.type,
                annee: c.annee,
                numero: c.numero,
                score: c.score,
                designation: c.designation,
              })),
      },
      reponse: courante ? this.detail(db, courante.ligne, courante.envoi, dem, resultat) : null,
      rejetees,
    };
  }

  mettreDeCote(demandeId: number, commentaire: string): DeCote {
    this.sessionExigee('mettre une demande de côté');
    const db = this.d.db();
    const mise = db
      .transaction(() => {
        const dem = lireDemandeARepondre(db, demandeId);
        if (!(CyclesEnAttente as readonly string[]).includes(dem.cycle))
          throw erreurs.transitionRefusee(
            dem.cycle,
            'de_cote',
            'Cette demande a déjà reçu sa réponse : elle ne peut plus être mise de côté.',
          );
        const c: DeCote = {
          commentaire: commentaire.trim(),
          par: this.d.identite()?.nom ?? null,
          le: this.maintenant.toISOString(),
        };
        mettreDeCote(db, demandeId, c);
        return c;
      })
      .immediate();
    this.d.apresModification?.([demandeId]);
    return mise;
  }

  reprendre(demandeId: number): void {
    this.sessionExigee('reprendre une demande');
    const db = this.d.db();
    lireDemandeARepondre(db, demandeId);
    reprendre(db, demandeId);
    this.d.apresModification?.([demandeId]);
  }

  // ---- views ----

  private resume(db: Base, l: LigneReponse, envoi: EnvoiReponse): ReponsePreparee {
    const etat = etatReponseDeLEnvoi(envoi.etat);
    const acte = l.acte_id === null ? null : new DepotActes(db).lire(l.acte_id);
    const rejet =
      etat === 'rejetee'
        ? { ...raisonRejet(envoi.motifRejet), motif: envoi.motifRejet ?? 'inconnu', message: envoi.messageRejet }
        : null;
    return {
      reponseId: l.id,
      demandeId: l.demande_id,
      idPlateforme: l.id_plateforme,
      specimen: l.specimen === 1,
      jourLimite: l.jour_limite,
      etat,
      envoiId: envoi.id,
      documentSignatureId: envoi.documentSignatureId,
      sens: l.sens,
      forme: l.forme,
      acte:
        acte && l.acte_id !== null
          ? { acteId: l.acte_id, type: acte.type, annee: acte.annee, numero: acte.numero }
          : null,
      motif: l.motif,
      commentaire: l.commentaire,
      prepareePar: l.preparee_par,
      prepareeLe: l.preparee_le,
      modifieeLe: l.modifiee_le,
      confirmations: confirmationsDe(db, l.id).map(({ acteId, designation, confirmeePar, confirmeeLe }) => ({
        acteId,
        designation,
        confirmeePar,
        confirmeeLe,
      })),
      recepisse: envoi.recepisse,
      rejet,
    };
  }

  private detail(
    db: Base,
    l: LigneReponse,
    envoi: EnvoiReponse,
    dem: DemandeARepondre,
    resultat: ResultatRapprochement | null,
  ): DetailReponse {
    const xml = envoi.xmlSigne ?? envoi.contenu;
    const lue = lireXmlReponse(xml);
    const acte = l.acte_id === null ? undefined : new DepotActes(db).lire(l.acte_id);
    const { differences, horsCandidats } =
      acte?.id !== undefined
        ? differencesPour(dem.donnees, { ...acte, id: acte.id }, resultat)
        : { differences: [], horsCandidats: false };
    return {
      ...this.resume(db, l, envoi),
      xml,
      texte: texteDeReponse(lue.resultat, dem.donnees, this.commune().extrait),
      differences,
      horsCandidats,
      acteModifieDepuis: acte?.modifieLe !== undefined && acte.modifieLe > l.modifiee_le,
    };
  }

  private detailDe(db: Base, reponseId: number): DetailReponse {
    const l = lireLigneReponse(db, reponseId);
    if (l.envoi_id === null) throw erreurs.introuvable('Réponse', reponseId);
    const dem = lireDemandeARepondre(db, l.demande_id);
    return this.detail(db, l, this.d.boite.lire(db, l.envoi_id), dem, this.resultat(db, dem.id));
  }
}

/** The `Id` of the answer's root element. */
function idDuXml(xml: string): string {
  return lireXmlReponse(xml).id;
}

function contenuDe(r: Redaction, choix: ChoixReponse) {
  return {
    sens: r.sens,
    acteId: choix.sens === 'positive' ? choix.acteId : null,
    forme: r.forme,
    motif: r.motif,
    commentaire: r.commentaire,
  };
}
