import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceAnnuaire, type CertificatLu } from '../../../electron/annuaire';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { horlogeFixe } from '../../../electron/horloge';
import {
  analyserCertificat,
  creerAutoriteAgents,
  creerRacine,
  emettreCertificat,
  genererCles,
  type Autorite,
} from '../../../electron/signature';
import type { Delegation } from '../../../shared/domain/droits-agent';
import { RegistreError } from '../../../shared/errors';

/**
 * The directory's service over a real SQLite database, with real certificates issued by the
 * software PKI as the cards' public objects (the integration test opens SoftHSM2 cards).
 */
const JOUR = 86_400_000;
const horloge = horlogeFixe('2026-02-02T09:00:00.000Z');
let ac: Autorite;
const lecteur = new Map<string, CertificatLu[]>();
let db: Base;
let session: string | null;
let service: ServiceAnnuaire;

async function carte(jetonId: string, titulaire: string, signature: boolean, fin = 3 * 365): Promise<void> {
  const maintenant = horloge.maintenant().getTime();
  const lus: CertificatLu[] = [];
  for (const usage of signature ? (['authentification', 'signature'] as const) : (['authentification'] as const)) {
    const cles = await genererCles();
    const c = await emettreCertificat(ac, {
      spki: cles.publicKey,
      sujet: `CN=${titulaire}, O=MAIRIE-81-AUSSILLON, C=FR`,
      usage,
      notBefore: new Date(maintenant - 30 * JOUR),
      notAfter: new Date(maintenant + fin * JOUR),
    });
    const a = analyserCertificat(new Uint8Array(c.rawData));
    lus.push({
      usage: a.usage,
      titulaire: a.titulaire,
      emetteur: a.emetteur,
      serie: a.serie,
      empreinte: a.empreinte,
      debut: a.debut.toISOString(),
      fin: a.fin.toISOString(),
      sujet: a.x509.subject,
    });
  }
  lecteur.set(jetonId, lus);
}

const MARTIN = {
  nom: 'MARTIN',
  prenoms: 'Jeanne',
  dateNaissance: '1968-03-14',
  fonction: 'Maire adjointe',
  email: null,
};
const DURAND = {
  nom: 'DURAND',
  prenoms: 'Paul',
  dateNaissance: '1990-11-02',
  fonction: 'Agent d’accueil',
  email: 'p.durand@aussillon.fr',
  actif: true,
};
const DELEGATION: Delegation = {
  qualite: 'adjoint',
  arreteLe: '2026-01-05',
  reference: 'A-2026-03',
  portee: 'état civil',
  fin: null,
};

function erreur(fn: () => unknown): RegistreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RegistreError) return e;
    throw e;
  }
  throw new Error('aucune erreur');
}

beforeAll(async () => {
  const racine = await creerRacine('CN=Racine essai', horloge.maintenant());
  ac = await creerAutoriteAgents('CN=AC Agents essai', racine, horloge.maintenant());
  await carte('martin', 'Jeanne MARTIN', true);
  await carte('durand', 'Paul DURAND', false);
  await carte('inconnue', 'Marc PETIT', true);
  await carte('courte', 'Jeanne MARTIN', true, 70);
});

beforeEach(() => {
  horloge.regler('2026-02-02T09:00:00.000Z');
  db = ouvrirBase(':memory:');
  session = null;
  service = new ServiceAnnuaire({
    db: () => db,
    horloge,
    carte: {
      session: () => (session ? { jetonId: session, certificats: lecteur.get(session)! } : null),
      certificats: (jetonId) => lecteur.get(jetonId)!,
    },
  });
});
afterEach(() => db.close());

function creerAnnuaire() {
  session = 'martin';
  return service.creer(MARTIN, DELEGATION);
}

