import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  construireReponse,
  formeAttendue,
  lireDemande,
  lireRejet,
  type Demande,
  type ReponseSaisie,
} from '../../../electron/comedec/format';
import { horlogeFixe } from '../../../electron/horloge';
import { analyserCertificat, type CertificatAnalyse } from '../../../electron/signature/certificats';
import { listerLecteurs } from '../../../electron/signature/jetons';
import { chargerBibliotheque } from '../../../electron/signature/liaison';
import { CleMaterielle } from '../../../electron/signature/moteur';
import { CodePin } from '../../../electron/signature/pin';
import { SessionCarte } from '../../../electron/signature/session-carte';
import { algorithmeDeCle, SignateurXades } from '../../../electron/signature';
import { demarrerPlateforme, PREFIXE_DEFI, type OptionsDemarrage, type PlateformeDemarree } from '../../../sandbox';
import { provisionnerCartes, type CartesTest } from '../../fixtures/cartes/provisionner';

export type NomCarte = keyof CartesTest['cartes'];

/** A card opened for the whole test file (PKCS#11 session logged in with its PIN). */
export interface CarteOuverte {
  session: SessionCarte;
  pin: string;
  auth: { analyse: CertificatAnalyse; id: Buffer };
  signature: { analyse: CertificatAnalyse; id: Buffer } | null;
  chaine: CertificatAnalyse[];
}

export function ouvrirCarte(cartes: CartesTest, nom: NomCarte): CarteOuverte {
  const carte = cartes.cartes[nom];
  if (!carte) throw new Error(`carte ${nom} non provisionnée`);
  const { liaison } = chargerBibliotheque(cartes.bibliotheque);
  const jeton = listerLecteurs(liaison, cartes.bibliotheque).find((l) => l.carte?.label === carte.label)?.carte;
  if (!jeton) throw new Error(`carte ${carte.label} absente`);
  const session = SessionCarte.ouvrir(liaison, jeton);
  const pin = CodePin.depuisTexte(carte.pin);
  session.connecter(pin);
  pin.effacer();
  const certs = session.certificats().map((c) => ({ analyse: analyserCertificat(c.der), id: c.id! }));
  return {
    session,
    pin: carte.pin,
    auth: certs.find((c) => c.analyse.usage === 'authentification')!,
    signature: certs.find((c) => c.analyse.usage === 'signature') ?? null,
    chaine: certs.map((c) => c.analyse).filter((c) => c.autorite),
  };
}

/** The card's XAdES signer (signature key on the token; its PIN at each signature when the key asks). */
export function signateurCarte(c: CarteOuverte): SignateurXades {
  if (!c.signature) throw new Error('pas de certificat de signature sur cette carte');
  const cle = c.session.cle(c.signature.id);
  return new SignateurXades({
    nature: 'carte',
    certificat: c.signature.analyse,
    chaine: c.chaine,
    cle: new CleMaterielle(algorithmeDeCle(cle), (d) => {
      const pin = CodePin.depuisTexte(c.pin);
      return c.session.signer(cle, d, pin).finally(() => pin.effacer());
    }),
  });
}

export const pem = (c: CertificatAnalyse) => c.x509.toString('pem');

export interface Banc {
  dossier: string;
  cartes: CartesTest;
  ouvertes: Partial<Record<NomCarte, CarteOuverte>>;
  horloge: ReturnType<typeof horlogeFixe>;
  p: PlateformeDemarree;
  admin<T = Record<string, unknown>>(methode: string, chemin: string, corps?: unknown): Promise<T>;
  arreter(): Promise<void>;
}

/**
 * Real bench: SoftHSM2 cards under a test CA, the platform over HTTP on loopback with a fixed,
 * movable clock, commune 81021 (officer with delegation, agent without, officer with an expired
 * card) and commune 81004 (the EC officer).
 */
