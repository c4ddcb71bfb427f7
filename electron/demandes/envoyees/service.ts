import { randomUUID } from 'node:crypto';
import type {
  DemandeEnvoyee,
  LectureReponse,
  SaisieDemandeEnvoyeeValidee,
} from '../../../shared/contract/demandes-envoyees';
import { libellePlateforme, type Commune } from '../../../shared/contract/parametres';
import {
  cycleDemandeEnvoyee,
  exigerActionDemandeEnvoyee,
  suiviDemandeEnvoyee,
} from '../../../shared/domain/cycle-demande-envoyee';
import { dateLongue } from '../../../shared/domain/dates';
import { jourParis } from '../../../shared/domain/echeances';
import { texteDocument, type DocumentExtrait } from '../../../shared/domain/extraits';
import { erreurs } from '../../../shared/errors';
import { lireReponse } from '../../comedec';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import type { DepotParametres } from '../../parametres';
import { communeParCode } from '../../registre';
import type { Identite } from '../reponses';
import { documentDeReponse, nomFichierReponse } from './extrait-reponse';
import { redigerDemandeEmise } from './redaction';
import {
  inserer,
  lire,
  lister,
  marquerAbandonnee,
  refusDe,
  remplacerSaisie,
  type LigneDemandeEnvoyee,
} from './stockage';
import type { BoiteDemandesEnvoyees, EnvoiDemande } from './types';
import { verifierReponseGardee, type Verificateur } from './verification';

export interface DependancesDemandesEnvoyees {
  db(): Base;
  horloge: Horloge;
  parametres: Pick<DepotParametres, 'lire'>;
  /** The card session's holder, or null when no session is open. */
  identite(): Identite | null;
  boite: BoiteDemandesEnvoyees;
  /** The XAdES verifier with the card settings' trust list (app.ts: electron/signature). */
  verifier: Verificateur;
  /** The PDF layout of the register's extracts (app.ts: electron/registre). */
  enPdf(doc: DocumentExtrait, creeLe: Date): Promise<{ octets: Uint8Array }>;
}

/** "Paul Marie ROUSSEL, né le 2 novembre 1985": the person as the list names them. */
function personneDe(s: SaisieDemandeEnvoyeeValidee): string {
  const p = s.personne;
  const ne = p.sexe === 'F' ? 'née' : p.sexe === 'M' ? 'né' : 'né(e)';
  return `${[...p.prenoms, p.nom.toLocaleUpperCase('fr-FR')].join(' ')}, ${ne} le ${dateLongue(p.dateNaissance)}`;
}

/**
 * Requests this commune sends to other communes: written (checked, drafted as a signed-to-be
 * document in the outbox, in one transaction with its row), followed through the outbox's states
 * and the answers the sync kept, and read once their signature verifies again.
 */
export class ServiceDemandesEnvoyees {
  constructor(private readonly d: DependancesDemandesEnvoyees) {}

  private get maintenant(): Date {
    return this.d.horloge.maintenant();
  }

  private commune(): Commune {
    const c = this.d.parametres.lire<Commune>('commune');
    if (!c)
      throw erreurs.conflit(
        'Renseignez d’abord l’identité de la commune (Paramètres) : elle figure sur chaque demande envoyée.',
      );
    return c;
  }

  private sessionExigee(action: Parameters<typeof erreurs.sessionRequise>[0]): Identite {
    const qui = this.d.identite();
    if (!qui) throw erreurs.sessionRequise(action);
    return qui;
  }

  /** The rules the schema cannot know: the commune exists and is another one, the dates make sense. */
  private verifierSaisie(s: SaisieDemandeEnvoyeeValidee, commune: Commune) {
    const destination = communeParCode(s.destinataire.codeInsee);
    const fautes: { champ: string; raison: string }[] = [];
    if (!destination)
      fautes.push({
        champ: 'destinataire.codeInsee',
        raison: `aucune commune n’a le code INSEE ${s.destinataire.codeInsee} : choisissez-la dans la liste`,
      });
    else if (destination.codeInsee === commune.codeInsee)
      fautes.push({
        champ: 'destinataire.codeInsee',
        raison: 'la commune de destination est la vôtre : cherchez l’acte dans votre propre registre',
      });
    const aujourdhui = jourParis(this.maintenant);
    if (s.personne.dateNaissance > aujourdhui)
      fautes.push({ champ: 'personne.dateNaissance', raison: 'la date de naissance est dans le futur' });
    if (s.dateProcedure !== null && s.dateProcedure < aujourdhui)
      fautes.push({ champ: 'dateProcedure', raison: 'la date de la procédure est déjà passée' });
    if (fautes.length) throw erreurs.saisiesInvalides(fautes);
    const d = destination!;
    return { codeInsee: d.codeInsee, nom: d.nom, departement: d.departement };
  }

