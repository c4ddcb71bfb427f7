import { erreurs, RegistreError } from '../../shared/errors';
import type { EtatCartes, Lecteur, ParametresCarte, SessionCarteEtat } from '../../shared/contract/carte';
import type { ChargeEvenement, NomEvenement } from '../../shared/contract';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import { candidats, type Candidat } from './bibliotheques';
import { analyserCertificat, exigerValide, type CertificatAnalyse } from './certificats';
import { avertissements, decrireCertificat, decrireJeton } from './description';
import { CarteFormation, type CarteFormationOuverte } from './formation';
import { listerLecteurs, type JetonVu, type LecteurVu } from './jetons';
import { chargerBibliotheque, type Liaison } from './liaison';
import { CleMaterielle } from './moteur';
import type { CodePin } from './pin';
import { SessionCarte } from './session-carte';
import { SignateurXades } from './xades-signer';

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

interface Bibliotheque extends Candidat {
  liaison: Liaison | null;
  description: string | null;
  erreur: string | null;
}

interface CertificatLu {
  readonly analyse: CertificatAnalyse;
  readonly id: Buffer | null;
}

type Acces = { type: 'pkcs11'; session: SessionCarte } | { type: 'formation'; ouverte: CarteFormationOuverte };

interface SessionActive {
  readonly jeton: JetonVu;
  readonly nature: 'carte' | 'formation';
  readonly acces: Acces;
  readonly certificats: CertificatLu[];
  readonly connecteeLe: Date;
}

const ID_FORMATION = 'formation';

/**
 * The agent card, as the rest of the app sees it: readers and cards (polled about once a
 * second), one session at a time, certificates, PIN operations, and the signer for a batch.
 * A card pulled out ends its session at once and is announced by events.
 */
export class ServiceCarte {
  #bibliotheques: Bibliotheque[] | null = null;
  #lecteurs: LecteurVu[] = [];
  #session: SessionActive | null = null;
  #minuterie: NodeJS.Timeout | null = null;
  #enCoursDeSondage = false;
  #signatureEnCours = false;
  #arretDemande = false;
  readonly formation: CarteFormation;

  constructor(private readonly deps: DependancesCarte) {
    this.formation = new CarteFormation(deps.dossierFormation);
  }

  private get mode(): 'reelle' | 'formation' {
    return this.deps.parametres().mode;
  }

  private emettre: Emettre = (nom, charge) => {
    try {
      this.deps.emettre?.(nom, charge);
    } catch (e) {
      journal.avertir('événement carte non émis', { nom, type: (e as Error)?.name });
    }
  };

  // ---- libraries and readers ----

