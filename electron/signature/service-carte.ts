import { saisiePin, type SaisiePin } from '../../shared/domain/lot-signature';
import { erreurs, RegistreError } from '../../shared/errors';
import type { EtatCartes, ParametresCarte, SessionCarteEtat } from '../../shared/contract/carte';
import type { ChargeEvenement, NomEvenement } from '../../shared/contract';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import { analyserCertificat, type CertificatAnalyse } from './certificats';
import { avertissements, decrireCertificat, decrireJeton } from './description';
import { CarteFormation } from './formation';
import type { JetonVu, LecteurVu } from './jetons';
import { Lecteurs } from './lecteurs';
import type { Liaison } from './liaison';
import type { CodePin } from './pin';
import { SessionCarte } from './session-carte';
import {
  certificatSignature,
  creerAuthentifiant,
  creerSignataire,
  fermer,
  ouvrirCarte,
  ouvrirFormation,
  verifierCertificatsCarte,
  type Authentifiant,
  type SessionActive,
} from './session-active';
import { Surveillance } from './surveillance';
import type { SignateurXades } from './xades-signer';

export type Emettre = <E extends NomEvenement>(nom: E, charge: ChargeEvenement<E>) => void;
type Raison = ChargeEvenement<'carte.etatModifie'>['raison'];

export interface DependancesCarte {
  readonly horloge: Horloge;
  readonly parametres: () => ParametresCarte;
  /** Folder of the training card's files (in the user's data folder). */
  readonly dossierFormation: string;
  readonly emettre?: Emettre;
  /** REGISTRE_PKCS11: a library for automation (CLI, tests), below the setting. */
  readonly environnement?: string | null;
}

const ID_FORMATION = 'formation';

/**
 * A gate on signing, wired by the composition root (the directory's right to sign): asked at the
 * start of each batch, then before each signature with the certificate the batch signs with.
 * It throws a typed refusal; the batch stops and gives the document back.
 */
export type GardeSignature = (empreinteSignataire?: string) => void;

/**
 * The agent card, as the rest of the app sees it: readers and cards (polled about once a
 * second), one session at a time, certificates, PIN operations, and the signer for a batch.
 * A card pulled out ends its session at once and is announced by events.
 */
export class ServiceCarte {
  readonly formation: CarteFormation;
  readonly #lecteurs: Lecteurs;
  readonly #surveillance = new Surveillance(() => this.rafraichir());
  #vus: LecteurVu[] = [];
  #session: SessionActive | null = null;
  /** Why a card cannot open a session, read from its public certificates once a day per card. */
  readonly #refus = new Map<string, RegistreError | null>();
  #signatureEnCours = false;
  #arretDemande = false;
  #garde: GardeSignature | null = null;