  /** The request's XML as it will be signed: the commune's identity, the document's id, now. */
  private rediger(saisie: SaisieDemandeEnvoyeeValidee, commune: Commune, documentId: string, le: string): string {
    return redigerDemandeEmise(saisie, {
      id: documentId,
      emettrice: { codeInsee: commune.codeInsee, libelle: libellePlateforme(commune) },
      emiseLe: le,
    });
  }

  /** Its state as the outbox tells it (a draft not yet signed, or further), and its outbox row. */
  private etat(db: Base, l: LigneDemandeEnvoyee) {
    const envoi = l.envoi_id === null ? null : this.d.boite.lire(db, l.envoi_id);
    return { envoi, cycle: cycleDemandeEnvoyee(envoi?.etat ?? null, false) };
  }

  preparer(saisie: SaisieDemandeEnvoyeeValidee): DemandeEnvoyee {
    const commune = this.commune();
    const qui = this.sessionExigee('préparer une demande à une autre commune');
    const destination = this.verifierSaisie(saisie, commune);
    const documentId = `EMI-${randomUUID()}`;
    const le = this.maintenant.toISOString();
    const xml = this.rediger(saisie, commune, documentId, le);
    const db = this.d.db();
    const id = db
      .transaction(() => {
        const envoi = this.d.boite.creer(db, this.d.horloge, { documentId, xml });
        return inserer(db, {
          envoiId: envoi.id,
          documentId,
          saisie,
          destinataire: destination,
          par: qui.nom,
          le,
        });
      })
      .immediate();
    return this.vue(db, lire(db, id));
  }

  lister(limite: number): DemandeEnvoyee[] {
    const db = this.d.db();
    return lister(db, limite).map((l) => this.vue(db, l));
  }

  /** What was written, to open the draft again in the form. */
  saisie(id: number): SaisieDemandeEnvoyeeValidee {
    return JSON.parse(lire(this.d.db(), id).saisie) as SaisieDemandeEnvoyeeValidee;
  }

  /**
   * Another commune, another reference, a name corrected: only while the request is a draft. The
   * same checks as when it was written; the document keeps its id (the outbox's idempotency key)
   * and is drafted anew, in one transaction with its row: a refusal changes nothing.
   */
  modifier(id: number, saisie: SaisieDemandeEnvoyeeValidee): DemandeEnvoyee {
    const commune = this.commune();
    this.sessionExigee('modifier une demande à une autre commune');
    const db = this.d.db();
    // The life cycle first: a signed request is refused as such, whatever was typed.
    exigerActionDemandeEnvoyee(this.etat(db, lire(db, id)).cycle, 'modifier');
    const destinataire = this.verifierSaisie(saisie, commune);
    db.transaction(() => {
      const l = lire(db, id);
      const { envoi, cycle } = this.etat(db, l);
      exigerActionDemandeEnvoyee(cycle, 'modifier');
      const xml = this.rediger(saisie, commune, l.document_id, this.maintenant.toISOString());
      this.d.boite.modifier(db, this.d.horloge, envoi!.id, xml);
      remplacerSaisie(db, id, { saisie, destinataire });
    }).immediate();
    return this.vue(db, lire(db, id));
  }

  abandonner(id: number): void {
    this.sessionExigee('abandonner une demande à une autre commune');
    const db = this.d.db();
    db.transaction(() => {
      const l = lire(db, id);
      const { envoi, cycle } = this.etat(db, l);
      exigerActionDemandeEnvoyee(cycle, 'abandonner');
      marquerAbandonnee(db, id, this.maintenant.toISOString());
      this.d.boite.abandonner(db, envoi!.id);
    }).immediate();
  }