export async function monterBanc(
  nomDossier: string,
  options: Partial<OptionsDemarrage> = {},
  cartesVoulues: NomCarte[] = ['officier', 'agent', 'expiree', 'officierEc'],
): Promise<Banc> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), `${nomDossier}-`));
  const cartes = await provisionnerCartes(path.join(dossier, 'cartes'), { seulement: cartesVoulues });
  const horloge = horlogeFixe(new Date());
  const p = await demarrerPlateforme({
    ancres: [cartes.caPem],
    horloge,
    fichierBase: path.join(dossier, 'plateforme.sqlite'),
    ...options,
  });
  const admin = async <T>(methode: string, chemin: string, corps?: unknown): Promise<T> => {
    const r = await fetch(`${p.url}${chemin}`, {
      method: methode,
      headers: { Authorization: `Bearer ${p.jetonAdmin}`, 'Content-Type': 'application/json' },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    });
    const texte = await r.text();
    if (!r.ok) throw new Error(`admin ${methode} ${chemin} : ${r.status} ${texte.slice(0, 400)}`);
    return JSON.parse(texte) as T;
  };
  const ouvertes: Banc['ouvertes'] = {};
  for (const nom of cartesVoulues) ouvertes[nom] = ouvrirCarte(cartes, nom);
  const certs = (nom: NomCarte) => {
    const o = ouvertes[nom];
    return o ? [pem(o.auth.analyse), ...(o.signature ? [pem(o.signature.analyse)] : [])] : [];
  };
  const agents = [
    ...(ouvertes.officier ? [{ nom: 'Jeanne MARTIN', delegation: true, certificats: certs('officier') }] : []),
    ...(ouvertes.agent ? [{ nom: 'Paul DURAND', delegation: false, certificats: certs('agent') }] : []),
    ...(ouvertes.expiree ? [{ nom: 'Louise BERNARD', delegation: true, certificats: certs('expiree') }] : []),
  ];
  await admin('POST', '/v1/admin/communes', { codeInsee: '81021', agents });
  if (ouvertes.officierEc)
    await admin('POST', '/v1/admin/communes', {
      codeInsee: '81004',
      agents: [{ nom: 'Marc PETIT', delegation: true, certificats: certs('officierEc') }],
    });
  return {
    dossier,
    cartes,
    ouvertes,
    horloge,
    p,
    admin,
    async arreter() {
      for (const o of Object.values(ouvertes)) o?.session.fermer();
      await p.arreter();
      fs.rmSync(dossier, { recursive: true, force: true });
    },
  };
}

/** Opens a platform session with a card's authentication key (challenge signed on the token). */
export async function sessionAvec(b: Banc, nom: NomCarte): Promise<string> {
  const r = await tenterSession(b.p.url, identiteCarte(b.ouvertes[nom]!));
  if (r.statut !== 200) throw new Error(`session refusée : ${r.statut} ${r.motif}`);
  return (r.json as { jeton: string }).jeton;
}

/** Who connects: an authentication certificate and the key that signs the challenge. */
export interface Identite {
  certificat: CertificatAnalyse;
  chaine: CertificatAnalyse[];
  signer(donnees: Uint8Array): Promise<Uint8Array>;
}

export function identiteCarte(c: CarteOuverte): Identite {
  return {
    certificat: c.auth.analyse,
    chaine: c.chaine,
    signer: (d) => c.session.signer(c.session.cle(c.auth.id), d, null),
  };
}

export async function tenterSession(url: string, id: Identite, alterer?: (donnees: string) => string) {
  const { defi } = (await (await fetch(`${url}/v1/session/defi`, { method: 'POST' })).json()) as { defi: string };
  const donnees = alterer ? alterer(`${PREFIXE_DEFI}${defi}`) : `${PREFIXE_DEFI}${defi}`;
  const sig = await id.signer(new TextEncoder().encode(donnees));
  return envoyer(url, '/v1/session', {
    json: {
      defi,
      certificat: pem(id.certificat),
      chaine: id.chaine.map(pem),
      signature: Buffer.from(sig).toString('base64'),
    },
  });
}

export interface ReponseHttp {
  statut: number;
  entetes: Headers;
  texte: string;
  json: unknown;
  /** Reason of a 4xx (read from its `rejet` document). */
  motif: string | null;
  message: string | null;
}

