import { erreurs } from '../../../shared/errors';
import type {
  AdaptateurPlateforme,
  DepotAccepte,
  IdentiteConnexion,
  InformationsPlateforme,
  LivraisonDemande,
  ReponseRecue,
  SessionPlateforme,
} from './adaptateur';
import { CorpsTropGrand, erreurHttp, json, requete, texte, type OptionsHttp, type ReponseHttp } from './http';
import { verifierMonde } from './monde';

/**
 * The sandbox platform over HTTP (docs/plateforme-bac-a-sable.md). Stateless apart from the
 * cached platform information: sessions are handed back to the caller.
 */
export interface OptionsBacASable {
  url: string;
  delaiMs?: number;
  /** Largest mailbox page read at once (a page beyond it is read again one request at a time). */
  octetsPageMax?: number;
}

const MIO = 1024 * 1024;
const AUTH_PREFIXE = 'registre-comedec-authentification:';

export class AdaptateurBacASable implements AdaptateurPlateforme {
  readonly adresse: string;
  private readonly delaiMs: number;
  private readonly octetsPageMax: number;
  private infos: InformationsPlateforme | null = null;

  constructor(options: OptionsBacASable) {
    this.adresse = options.url.replace(/\/+$/, '');
    this.delaiMs = options.delaiMs ?? 20_000;
    this.octetsPageMax = options.octetsPageMax ?? 32 * MIO;
  }

  private async appeler(
    chemin: string,
    init: RequestInit,
    session?: SessionPlateforme,
    opts: Partial<OptionsHttp> = {},
  ): Promise<ReponseHttp> {
    const entetes = new Headers(init.headers);
    if (session) entetes.set('Authorization', `Bearer ${session.jeton}`);
    const r = await requete(
      `${this.adresse}${chemin}`,
      { ...init, headers: entetes },
      { delaiMs: this.delaiMs, octetsMax: 4 * MIO, ...opts },
    );
    if (r.statut < 200 || r.statut >= 300) throw erreurHttp(r);
    return r;
  }

