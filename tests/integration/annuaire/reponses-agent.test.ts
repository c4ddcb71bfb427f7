import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionnerCartes } from '../../fixtures/cartes/provisionner';
import { appelant, appTemporaire } from '../../support/app-temporaire';
import { monterBanc, reglerCommuneEtCarte, type Banc } from '../sync/outils/banc';
import { PREMIERE_OFFICIERE } from './outils';

/**
 * An agent prepares, an officer signs, with the sandbox platform over HTTP and SoftHSM2 cards.
 * Marc PETIT's card holds a signature certificate, but neither the commune's directory nor the
 * platform gives him a delegation: the platform would answer `officier_non_delegue`; Registre
 * refuses first, and nothing leaves. The officer then signs the same draft, and it is accepted.
 */
const app = appTemporaire();
const appeler = appelant(app);
let banc: Banc;
let demandeId = 0;
let acteId = 0;

const AUSSILLON = { commune: 'Aussillon', codeInsee: '81021', departement: '81' };
const acte = {
  type: 'naissance' as const,
  annee: 1987,
  numero: 42,
  dateActe: '1987-03-13',
  dateEvenement: '1987-03-12',
  lieuEvenement: AUSSILLON,
  personnes: [
    {
      role: 'titulaire' as const,
      nom: 'NDIAYE',
      prenoms: ['Marie'],
      sexe: 'F' as const,
      dateNaissance: '1987-03-12',
      lieuNaissance: AUSSILLON,
    },
    { role: 'pere' as const, nom: 'NDIAYE', prenoms: ['Amadou'], sexe: 'M' as const },
    { role: 'mere' as const, nom: 'CAZALS', prenoms: ['Françoise'], sexe: 'F' as const },
  ],
  mentions: [],
};

async function connecter(nom: 'officier' | 'agent' | 'officierEc') {
  const carte = banc.cartes.cartes[nom];
  const etat = await appeler('carte.etat', {});
  const jeton = etat.lecteurs.find((l: { carte: { label: string } | null }) => l.carte?.label === carte.label).carte;
  await appeler('carte.connecter', { jetonId: jeton.id, pin: carte.pin });
  return jeton.id as string;
}

beforeAll(async () => {
  const dossier = path.join(app.dossier, 'banc');
  const cartes = await provisionnerCartes(path.join(dossier, 'cartes'), {
    seulement: ['officier', 'agent', 'officierEc'],
  });
  banc = await monterBanc(dossier, { cartes });
  const { officier, agent, officierEc } = cartes.cartes;
  // The platform knows Marc PETIT, without a delegation (as the State's directory would).
  await banc.admin('POST', '/v1/admin/communes', {
    codeInsee: '81021',
    agents: [
      {
        nom: 'Jeanne MARTIN',
        delegation: true,
        certificats: [officier.certificats.authentification, officier.certificats.signature],
      },
      { nom: 'Paul DURAND', delegation: false, certificats: [agent.certificats.authentification] },
      {
        nom: 'Marc PETIT',
        delegation: false,
        certificats: [officierEc.certificats.authentification, officierEc.certificats.signature],
      },
    ],
  });
  await reglerCommuneEtCarte(app, banc);
  await appeler('sync.enregistrerParametres', {
    plateforme: { url: banc.plateforme.url },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
  acteId = (await appeler('registre.enregistrer', { acte })).id;
  const [titulaire, pere, mere] = acte.personnes;
  const { id } = await banc.admin<{ id: string }>('POST', '/v1/admin/communes/81021/demandes', {
    demande: {
      specimen: false,
      demandeur: { type: 'notaire', libelle: 'Étude de Maître Lefèvre, Castres', reference: 'REF-42' },
      typeActe: 'naissance',
      personne: {
        nom: titulaire.nom,
        prenoms: titulaire.prenoms,
        sexe: titulaire.sexe,
        dateNaissance: titulaire.dateNaissance,
        lieuNaissance: AUSSILLON,
      },
      pere: { nom: pere.nom, prenoms: pere.prenoms },
      mere: { nom: mere.nom, prenoms: mere.prenoms },
    },
  });
  await connecter('officier');
  expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', recues: 1 });
  const { demandes } = await appeler('demandes.lister', { limite: 10 });
  demandeId = demandes.find((d: { idPlateforme: string }) => d.idPlateforme === id).id;
  // The first officer creates the directory and registers the two agents' cards.
  await appeler('annuaire.creer', PREMIERE_OFFICIERE);
  for (const [nom, prenoms, carte] of [
    ['DURAND', 'Paul', agent],
    ['PETIT', 'Marc', officierEc],
  ] as const) {
    const a = await appeler('annuaire.enregistrerAgent', {
      nom,
      prenoms,
      dateNaissance: '1990-01-01',
      fonction: 'Agent',
      email: null,
    });
    const etat = await appeler('carte.etat', {});
    const jeton = etat.lecteurs.find((l: { carte: { label: string } | null }) => l.carte?.label === carte.label).carte;
    await appeler('annuaire.enregistrerCarte', { agentId: a.id, jetonId: jeton.id });
  }
});
afterAll(async () => {
  app.detruire();
  await banc?.arreter();
});

describe('un agent prépare, un officier délégué signe', () => {
  it('la réponse préparée par l’agent dit « préparée par » son nom de l’annuaire et attend un officier', async () => {
    await connecter('agent');
    const r = await appeler('reponses.preparerPositive', { demandeId, acteId });
    expect(r).toMatchObject({ etat: 'brouillon', prepareePar: 'Paul DURAND' });
    const e = await appeler('signature.signerLot', {
      ids: [r.documentSignatureId],
      pin: banc.cartes.cartes.agent.pin,
    }).catch((x: { erreur: unknown }) => x.erreur);
    expect(e).toMatchObject({ code: 'droits_insuffisants', details: { controle: 'officier' } });
  });

  it('un signataire que la plateforme refuserait (officier_non_delegue) est refusé d’abord par Registre : rien ne part', async () => {
    await connecter('officierEc');
    const [brouillon] = await appeler('reponses.lister', { etats: ['brouillon'] });
    const e = await appeler('signature.signerLot', {
      ids: [brouillon.documentSignatureId],
      pin: banc.cartes.cartes.officierEc.pin,
    }).catch((x: { erreur: unknown }) => x.erreur);
    expect(e).toMatchObject({
      code: 'droits_insuffisants',
      message: expect.stringMatching(/^Signature non autorisée : Marc PETIT n’est pas officier de l’état civil/),
    });
    expect(await appeler('reponses.lister', { etats: ['brouillon'] })).toHaveLength(1);
    const { reponses } = await banc.admin<{ reponses: unknown[] }>('GET', '/v1/admin/communes/81021/reponses');
    expect(reponses).toHaveLength(0);
  });

  it('l’officier délégué signe le brouillon de l’agent ; la plateforme l’accepte', async () => {
    await connecter('officier');
    const [brouillon] = await appeler('reponses.lister', { etats: ['brouillon'] });
    expect(
      await appeler('signature.signerLot', {
        ids: [brouillon.documentSignatureId],
        pin: banc.cartes.cartes.officier.pin,
      }),
    ).toMatchObject({ signes: 1, erreur: null });
    expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', acceptees: 1, rejetees: 0 });
    expect(await appeler('demandes.lire', { id: demandeId })).toMatchObject({ cycle: 'accusee' });
  });
});