export async function envoyer(
  url: string,
  chemin: string,
  o: { methode?: string; jeton?: string; json?: unknown; corps?: Uint8Array | string; cle?: string } = {},
): Promise<ReponseHttp> {
  const entetes: Record<string, string> = {};
  if (o.jeton) entetes.Authorization = `Bearer ${o.jeton}`;
  if (o.cle) entetes['Idempotency-Key'] = o.cle;
  if (o.json !== undefined) entetes['Content-Type'] = 'application/json';
  if (o.corps !== undefined) entetes['Content-Type'] = 'application/xml';
  const r = await fetch(`${url}${chemin}`, {
    method: o.methode ?? (o.json !== undefined || o.corps !== undefined ? 'POST' : 'GET'),
    headers: entetes,
    body:
      o.json !== undefined
        ? JSON.stringify(o.json)
        : typeof o.corps === 'string'
          ? o.corps
          : o.corps
            ? Buffer.from(o.corps)
            : undefined,
  });
  const texte = await r.text();
  let json: unknown = null;
  let motif: string | null = null;
  let message: string | null = null;
  if (r.headers.get('content-type')?.includes('json')) json = JSON.parse(texte);
  if (r.status >= 400 && r.status < 500) {
    const rejet = lireRejet(texte);
    motif = rejet.motif;
    message = rejet.message;
    if (r.headers.get('x-comedec-motif') !== motif) throw new Error('en-tête X-Comedec-Motif incohérent');
  }
  return { statut: r.status, entetes: r.headers, texte, json, motif, message };
}

/** The mailbox of the session's commune, parsed with the format module. */
export async function boite(
  b: Banc,
  jeton: string,
): Promise<{ id: string; xml: string; version: number; livraison: number }[]> {
  const r = await envoyer(b.p.url, '/v1/boite/demandes', { jeton });
  if (r.statut !== 200) throw new Error(`boîte : ${r.statut}`);
  return (r.json as { demandes: { id: string; xml: string; version: number; livraison: number }[] }).demandes;
}

/** A request of a given requester, deposited in commune 81021. */
export async function deposer(
  b: Banc,
  demandeur: 'interieur' | 'notaire' | 'commune' | 'autre' = 'notaire',
  code = '81021',
): Promise<string> {
  const { id } = await b.admin<{ id: string }>('POST', `/v1/admin/communes/${code}/demandes`, {
    demande: {
      demandeur: {
        type: demandeur,
        libelle: 'Étude de Maître Cazals, Castres',
        reference: `R-${randomUUID().slice(0, 8)}`,
        typeReference: 'reference_etude',
      },
      typeActe: 'naissance',
      personne: { nom: 'NDIAYE', prenoms: ['Marie-Hélène'], sexe: 'F', dateNaissance: '1987-03-12' },
      pere: { nom: 'NDIAYE', prenoms: ['Amadou'] },
    },
  });
  return id;
}

/** A positive answer in the form the requester needs (unsigned). */
export function reponsePour(
  d: Demande,
  commune = { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' },
  modif: Partial<ReponseSaisie> = {},
): string {
  return construireReponse({
    version: d.version,
    id: `REP-${randomUUID()}`,
    demandeId: d.id,
    commune,
    emiseLe: new Date().toISOString(),
    resultat: {
      nature: 'positive',
      forme: formeAttendue(d.demandeur.type),
      acte: {
        type: 'naissance',
        annee: 1987,
        numero: 42,
        dateActe: '1987-03-13',
        dateEvenement: '1987-03-12',
        lieuEvenement: { commune: 'Aussillon', codeInsee: '81021', departement: '81' },
        personnes: [
          { role: 'titulaire', nom: 'NDIAYE', prenoms: ['Marie-Hélène'], sexe: 'F', dateNaissance: '1987-03-12' },
        ],
        mentions: [],
      },
    },
    ...modif,
  });
}

/** The request as the commune sees it (v2 unless the mailbox speaks v1). */
export async function demandeVue(b: Banc, jeton: string, id: string): Promise<Demande> {
  const e = (await boite(b, jeton)).find((x) => x.id === id);
  if (!e) throw new Error(`demande ${id} absente de la boîte`);
  return lireDemande(e.xml);
}

export const sha256 = (t: string | Uint8Array) => createHash('sha256').update(t).digest('hex');

export async function signer(b: Banc, nom: NomCarte, xml: string): Promise<string> {
  return signateurCarte(b.ouvertes[nom]!).signer(xml, { horodatage: b.horloge.maintenant() });
}