  private envoyerJson(chemin: string, corps: unknown, session?: SessionPlateforme): Promise<ReponseHttp> {
    return this.appeler(
      chemin,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(corps) },
      session,
    );
  }

  async informations(): Promise<InformationsPlateforme> {
    const r = json<{
      plateforme: string;
      instance?: string;
      versionPlateforme: string;
      formation: boolean;
      versionsFormat: number[];
      versionCourante: number;
      maintenant: string;
    }>(await this.appeler('/v1/etat', { method: 'GET' }));
    if (typeof r.formation !== 'boolean' || !Array.isArray(r.versionsFormat))
      throw erreurs.plateformeInjoignable('réponse /v1/etat inattendue');
    this.infos = {
      nom: String(r.plateforme),
      // An instance id names the platform's database; an older platform without one is named by its address.
      identifiant:
        `${String(r.plateforme)}:${typeof r.instance === 'string' && r.instance ? r.instance : this.adresse}`.slice(
          0,
          300,
        ),
      version: String(r.versionPlateforme),
      formation: r.formation,
      versionsFormat: r.versionsFormat.map(Number),
      versionCourante: Number(r.versionCourante),
      maintenant: String(r.maintenant),
    };
    return this.infos;
  }

  async ouvrirSession(identite: IdentiteConnexion): Promise<SessionPlateforme> {
    // Checked on our side BEFORE the card signs anything for the wrong platform.
    verifierMonde(identite.formation, (this.infos ?? (await this.informations())).formation);
    const { defi } = json<{ defi: string }>(await this.envoyerJson('/v1/session/defi', {}));
    if (typeof defi !== 'string' || !/^[A-Za-z0-9_-]{16,200}$/.test(defi))
      throw erreurs.plateformeInjoignable('défi d’authentification illisible');
    const signature = await identite.signer(new TextEncoder().encode(AUTH_PREFIXE + defi));
    const s = json<SessionPlateforme>(
      await this.envoyerJson('/v1/session', {
        defi,
        certificat: identite.certificatPem,
        chaine: identite.chainePem,
        signature: Buffer.from(signature).toString('base64'),
      }),
    );
    if (typeof s.jeton !== 'string' || !s.commune?.codeInsee) throw erreurs.plateformeInjoignable('session illisible');
    return { jeton: s.jeton, expireLe: s.expireLe, commune: s.commune, agent: s.agent };
  }

  async demandes(session: SessionPlateforme, limite: number): Promise<LivraisonDemande[]> {
    try {
      return await this.pageDemandes(session, limite);
    } catch (e) {
      if (!(e instanceof CorpsTropGrand) && !(e instanceof PageIllisible)) throw e;
      if (limite > 1) return this.demandes(session, 1);
      return [livraisonIllisible(e)];
    }
  }

  private async pageDemandes(session: SessionPlateforme, limite: number): Promise<LivraisonDemande[]> {
    const r = await this.appeler(`/v1/boite/demandes?limite=${limite}`, { method: 'GET' }, session, {
      octetsMax: limite === 1 ? 4 * MIO : this.octetsPageMax,
    });
    let page: { demandes: { id: unknown; livraison: unknown; xml: unknown }[] };
    try {
      page = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.corps));
    } catch {
      throw new PageIllisible(r.corps);
    }
    if (!Array.isArray(page?.demandes)) throw erreurs.plateformeInjoignable('boîte aux lettres illisible');
    return page.demandes.map((d) => {
      if (typeof d.id !== 'string' || !d.id) throw erreurs.plateformeInjoignable('demande livrée sans identifiant');
      return { id: d.id, livraison: Number(d.livraison) || 1, xml: typeof d.xml === 'string' ? d.xml : '' };
    });
  }

  async acquitterDemandes(session: SessionPlateforme, ids: readonly string[]): Promise<void> {
    if (ids.length) await this.envoyerJson('/v1/boite/acquittements', { ids }, session);
  }

  async reponsesRecues(session: SessionPlateforme): Promise<ReponseRecue[]> {
    const r = json<{ reponses: ReponseRecue[] }>(
      await this.appeler('/v1/boite/reponses', { method: 'GET' }, session, { octetsMax: this.octetsPageMax }),
    );
    if (!Array.isArray(r.reponses)) throw erreurs.plateformeInjoignable('réponses reçues illisibles');
    return r.reponses.filter((x) => typeof x.demandeId === 'string' && typeof x.xml === 'string');
  }

  async acquitterReponses(session: SessionPlateforme, demandeIds: readonly string[]): Promise<void> {
    if (demandeIds.length) await this.envoyerJson('/v1/boite/reponses/acquittements', { ids: demandeIds }, session);
  }

  private async deposer(
    chemin: string,
    session: SessionPlateforme,
    document: string,
    cle: string,
  ): Promise<DepotAccepte> {
    const r = await this.appeler(
      chemin,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Idempotency-Key': cle },
        body: document,
      },
      session,
    );
    return { accuseXml: texte(r), rejoue: r.entetes.get('idempotent-replay') === 'true' };
  }

  deposerReponse(session: SessionPlateforme, demandeId: string, document: string, cle: string): Promise<DepotAccepte> {
    return this.deposer(`/v1/demandes/${encodeURIComponent(demandeId)}/reponse`, session, document, cle);
  }

  deposerDemandeEmise(session: SessionPlateforme, document: string, cle: string): Promise<DepotAccepte> {
    return this.deposer('/v1/demandes-emises', session, document, cle);
  }
}

class PageIllisible extends Error {
  constructor(readonly corps: Uint8Array) {
    super('page illisible');
  }
}

/**
 * A one-request page we cannot read as a whole: the envelope's `id` comes first in the JSON,
 * so it is taken from the beginning of the bytes; the request is then quarantined (and
 * acknowledged) instead of blocking the mailbox forever. Without an id, nothing can be done
 * safely: the sync stops with a clear error.
 */
function livraisonIllisible(e: CorpsTropGrand | PageIllisible): LivraisonDemande {
  const debut = e instanceof CorpsTropGrand ? e.debut : e.corps.subarray(0, 1024 * 1024);
  const tete = Buffer.from(debut.subarray(0, 64 * 1024)).toString('latin1');
  const id = /"id"\s*:\s*"([A-Za-z_][A-Za-z0-9._-]{0,127})"/.exec(tete)?.[1];
  if (!id)
    throw erreurs.plateformeInjoignable('document illisible en tête de la boîte aux lettres (identifiant introuvable)');
  const octets = e instanceof CorpsTropGrand ? e.octetsLus : e.corps.byteLength;
  return {
    id,
    livraison: 1,
    illisible:
      e instanceof CorpsTropGrand
        ? {
            motif: 'trop_volumineux',
            raison: `document trop volumineux (plus de ${octets} octets, 1 Mo au plus)`,
            debut,
            octets,
          }
        : { motif: 'encodage_invalide', raison: 'octets invalides : la livraison n’est pas en UTF-8', debut, octets },
  };
}