describe('premier démarrage : pas d’annuaire', () => {
  it('rien n’est refusé, et la session d’un officier peut créer l’annuaire', () => {
    expect(service.etat().poste.etat).toBe('consultation');
    session = 'martin';
    expect(service.etat()).toMatchObject({
      existe: false,
      poste: { etat: 'sans_annuaire', peutSigner: true, peutCreerAnnuaire: true },
    });
    expect(() => service.clavier.verifierOuverture(lecteur.get('inconnue')!)).not.toThrow();
    // not even read: a card no reader shows is no error
    expect(() => service.verifierCarte('absente')).not.toThrow();
    expect(() => service.clavier.exigerDroitDeSigner()).not.toThrow();
    expect(erreur(() => service.listerAgents()).code).toBe('annuaire_absent');
    session = 'durand';
    expect(service.etat().poste.peutCreerAnnuaire).toBe(false);
    expect(erreur(() => service.creer(DURAND, DELEGATION)).details).toMatchObject({ controle: 'non_repudiation' });
  });

  it('le premier officier crée l’annuaire : officier et responsable cartes, sa carte activée', () => {
    const a = creerAnnuaire();
    expect(a).toMatchObject({
      nom: 'MARTIN',
      roles: ['officier', 'responsable_cartes'],
      delegation: DELEGATION,
      actif: true,
    });
    expect(a.cartes).toHaveLength(1);
    expect(a.cartes[0]).toMatchObject({
      etat: 'activee',
      motifCommande: 'premiere',
      coutHtCentimes: 0,
      remiseLe: '2026-02-02',
    });
    expect(a.cartes[0].signature?.empreinte).toBe(lecteur.get('martin')![1].empreinte);
    expect(service.historiqueCarte(a.cartes[0].id).map((h) => h.action)).toEqual(['commander', 'remettre', 'activer']);
    expect(service.journal(10).at(-1)?.quoi).toMatch(
      /^Annuaire créé ; Jeanne MARTIN : officier de l’état civil, responsable cartes \(adjoint, arrêté A-2026-03/,
    );
    expect(service.etat().poste).toMatchObject({ etat: 'agent', peutSigner: true, peutGererAnnuaire: true });
    expect(erreur(() => service.creer(MARTIN, DELEGATION)).code).toBe('conflit');
  });
});

describe('qui est au clavier, et le droit de signer', () => {
  it('l’officier enregistré signe ; avec un autre certificat que celui de sa carte, non', () => {
    creerAnnuaire();
    expect(() => service.clavier.exigerDroitDeSigner(lecteur.get('martin')![1].empreinte)).not.toThrow();
    expect(erreur(() => service.clavier.exigerDroitDeSigner('f'.repeat(64))).details).toMatchObject({
      controle: 'certificat_de_la_carte',
    });
  });

  it('une carte inconnue : le message qui dit quoi faire, pas de session, pas de signature', () => {
    creerAnnuaire();
    expect(erreur(() => service.verifierCarte('inconnue')).code).toBe('carte_inconnue');
    expect(() => service.verifierCarte('martin')).not.toThrow();
    const e = erreur(() => service.clavier.verifierOuverture(lecteur.get('inconnue')!));
    expect(e.code).toBe('carte_inconnue');
    expect(e.message).toBe('Carte inconnue de l’annuaire : demandez au responsable cartes de l’enregistrer.');
    session = 'inconnue';
    expect(service.etat().poste).toMatchObject({ etat: 'carte_inconnue', message: e.message, peutSigner: false });
    expect(erreur(() => service.clavier.exigerDroitDeSigner()).code).toBe('carte_inconnue');
    session = null;
    expect(erreur(() => service.clavier.exigerDroitDeSigner()).details).toMatchObject({ controle: 'session' });
  });

  it('un agent sans délégation prépare mais ne signe pas, ni ne gère l’annuaire', () => {
    creerAnnuaire();
    const paul = service.enregistrerAgent(null, DURAND);
    expect(paul.roles).toEqual(['agent']);
    expect(service.enregistrerCarte(paul.id, 'durand', 'premiere')).toMatchObject({
      etat: 'remise',
      titulaire: 'Paul DURAND',
      signature: null,
    });
    session = 'durand';
    expect(() => service.clavier.verifierOuverture(lecteur.get('durand')!)).not.toThrow();
    expect(service.etat().poste).toMatchObject({
      etat: 'agent',
      agent: { nomComplet: 'Paul DURAND' },
      peutSigner: false,
      refusSignature: { controle: 'officier' },
      peutGererAnnuaire: false,
    });
    expect(erreur(() => service.clavier.exigerDroitDeSigner()).message).toMatch(
      /^Signature non autorisée : Paul DURAND n’est pas officier/,
    );
    expect(erreur(() => service.enregistrerAgent(paul.id, { ...DURAND, fonction: 'Chef' })).details).toMatchObject({
      controle: 'responsable_cartes',
    });
    // made an officer, his card still has no signature certificate
    session = 'martin';
    service.definirRoles(paul.id, ['officier', 'agent'], DELEGATION);
    session = 'durand';
    expect(erreur(() => service.clavier.exigerDroitDeSigner()).details).toMatchObject({
      controle: 'certificat_de_la_carte',
    });
  });

  it('une carte révoquée n’ouvre plus de session ; l’historique et le journal le gardent', () => {
    creerAnnuaire();
    const paul = service.enregistrerAgent(null, DURAND);
    const c = service.enregistrerCarte(paul.id, 'durand', 'premiere');
    expect(service.changerEtatCarte(c.id, 'revoquer', 'perte')).toMatchObject({
      etat: 'revoquee',
      motifRevocation: 'perte',
    });
    const e = erreur(() => service.clavier.verifierOuverture(lecteur.get('durand')!));
    expect(e.code).toBe('droits_insuffisants');
    expect(e.details).toMatchObject({ controle: 'carte_en_service' });
    expect(e.message).toBe(
      'Session non autorisée : cette carte est révoquée (perte) : elle ne peut plus ouvrir de session',
    );
    expect(erreur(() => service.changerEtatCarte(c.id, 'activer', null)).code).toBe('transition_refusee');
    expect(service.historiqueCarte(c.id).map((h) => [h.de, h.vers, h.par])).toEqual([
      [null, 'commandee', 'Jeanne MARTIN'],
      ['commandee', 'remise', 'Jeanne MARTIN'],
      ['remise', 'revoquee', 'Jeanne MARTIN'],
    ]);
    expect(service.journal(1)[0]).toMatchObject({
      par: 'Jeanne MARTIN',
      agent: 'Paul DURAND',
      quoi: `Carte n° ${c.id} : révoquée (perte)`,
    });
    // the same card cannot be registered twice
    expect(erreur(() => service.enregistrerCarte(paul.id, 'durand', 'premiere')).code).toBe('conflit');
  });

  it('une délégation terminée retire le droit de signer', () => {
    creerAnnuaire();
    const martin = service.listerAgents()[0];
    service.definirRoles(martin.id, ['officier', 'responsable_cartes'], { ...DELEGATION, fin: '2026-02-01' });
    expect(erreur(() => service.clavier.exigerDroitDeSigner()).details).toMatchObject({
      controle: 'delegation_en_cours',
    });
    expect(service.journal(1)[0].quoi).toMatch(/jusqu’au 2026-02-01\)$/);
  });
});