  async reponse(id: number): Promise<LectureReponse> {
    const { doc, sens } = await this.lecture(id);
    return {
      demandeId: id,
      sens,
      verification: doc.verification,
      titre: doc.document.titre,
      texte: texteDocument(doc.document),
      nomFichier: doc.nomFichier,
    };
  }

  async reponsePdf(id: number): Promise<{ nomFichier: string; pdfBase64: string }> {
    const { doc } = await this.lecture(id);
    const { octets } = await this.d.enPdf(doc.document, this.maintenant);
    return { nomFichier: doc.nomFichier, pdfBase64: Buffer.from(octets).toString('base64') };
  }

  // ---- views ----

  private async lecture(id: number) {
    const db = this.d.db();
    const l = lire(db, id);
    const envoi = l.envoi_id === null ? null : this.d.boite.lire(db, l.envoi_id);
    const gardee = envoi?.demandePlateforme ? this.d.boite.reponseGardee(db, envoi.demandePlateforme) : null;
    if (!envoi?.demandePlateforme || !gardee)
      throw erreurs.introuvable('Réponse vérifiée pour la demande', l.reference);
    const { reponse, verification } = await verifierReponseGardee(
      this.d.verifier,
      gardee.document,
      { demandePlateforme: envoi.demandePlateforme, communeDemandee: l.destinataire_insee },
      gardee.recueLe,
    );
    const saisie = JSON.parse(l.saisie) as SaisieDemandeEnvoyeeValidee;
    const document = documentDeReponse(
      reponse,
      { nom: l.destinataire_nom, departement: l.destinataire_departement },
      { reference: l.reference, personne: personneDe(saisie) },
      verification,
    );
    const sens = reponse.resultat.nature;
    return { sens, doc: { document, verification, nomFichier: nomFichierReponse(l.reference, sens) } };
  }

  private vue(db: Base, l: LigneDemandeEnvoyee): DemandeEnvoyee {
    const envoi: EnvoiDemande | null = l.envoi_id === null ? null : this.d.boite.lire(db, l.envoi_id);
    const gardee = envoi?.demandePlateforme ? this.d.boite.reponseGardee(db, envoi.demandePlateforme) : null;
    const cycle = cycleDemandeEnvoyee(envoi?.etat ?? null, gardee !== null);
    const suivi = suiviDemandeEnvoyee(
      { cycle, accuseeLe: envoi?.accuseLe ?? null, dateProcedure: l.date_procedure },
      this.maintenant,
    );
    const saisie = JSON.parse(l.saisie) as SaisieDemandeEnvoyeeValidee;
    return {
      id: l.id,
      motif: l.motif,
      reference: l.reference,
      dateProcedure: l.date_procedure,
      destinataire: {
        codeInsee: l.destinataire_insee,
        nom: l.destinataire_nom,
        departement: l.destinataire_departement,
      },
      typeActe: l.type_acte,
      personne: personneDe(saisie),
      cycle,
      etat: suivi.etat,
      jourLimite: suivi.jourLimite,
      joursRestants: suivi.joursRestants,
      documentSignatureId: envoi?.documentSignatureId ?? null,
      idPlateforme: envoi?.demandePlateforme ?? null,
      recepisse: envoi?.recepisse ?? null,
      accuseeLe: envoi?.accuseLe ?? null,
      rejet: envoi?.etat === 'rejete' ? (envoi.messageRejet ?? envoi.motifRejet) : null,
      prepareePar: l.preparee_par,
      prepareeLe: l.preparee_le,
      reponse: gardee
        ? { recueLe: gardee.recueLe, signataire: gardee.signataire, sens: sensDe(gardee.document) }
        : null,
      refus: envoi?.demandePlateforme ? refusDe(db, envoi.demandePlateforme) : [],
    };
  }
}

/** Positive or negative, as the kept answer says (read with the format's reader: it was verified before it was kept). */
function sensDe(xml: string): 'positive' | 'negative' {
  return lireReponse(Buffer.from(xml, 'utf8')).resultat.nature;
}