  constructor(private readonly deps: DependancesCarte) {
    this.formation = new CarteFormation(deps.dossierFormation);
    this.#lecteurs = new Lecteurs(() => {
      const p = deps.parametres();
      return {
        parametre: p.bibliotheque,
        environnement: deps.environnement ?? null,
        avecEssai: p.mode === 'formation',
      };
    });
  }

  private get mode(): 'reelle' | 'formation' {
    return this.deps.parametres().mode;
  }

  private get maintenant(): Date {
    return this.deps.horloge.maintenant();
  }

  private emettre: Emettre = (nom, charge) => {
    try {
      this.deps.emettre?.(nom, charge);
    } catch (e) {
      journal.avertir('événement carte non émis', { nom, type: (e as Error)?.name });
    }
  };

  // ---- readers and cards ----

  reinitialiserBibliotheques(): void {
    this.#lecteurs.reinitialiser();
  }

  /** The training card shows as a card in a reader of its own, in training mode only. */
  private lecteurFormation(): LecteurVu | null {
    if (this.mode !== 'formation' || !this.formation.existe()) return null;
    const { min, max } = this.formation.bornesPin;
    const carte: JetonVu = {
      id: ID_FORMATION,
      bibliotheque: ID_FORMATION,
      slot: Buffer.alloc(0),
      label: 'CARTE DE FORMATION',
      fabricant: 'Registre',
      modele: 'Carte de formation (logicielle)',
      serie: 'FORMATION',
      drapeaux: 0,
      pinRequis: true,
      cheminProtege: false,
      etatPin: this.formation.etatPin(),
      pinMin: min,
      pinMax: max,
    };
    return { id: ID_FORMATION, bibliotheque: ID_FORMATION, slot: carte.slot, nom: 'Carte de formation', carte };
  }

  /**
   * One poll: lists readers and cards, announces insertions and removals, and ends the session
   * of a card that is gone. Called by the poller, and after every card operation.
   */
  rafraichir(raison?: Raison): EtatCartes {
    const formation = this.lecteurFormation();
    const apres = [...this.#lecteurs.lire(), ...(formation ? [formation] : [])];
    const avant = new Map(this.#vus.filter((l) => l.carte).map((l) => [l.carte!.id, l]));
    const presents = new Map(apres.filter((l) => l.carte).map((l) => [l.carte!.id, l]));
    this.#vus = apres;
    let detectee: Raison | null = null;
    for (const [id, l] of presents) {
      if (!avant.has(id)) {
        detectee = 'insertion';
        this.emettre('carte.inseree', { lecteur: l.nom, jetonId: id, label: l.carte!.label });
      } else if (avant.get(id)!.carte!.etatPin !== l.carte!.etatPin) {
        detectee ??= 'pin';
      }
    }
    for (const [id, l] of avant) {
      if (presents.has(id)) continue;
      detectee = 'retrait';
      const sessionFermee = this.#session?.jeton.id === id;
      if (sessionFermee) this.fermerSession();
      this.emettre('carte.retiree', { lecteur: l.nom, jetonId: id, sessionFermee });
    }
    if (this.#session?.acces.type === 'pkcs11' && !this.#session.acces.session.ouverte) {
      // The session died during a call (card pulled out mid-operation).
      this.fermerSession();
      detectee ??= 'retrait';
    }
    const etat = this.etat();
    const motif = raison ?? detectee;
    if (motif) this.emettre('carte.etatModifie', { raison: motif, etat });
    return etat;
  }

  demarrerSurveillance(): void {
    if (this.#surveillance.active) return;
    this.rafraichir('demarrage');
    this.#surveillance.demarrer();
  }

  arreter(): void {
    this.#surveillance.arreter();
    this.fermerSession();
  }

  // ---- state ----

  private vueSession(s: SessionActive): SessionCarteEtat {
    const certificats = s.certificats.map((c) => decrireCertificat(c.analyse, this.maintenant));
    let raison: string | null = null;
    try {
      certificatSignature(s, this.maintenant, this.mode);
    } catch (e) {
      raison = e instanceof RegistreError ? e.message : 'signature impossible';
    }
    return {
      jetonId: s.jeton.id,
      nature: s.nature,
      connecteeLe: s.connecteeLe.toISOString(),
      certificats,
      peutSigner: raison === null,
      raisonSansSignature: raison,
      avertissements: avertissements(certificats),
      pinParSignature: s.pinParSignature,
      lecteurAClavier: s.jeton.cheminProtege,
    };
  }

  etat(): EtatCartes {
    return {
      mode: this.mode,
      bibliotheques: this.#lecteurs.bibliotheques().map((b) => ({
        chemin: b.chemin,
        nom: b.nom,
        source: b.source,
        chargee: b.liaison !== null,
        description: b.description,
        erreur: b.erreur,
      })),
      lecteurs: this.#vus.map((l) => ({
        id: l.id,
        nom: l.nom,
        bibliotheque: l.bibliotheque,
        carte: l.carte
          ? decrireJeton(
              l.carte,
              l.carte.id === ID_FORMATION ? 'formation' : 'carte',
              this.refusDe(l.carte, l.bibliotheque)?.message ?? null,
            )
          : null,
      })),
      session: this.#session ? this.vueSession(this.#session) : null,
      signatureEnCours: this.#signatureEnCours,
    };
  }

  // ---- session ----

  /**
   * An expired card is refused BEFORE its PIN is asked or presented: its certificates are
   * public objects, readable without login. Null when they cannot be read now (the check at
   * login still applies).
   */
  private refusDe(jeton: JetonVu, bibliotheque: string): RegistreError | null {
    const cle = `${jeton.id}|${this.maintenant.toISOString().slice(0, 10)}`;
    if (this.#refus.has(cle)) return this.#refus.get(cle)!;
    let refus: RegistreError | null = null;
    try {
      if (jeton.id === ID_FORMATION) verifierCertificatsCarte(this.formation.certificats(), this.maintenant);
      else {
        const liaison = this.#lecteurs.liaison(bibliotheque);
        if (!liaison) return null;
        const s = SessionCarte.ouvrir(liaison, jeton);
        try {
          verifierCertificatsCarte(
            s.certificats().map((c) => analyserCertificat(c.der)),
            this.maintenant,
          );
        } finally {
          s.fermer();
        }
      }
    } catch (e) {
      if (!(e instanceof RegistreError) || e.code === 'carte_retiree' || e.code === 'interne') return null;
      refus = e;
    }
    this.#refus.set(cle, refus);
    return refus;
  }

  private trouverJeton(jetonId: string): { jeton: JetonVu; liaison: Liaison | null } {
    this.rafraichir();
    const l = this.#vus.find((x) => x.carte?.id === jetonId);
    if (!l?.carte) throw erreurs.carteAbsente();
    return { jeton: l.carte, liaison: this.#lecteurs.liaison(l.bibliotheque) };
  }

  private fermerSession(): void {
    const s = this.#session;
    this.#session = null;
    fermer(s);
  }

  /** The session is busy signing a batch: it is neither replaced, closed nor its PIN touched. */
  private refuserPendantSignature(): void {
    if (this.#signatureEnCours)
      throw erreurs.conflit('Une signature est en cours : attendez la fin du lot ou arrêtez-le.');
  }

  /** Opens the session: login only if the card requires it; a PIN error is reported, never retried. */
  async connecter(jetonId: string, pin: CodePin | null): Promise<EtatCartes> {
    this.refuserPendantSignature();
    this.fermerSession();
    const { jeton, liaison } = this.trouverJeton(jetonId);
    const refus = this.refusDe(jeton, jeton.bibliotheque);
    if (refus) throw refus;
    try {
      if (jeton.id !== ID_FORMATION) this.#session = ouvrirCarte(jeton, liaison, pin, this.maintenant);
      else if (this.mode !== 'formation')
        throw erreurs.droitsInsuffisants('La carte de formation ne s’utilise qu’en mode formation.');
      else this.#session = await ouvrirFormation(jeton, this.formation, pin, this.maintenant);
    } catch (e) {
      this.rafraichir('pin');
      throw e;
    }
    return this.rafraichir('connexion');
  }

  deconnecter(): EtatCartes {
    this.refuserPendantSignature();
    this.fermerSession();
    return this.rafraichir('deconnexion');
  }

  /** The certificates of a card present in a reader, read without PIN (public objects). */
  certificatsPublics(jetonId: string): CertificatAnalyse[] {
    const { jeton, liaison } = this.trouverJeton(jetonId);
    if (jeton.id === ID_FORMATION) return this.formation.certificats();
    if (!liaison) throw erreurs.carteInconnue('bibliothèque PKCS#11 indisponible');
    const s = SessionCarte.ouvrir(liaison, jeton);
    try {
      return s.certificats().map((c) => analyserCertificat(c.der));
    } finally {
      s.fermer();
    }
  }

  // ---- PIN management (holder, card manager) ----

  changerPin(jetonId: string, ancien: CodePin, nouveau: CodePin): void {
    this.refuserPendantSignature();
    const { jeton, liaison } = this.trouverJeton(jetonId);
    try {
      if (jeton.id === ID_FORMATION) return this.formation.changerPin(ancien, nouveau);
      if (!liaison) throw erreurs.carteInconnue('bibliothèque PKCS#11 indisponible');
      const s = SessionCarte.ouvrir(liaison, jeton, { ecriture: true });
      try {
        s.changerPin(ancien, nouveau);
      } finally {
        s.fermer();
      }
    } finally {
      this.rafraichir('pin');
    }
  }

  /** Unblocks with the PUK (SO PIN): needs the card to itself, so the current session ends. */
  debloquerPin(jetonId: string, puk: CodePin, nouveau: CodePin): void {
    this.refuserPendantSignature();
    const { jeton, liaison } = this.trouverJeton(jetonId);
    try {
      if (jeton.id === ID_FORMATION) return this.formation.debloquer(puk, nouveau);
      if (!liaison) throw erreurs.carteInconnue('bibliothèque PKCS#11 indisponible');
      if (this.#session?.jeton.id === jeton.id) this.fermerSession();
      const s = SessionCarte.ouvrir(liaison, jeton, { ecriture: true });
      try {
        s.connecter(puk, 'so');
        s.initialiserPin(nouveau);
      } finally {
        s.deconnecter();
        s.fermer();
      }
    } finally {
      this.rafraichir('pin');
    }
  }

  // ---- signing ----

  /**
   * The connected card's authentication certificate and key, for the platform connection (the
   * sync). Uses the officer's open session: no PIN asked, no second session.
   */
  authentifiant(action: 'mettre à jour' | 'tester la connexion' = 'mettre à jour'): Authentifiant {
    if (!this.#session) throw this.sansSession(action);
    return creerAuthentifiant(this.#session, this.maintenant);
  }

  /** No session: say what is true (a card is there, open its session) or that none is inserted. */
  private sansSession(action: 'mettre à jour' | 'tester la connexion' | 'signer') {
    this.rafraichir();
    return this.#vus.some((l) => l.carte) ? erreurs.sessionRequise(action) : erreurs.carteAbsente();
  }

  garderSignatures(garde: GardeSignature): void {
    this.#garde = garde;
  }

  /**
   * The signer of one batch with the connected card (see session-active.ts), behind the gate (the
   * right to sign, checked at the start of the batch and again before each signature).
   * `certificatAttendu`: the signature certificate the batch started with; another one is refused.
   */
  signataire(pin: CodePin | null, certificatAttendu?: string): SignateurXades {
    const s = this.#session;
    if (!s) throw this.sansSession('signer');
    const garde = this.#garde;
    garde?.();
    let signateur: SignateurXades;
    try {
      signateur = creerSignataire(s, pin, this.maintenant, this.mode, certificatAttendu);
    } catch (e) {
      // A wrong batch PIN logged the card out: the session is over, the holder opens it again.
      if (s.acces.type === 'pkcs11' && s.acces.session.ouverte && !this.sessionConnectee(s.acces.session))
        this.fermerSession();
      throw e;
    }
    if (!garde) return signateur;
    const signer = signateur.signer.bind(signateur);
    signateur.signer = (xml, options) => {
      garde(signateur.signataire.certificat.empreinte);
      return signer(xml, options);
    };
    return signateur;
  }

  private sessionConnectee(session: SessionCarte): boolean {
    try {
      return session.estConnectee();
    } catch {
      return false;
    }
  }

  /** How the connected card takes the PIN for a batch (shared/domain/lot-signature.ts). */
  saisiePin(): SaisiePin {
    const s = this.#session;
    if (!s) throw this.sansSession('signer');
    return saisiePin({
      pinRequis: s.jeton.pinRequis,
      pinParSignature: s.pinParSignature,
      lecteurAClavier: s.jeton.cheminProtege,
    });
  }

  /** The officer stops the running batch: it ends after the document being signed. */
  arreterSignature(): boolean {
    if (!this.#signatureEnCours) return false;
    this.#arretDemande = true;
    return true;
  }

  /** Marks a batch in progress (the panel shows it, a new session cannot start meanwhile). */
  async pendantSignature<T>(fn: (arretDemande: () => boolean) => Promise<T>): Promise<T> {
    if (this.#signatureEnCours) throw erreurs.conflit('Un lot de signature est déjà en cours.');
    this.#signatureEnCours = true;
    this.#arretDemande = false;
    this.emettre('carte.etatModifie', { raison: 'signature', etat: this.etat() });
    try {
      return await fn(() => this.#arretDemande);
    } finally {
      this.#signatureEnCours = false;
      this.rafraichir('signature');
    }
  }
}