describe('gestion de l’annuaire', () => {
  it('l’annuaire garde toujours un responsable cartes actif : sinon rien n’est changé', () => {
    const a = creerAnnuaire();
    const avant = service.journal(100).length;
    expect(erreur(() => service.definirRoles(a.id, ['officier'], DELEGATION)).code).toBe('conflit');
    expect(erreur(() => service.enregistrerAgent(a.id, { ...MARTIN, actif: false })).code).toBe('conflit');
    expect(service.lireAgent(a.id)).toMatchObject({ roles: ['officier', 'responsable_cartes'], actif: true });
    expect(service.journal(100)).toHaveLength(avant);
  });

  it('quota et coût à la commande, tableau annuel, renouvellement signalé 60 jours avant', () => {
    const a = creerAnnuaire();
    const paul = service.enregistrerAgent(null, DURAND);
    expect(service.commanderCarte(paul.id, 'premiere')).toMatchObject({ etat: 'commandee', coutHtCentimes: 0 });
    expect(service.commanderCarte(paul.id, 'perte').coutHtCentimes).toBe(3000);
    expect(service.commanderCarte(a.id, 'renouvellement').coutHtCentimes).toBe(3000);
    expect(service.couts()).toEqual([
      { annee: 2026, commandees: 4, gratuites: 2, payantes: 2, montantHtCentimes: 6000 },
    ]);
    // a pending order gets the card handed over
    const remise = service.enregistrerCarte(paul.id, 'durand', 'premiere');
    expect(remise).toMatchObject({ etat: 'remise', motifCommande: 'premiere', coutHtCentimes: 0 });
    // the officer's card ends in 3 years: warned 60 days before
    horloge.regler(new Date(Date.parse('2026-02-02T09:00:00.000Z') + (3 * 365 - 50) * JOUR));
    const [premiere] = service.listerCartes();
    expect(premiere.titulaire).toBe('Jeanne MARTIN');
    expect(premiere.alerte).toMatchObject({ niveau: 'a_renouveler' });
  });
});