  /** Loads the candidate libraries once (each library is loaded once per process anyway). */
  private bibliotheques(): Bibliotheque[] {
    if (!this.#bibliotheques) {
      const p = this.deps.parametres();
      this.#bibliotheques = candidats({ parametre: p.bibliotheque, environnement: this.deps.environnement, avecEssai: p.mode === 'formation' }).map(
        (c) => {
          try {
            const { liaison, description } = chargerBibliotheque(c.chemin);
            return { ...c, liaison, description, erreur: null };
          } catch (e) {
            return { ...c, liaison: null, description: null, erreur: e instanceof RegistreError ? e.message : 'chargement impossible' };
          }
        },
      );
    }
    return this.#bibliotheques;
  }

  /** Forgets the library choice (after a settings change); loaded libraries stay loaded. */
  reinitialiserBibliotheques(): void {
    this.#bibliotheques = null;
  }

  private jetonFormation(): JetonVu | null {
    if (this.mode !== 'formation' || !this.formation.existe()) return null;
    const { min, max } = this.formation.bornesPin;
    return {
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
  }

  private lireLecteurs(): LecteurVu[] {
    const lecteurs: LecteurVu[] = [];
    const vus = new Set<string>();
    for (const b of this.bibliotheques()) {
      if (!b.liaison) continue;
      try {
        for (const l of listerLecteurs(b.liaison, b.chemin)) {
          // The same card seen through two libraries: keep the first library of the table.
          const cle = l.carte ? `${l.carte.serie}#${l.carte.label}` : l.id;
          if (vus.has(cle)) continue;
          vus.add(cle);
          lecteurs.push(l);
        }
      } catch (e) {
        journal.avertir('lecture des lecteurs impossible', { bibliotheque: b.nom, type: (e as Error)?.name });
      }
    }
    const formation = this.jetonFormation();
    if (formation) lecteurs.push({ id: ID_FORMATION, bibliotheque: ID_FORMATION, slot: formation.slot, nom: 'Carte de formation', carte: formation });
    return lecteurs;
  }

  /**
   * One poll: lists readers and cards, announces insertions and removals, and ends the session
   * of a card that is gone. Called by the poller, and after every card operation.
   */
  rafraichir(raison?: Raison): EtatCartes {
    const avant = new Map(this.#lecteurs.filter((l) => l.carte).map((l) => [l.carte!.id, l]));
    const apres = this.lireLecteurs();
    this.#lecteurs = apres;
    const presents = new Map(apres.filter((l) => l.carte).map((l) => [l.carte!.id, l]));
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

  demarrerSurveillance(intervalleMs = 1000): void {
    if (this.#minuterie) return;
    this.rafraichir('demarrage');
    this.#minuterie = setInterval(() => {
      if (this.#enCoursDeSondage) return;
      this.#enCoursDeSondage = true;
      try {
        this.rafraichir();
      } catch (e) {
        journal.avertir('sondage des cartes en échec', { type: (e as Error)?.name });
      } finally {
        this.#enCoursDeSondage = false;
      }
    }, intervalleMs);
    this.#minuterie.unref();
  }

  arreter(): void {
    if (this.#minuterie) clearInterval(this.#minuterie);
    this.#minuterie = null;
    this.fermerSession();
  }

  // ---- state ----

  private vueSession(s: SessionActive): SessionCarteEtat {
    const maintenant = this.deps.horloge.maintenant();
    const certificats = s.certificats.map((c) => decrireCertificat(c.analyse, maintenant));
    let raison: string | null = null;
    try {
      this.certificatSignature(s);
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
    };
  }

  etat(): EtatCartes {
    const lecteurs: Lecteur[] = this.#lecteurs.map((l) => ({
      id: l.id,
      nom: l.nom,
      bibliotheque: l.bibliotheque,
      carte: l.carte ? decrireJeton(l.carte, l.carte.id === ID_FORMATION ? 'formation' : 'carte') : null,
    }));
    return {
      mode: this.mode,
      bibliotheques: (this.#bibliotheques ?? []).map((b) => ({
        chemin: b.chemin,
        nom: b.nom,
        source: b.source,
        chargee: b.liaison !== null,
        description: b.description,
        erreur: b.erreur,
      })),
      lecteurs,
      session: this.#session ? this.vueSession(this.#session) : null,
      signatureEnCours: this.#signatureEnCours,
    };
  }

  // ---- session ----

  private trouverJeton(jetonId: string): { jeton: JetonVu; liaison: Liaison | null } {
    this.rafraichir();
    const l = this.#lecteurs.find((x) => x.carte?.id === jetonId);
    if (!l?.carte) throw erreurs.carteAbsente();
    const liaison = this.bibliotheques().find((b) => b.chemin === l.bibliotheque)?.liaison ?? null;
    return { jeton: l.carte, liaison };
  }

  private fermerSession(): void {
    const s = this.#session;
    this.#session = null;
    if (s?.acces.type === 'pkcs11') {
      s.acces.session.deconnecter();
      s.acces.session.fermer();
    }
  }

  /** Opens the session: login only if the card requires it; a PIN error is reported, never retried. */
  async connecter(jetonId: string, pin: CodePin | null): Promise<EtatCartes> {
    if (this.#signatureEnCours) throw erreurs.conflit('Une signature est en cours : attendez la fin du lot.');
    this.fermerSession();
    const { jeton, liaison } = this.trouverJeton(jetonId);
    try {
      this.#session = jeton.id === ID_FORMATION ? await this.ouvrirFormation(jeton, pin) : this.ouvrirCarte(jeton, liaison, pin);
    } catch (e) {
      this.rafraichir('pin');
      throw e;
    }
    return this.rafraichir('connexion');
  }

  private ouvrirCarte(jeton: JetonVu, liaison: Liaison | null, pin: CodePin | null): SessionActive {
    if (!liaison) throw erreurs.carteInconnue('bibliothèque PKCS#11 indisponible');
    const session = SessionCarte.ouvrir(liaison, jeton);
    try {
      session.connecter(pin);
      const certificats = session.certificats().map((c) => ({ analyse: analyserCertificat(c.der), id: c.id }));
      this.verifierCertificatsCarte(certificats.map((c) => c.analyse));
      return { jeton, nature: 'carte', acces: { type: 'pkcs11', session }, certificats, connecteeLe: this.deps.horloge.maintenant() };
    } catch (e) {
      session.deconnecter();
      session.fermer();
      throw e;
    }
  }

  private async ouvrirFormation(jeton: JetonVu, pin: CodePin | null): Promise<SessionActive> {
    if (this.mode !== 'formation') throw erreurs.droitsInsuffisants('La carte de formation ne s’utilise qu’en mode formation.');
    if (!pin) throw erreurs.saisieInvalide('pin', 'le code PIN est requis');
    const ouverte = await this.formation.ouvrir(pin);
    const certificats = ouverte.certificats.map((analyse) => ({ analyse, id: null }));
    this.verifierCertificatsCarte(ouverte.certificats);
    return { jeton, nature: 'formation', acces: { type: 'formation', ouverte }, certificats, connecteeLe: this.deps.horloge.maintenant() };
  }

  /** An agent card holds an authentication certificate; an expired one closes the door. */
  private verifierCertificatsCarte(certs: CertificatAnalyse[]): void {
    const auth = certs.find((c) => c.usage === 'authentification');
    if (!auth && !certs.some((c) => c.usage === 'signature')) throw erreurs.carteInconnue('aucun certificat d’agent sur cette carte');
    if (auth) exigerValide(auth, this.deps.horloge.maintenant());
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

  deconnecter(): EtatCartes {
    this.fermerSession();
    return this.rafraichir('deconnexion');
  }

  // ---- PIN management (holder, card manager) ----

  changerPin(jetonId: string, ancien: CodePin, nouveau: CodePin): void {
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

  /** The officer stops the running batch: it ends after the document being signed. */
  arreterSignature(): boolean {
    if (!this.#signatureEnCours) return false;
    this.#arretDemande = true;
    return true;
  }

  private certificatSignature(s: SessionActive): CertificatLu {
    const c = s.certificats.find((x) => x.analyse.usage === 'signature');
    if (!c) {
      throw erreurs.droitsInsuffisants(
        'Cette carte ne porte pas de certificat de signature : seul un officier de l’état civil délégué peut signer.',
      );
    }
    exigerValide(c.analyse, this.deps.horloge.maintenant());
    if (s.nature === 'formation' && this.mode !== 'formation') {
      throw erreurs.droitsInsuffisants('La carte de formation ne signe qu’en mode formation.');
    }
    return c;
  }

  /**
   * The signer of one batch: the connected card's signature key and certificate. `pin` serves
   * the keys that ask for it at each signature; the caller overwrites it when the batch ends.
   */
  signataire(pin: CodePin | null): SignateurXades {
    const s = this.#session;
    if (!s) throw erreurs.carteAbsente();
    const c = this.certificatSignature(s);
    const chaine = s.certificats.map((x) => x.analyse).filter((x) => x.autorite && x.x509.subject !== x.x509.issuer);
    if (s.acces.type === 'formation') {
      const cle = s.acces.ouverte.cles.get(c.analyse.empreinte);
      if (!cle) throw erreurs.carteInconnue('clé de signature absente');
      return new SignateurXades({ nature: 'formation', certificat: c.analyse, chaine, cle });
    }
    const session = s.acces.session;
    if (!c.id) throw erreurs.carteInconnue('certificat de signature sans identifiant de clé');
    const cle = session.cle(c.id);
    if (cle.toujoursAuthentifier && !s.jeton.cheminProtege && !pin) throw erreurs.saisieInvalide('pin', 'le code PIN est requis');
    const algorithme =
      cle.algorithme === 'RSA'
        ? ({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' }, modulusLength: cle.taille * 8, publicExponent: new Uint8Array([1, 0, 1]) } as RsaHashedKeyAlgorithm)
        : ({ name: 'ECDSA', namedCurve: cle.courbe! } as EcKeyAlgorithm);
    return new SignateurXades({
      nature: 'carte',
      certificat: c.analyse,
      chaine,
      cle: new CleMaterielle(algorithme, (donnees) => session.signer(cle, donnees, pin)),
    });
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
