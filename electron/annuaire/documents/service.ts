import type { EtatCartes } from '../../../shared/contract/carte';
import type { Commune } from '../../../shared/contract/parametres';
import { nomComplet } from '../../../shared/domain/droits-agent';
import { jourParis } from '../../../shared/domain/echeances';
import { erreurs } from '../../../shared/errors';
import type { Base } from '../../db';
import type { Horloge } from '../../horloge';
import * as agents from '../depot-agents';
import * as cartes from '../depot-cartes';
import type { ServiceAnnuaire } from '../service';
import { ficheDysfonctionnement } from './fiche-dysfonctionnement';
import { procesVerbalDestruction, procesVerbalRemise } from './proces-verbaux';
import { ficheEnPdf, type FichePdf } from './rendu';

/** What the records need besides the directory, given by the composition root (app.ts). */
export interface DependancesDocuments {
  db(): Base;
  horloge: Horloge;
  /** The commune's identity (Paramètres): the place of the records. */
  commune(): Commune | null;
  /** The card room's live view: libraries, readers, tokens, session. */
  etatCartes(): EtatCartes;
}

/** The handover and destruction records of a card, and the card-fault check sheet, as PDF. */
export class DocumentsAnnuaire {
  constructor(
    private readonly deps: DependancesDocuments,
    private readonly annuaire: ServiceAnnuaire,
  ) {}

  private commune(): Commune {
    const c = this.deps.commune();
    if (!c)
      throw erreurs.conflit(
        'Renseignez d’abord l’identité de la commune (Paramètres) : elle figure sur chaque procès-verbal.',
      );
    return c;
  }

  private sources(carteId: number) {
    const db = this.deps.db();
    if (!agents.annuaireCree(db)) throw erreurs.annuaireAbsent();
    const carte = cartes.lireCarte(db, carteId);
    const maintenant = this.deps.horloge.maintenant();
    return {
      db,
      commune: this.commune(),
      carte,
      agent: agents.lireAgent(db, carte.agentId),
      finValidite: this.annuaire.vueCarte(carte).finValidite,
      jour: jourParis(maintenant),
      creeLe: maintenant.toISOString(),
      maintenant,
    };
  }

  async procesVerbalRemise(carteId: number): Promise<FichePdf> {
    const s = this.sources(carteId);
    const remise = cartes.lireHistorique(s.db, carteId).find((h) => h.action === 'remettre');
    const fiche = procesVerbalRemise({
      ...s,
      piece: cartes.lirePieceRemise(s.db, carteId),
      remisPar: remise?.par ?? 'inconnu',
    });
    return { nomFichier: `pv-remise-carte-${carteId}.pdf`, octets: await ficheEnPdf(fiche, s.maintenant) };
  }

  /** Destroyed by the card manager at the keyboard; without one, by whoever took the card out of service. */
  async procesVerbalDestruction(carteId: number): Promise<FichePdf> {
    const s = this.sources(carteId);
    const auClavier = this.annuaire.clavier.auClavier()?.agent;
    const derniere = cartes.lireHistorique(s.db, carteId).at(-1);
    const fiche = procesVerbalDestruction({
      ...s,
      detruitePar: auClavier ? nomComplet(auClavier) : (derniere?.par ?? 'inconnu'),
    });
    return {
      nomFichier: `pv-destruction-carte-${carteId}-${s.jour}.pdf`,
      octets: await ficheEnPdf(fiche, s.maintenant),
    };
  }

  /** The token asked for, else the session's, else the first card seen in a reader. */
  async ficheDysfonctionnement(jetonId: string | null): Promise<FichePdf> {
    const etat = this.deps.etatCartes();
    const voulu = jetonId ?? etat.session?.jetonId ?? null;
    const lecteur = etat.lecteurs.find((l) => l.carte && (voulu === null || l.carte.id === voulu));
    if (jetonId && !lecteur) throw erreurs.introuvable('Carte', jetonId);
    const certificats = lecteur?.carte ? this.certificats(etat, lecteur.carte.id) : [];
    const titulaire = certificats.length ? this.annuaire.clavier.titulaire(certificats).agent : null;
    const maintenant = this.deps.horloge.maintenant();
    const fiche = ficheDysfonctionnement({
      commune: this.deps.commune(),
      etat,
      jeton: lecteur?.carte ? { jeton: lecteur.carte, lecteur: lecteur.nom, certificats } : null,
      titulaireAnnuaire: titulaire ? nomComplet(titulaire) : null,
      maintenant,
    });
    return {
      nomFichier: `fiche-dysfonctionnement-carte-${jourParis(maintenant)}.pdf`,
      octets: await ficheEnPdf(fiche, maintenant),
    };
  }

  /** The session's certificates when it is this card's; otherwise those read without PIN. */
  private certificats(etat: EtatCartes, jetonId: string) {
    if (etat.session?.jetonId === jetonId) return etat.session.certificats;
    try {
      return this.annuaire.carteAuClavier.certificats(jetonId);
    } catch {
      // A faulty card may not even give its public certificates: the sheet says so.
      return [];
    }
  }
}
