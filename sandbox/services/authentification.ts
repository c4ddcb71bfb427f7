import { X509Certificate, randomBytes, verify } from 'node:crypto';
import { RegistreError } from '../../shared/errors';
import type { CertificatAnalyse, Confiance } from '../../electron/signature';
import type { Horloge } from '../../electron/horloge';
import type { AgentInscrit, CommuneBoite, DepotCommunes } from '../depots/communes';
import type { DepotSessions } from '../depots/sessions';
import { rejeter } from '../rejets';
import { lireCertificatClient, verifierMonde, verifierValidite } from './certificat-agent';

/** What the card signs: a fixed context then the challenge, so the signature serves nothing else. */
export const PREFIXE_DEFI = 'registre-comedec-authentification:';
export const DUREE_DEFI_MS = 2 * 60 * 1000;

export interface SessionOuverte {
  agent: AgentInscrit;
  commune: CommuneBoite;
}

export interface OptionsAuthentification {
  horloge: Horloge;
  communes: DepotCommunes;
  sessions: DepotSessions;
  confiance: Confiance;
  formation: boolean;
  dureeSessionMs: number;
}

/** Challenge/response with the card's authentication key, then a short-lived session token. */
export class ServiceAuthentification {
  constructor(private readonly o: OptionsAuthentification) {}

  creerDefi(): { defi: string; expireLe: string } {
    const maintenant = this.o.horloge.maintenant();
    this.o.sessions.nettoyer(maintenant);
    const defi = randomBytes(32).toString('base64url');
    const expireLe = new Date(maintenant.getTime() + DUREE_DEFI_MS);
    this.o.sessions.ajouterDefi(defi, expireLe);
    return { defi, expireLe: expireLe.toISOString() };
  }

  async ouvrirSession(corps: { defi?: unknown; certificat?: unknown; chaine?: unknown; signature?: unknown }) {
    const maintenant = this.o.horloge.maintenant();
    if (typeof corps.defi !== 'string' || typeof corps.signature !== 'string') {
      rejeter('requete_invalide', 'Champs « defi » et « signature » attendus.');
    }
    // Consumed first: a challenge serves once, whatever happens next.
    if (!this.o.sessions.consommerDefi(corps.defi, maintenant))
      rejeter('defi_invalide', 'Défi inconnu, expiré ou déjà utilisé : demandez-en un nouveau.');
    const cert = lireCertificatClient(corps.certificat, 'certificat');
    const chaine = Array.isArray(corps.chaine)
      ? corps.chaine.slice(0, 5).map((c, i) => lireCertificatClient(c, `chaine.${i}`))
      : [];
    verifierMonde(cert, this.o.formation);
    verifierValidite(cert, maintenant);
    if (cert.usage !== 'authentification') {
      rejeter('certificat_invalide', 'Ce certificat n’est pas le certificat d’authentification de la carte.');
    }
    await this.verifierChaine(cert, chaine, maintenant);
    if (!this.signatureValide(cert, `${PREFIXE_DEFI}${corps.defi}`, corps.signature)) {
      rejeter('signature_invalide', 'La signature du défi ne correspond pas au certificat présenté.');
    }
    const agent = this.o.communes.agentParCertificat(cert.empreinte);
    if (!agent) rejeter('certificat_non_habilite', 'Cette carte n’est inscrite dans la boîte d’aucune commune.');
    const commune = this.o.communes.lire(agent.codeInsee)!;
    const jeton = randomBytes(32).toString('base64url');
    const expireLe = new Date(maintenant.getTime() + this.o.dureeSessionMs);
    this.o.sessions.ajouterSession(jeton, agent.id, agent.codeInsee, expireLe);
    return {
      jeton,
      expireLe: expireLe.toISOString(),
      commune: { codeInsee: commune.codeInsee, libelle: commune.libelle },
      agent: { nom: agent.nom, delegation: agent.delegation },
    };
  }

  /** The session of a bearer token, or the reason it is refused. */
  session(autorisation: string | undefined): SessionOuverte {
    const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(autorisation ?? '');
    if (!m) rejeter('authentification_requise', 'Authentification requise : ouvrez une session avec la carte agent.');
    const s = this.o.sessions.session(m[1]);
    if (!s) rejeter('authentification_requise', 'Session inconnue : ouvrez une nouvelle session avec la carte agent.');
    if (new Date(s.expireLe).getTime() <= this.o.horloge.maintenant().getTime()) {
      rejeter('session_expiree', 'Session expirée : reconnectez-vous avec la carte agent.');
    }
    const agent = this.o.communes.agent(s.agentId);
    if (!agent) rejeter('authentification_requise', 'Agent retiré de la boîte de la commune.');
    return { agent, commune: this.o.communes.lire(s.codeInsee)! };
  }

  private async verifierChaine(cert: CertificatAnalyse, chaine: CertificatAnalyse[], maintenant: Date): Promise<void> {
    try {
      await this.o.confiance.verifierChaine(cert, chaine, maintenant);
    } catch (e) {
      const raison =
        e instanceof RegistreError ? String(e.details?.raison ?? e.message) : 'chaîne de certification invalide';
      rejeter('certificat_invalide', `Certificat refusé : ${raison}.`);
    }
  }

  /** RSA: PKCS#1 v1.5 SHA-256; EC: ECDSA SHA-256 with the raw r||s encoding PKCS#11 returns. */
  private signatureValide(cert: CertificatAnalyse, donnees: string, signatureB64: string): boolean {
    try {
      const cle = new X509Certificate(cert.der).publicKey;
      const sig = Buffer.from(signatureB64, 'base64');
      return verify(
        'sha256',
        Buffer.from(donnees, 'utf8'),
        cert.algorithme === 'EC' ? { key: cle, dsaEncoding: 'ieee-p1363' } : cle,
        sig,
      );
    } catch {
      return false;
    }
  }
}
