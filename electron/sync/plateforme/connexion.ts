import { RegistreError, versRegistreError } from '../../../shared/errors';
import type { AdaptateurPlateforme, IdentiteConnexion, SessionPlateforme } from './adaptateur';

/**
 * A failure to OPEN a session (card, certificate, platform refusing the agent): it says
 * nothing about the document being sent, so the engine must not mark that document rejected.
 */
export class EchecConnexion extends Error {
  constructor(readonly erreur: RegistreError) {
    super(erreur.message);
  }
}

const MOTIFS_SESSION = new Set(['session_expiree', 'authentification_requise']);

export function estSessionPerdue(e: unknown): boolean {
  return e instanceof RegistreError && e.code === 'rejet_plateforme' && MOTIFS_SESSION.has(String(e.details?.motif));
}

/**
 * One authenticated connection for the duration of a sync: opened on first use (the card signs
 * the platform's challenge once), opened again once when the platform says the session expired
 * (as the API allows), then the call is replayed.
 */
export class ConnexionPlateforme {
  private courante: SessionPlateforme | null = null;

  constructor(
    readonly adaptateur: AdaptateurPlateforme,
    private readonly identite: () => Promise<IdentiteConnexion>,
  ) {}

  get session(): SessionPlateforme | null {
    return this.courante;
  }

  async ouvrir(): Promise<SessionPlateforme> {
    if (this.courante) return this.courante;
    try {
      this.courante = await this.adaptateur.ouvrirSession(await this.identite());
      return this.courante;
    } catch (e) {
      throw new EchecConnexion(versRegistreError(e));
    }
  }

  async avecSession<T>(fn: (s: SessionPlateforme) => Promise<T>): Promise<T> {
    const s = await this.ouvrir();
    try {
      return await fn(s);
    } catch (e) {
      if (!estSessionPerdue(e)) throw e;
      this.courante = null;
      return fn(await this.ouvrir());
    }
  }
}
