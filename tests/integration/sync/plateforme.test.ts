import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCarte } from '../../../electron/signature';
import { identiteDepuisCarte } from '../../../electron/sync/identite-carte';
import { AdaptateurBacASable } from '../../../electron/sync/plateforme/bac-a-sable';
import { ConnexionPlateforme } from '../../../electron/sync/plateforme/connexion';
import type { IdentiteConnexion } from '../../../electron/sync/plateforme/adaptateur';
import { demarrerPlateforme, type PlateformeDemarree } from '../../../sandbox';
import { horlogeSysteme } from '../../../electron/horloge';
import { dossierTemporaire } from '../../support/app-temporaire';
import { carteConnectee, monterBanc, type Banc } from './outils/banc';

/** The sandbox adapter against the real sandbox: authentication with the card, worlds, session expiry. */
const dossier = dossierTemporaire();
let banc: Banc;
let formation: PlateformeDemarree;
let carte: ServiceCarte;
let identite: () => Promise<IdentiteConnexion>;

beforeAll(async () => {
  banc = await monterBanc(dossier.chemin, { dureeSessionMs: 60_000 });
  formation = await demarrerPlateforme({ ancres: [banc.cartes.caPem], formation: true });
  carte = await carteConnectee(banc.cartes, horlogeSysteme, path.join(dossier.chemin, 'formation'));
  identite = identiteDepuisCarte(carte);
});
afterAll(async () => {
  carte?.arreter();
  await banc?.arreter();
  await formation?.arreter();
  dossier.detruire();
});

/** Counts the card signatures an identity makes. */
function compter(i: IdentiteConnexion) {
  const compte = { n: 0 };
  return { compte, identite: { ...i, signer: (d: Uint8Array) => (compte.n++, i.signer(d)) } };
}

describe('adaptateur du bac à sable', () => {
  it('ouvre une session en signant le défi avec la clé d’authentification de la carte', async () => {
    const a = new AdaptateurBacASable({ url: banc.plateforme.url });
    const infos = await a.informations();
    expect(infos).toMatchObject({ nom: 'registre-bac-a-sable', formation: false, versionCourante: 2 });
    const s = await a.ouvrirSession(await identite());
    expect(s.commune).toEqual({ codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' });
    expect(s.agent.delegation).toBe(true);
    expect(await a.demandes(s, 10)).toEqual([]);
  });

  it('refuse une vraie carte sur la plateforme de formation, et la carte de formation sur une vraie plateforme, avant de signer', async () => {
    const reelle = compter(await identite());
    await expect(new AdaptateurBacASable({ url: formation.url }).ouvrirSession(reelle.identite)).rejects.toMatchObject({
      code: 'droits_insuffisants',
      message: expect.stringMatching(/plateforme de formation/),
    });
    const deFormation = compter({ ...(await identite()), formation: true });
    await expect(
      new AdaptateurBacASable({ url: banc.plateforme.url }).ouvrirSession(deFormation.identite),
    ).rejects.toMatchObject({
      code: 'droits_insuffisants',
      message: expect.stringMatching(/carte de formation/),
    });
    expect([reelle.compte.n, deFormation.compte.n]).toEqual([0, 0]);
  });

  it('une session expirée est rouverte une fois avec la carte, puis l’appel est rejoué', async () => {
    const base = compter(await identite());
    const connexion = new ConnexionPlateforme(
      new AdaptateurBacASable({ url: banc.plateforme.url }),
      async () => base.identite,
    );
    await connexion.ouvrir();
    await banc.admin('PUT', '/v1/admin/horloge', { avancerMs: 2 * 60_000 });
    await banc.admin('POST', '/v1/admin/communes/81021/specimens', { nombre: 1 });
    const livrees = await connexion.avecSession((s) => connexion.adaptateur.demandes(s, 10));
    expect(livrees).toHaveLength(1);
    expect(base.compte.n).toBe(2);
  });

  it('un refus de la plateforme est un rejet typé, avec son motif', async () => {
    const a = new AdaptateurBacASable({ url: banc.plateforme.url });
    const s = await a.ouvrirSession(await identite());
    await expect(a.deposerReponse(s, 'DEM-INCONNUE', '<reponse/>', 'cle-1')).rejects.toMatchObject({
      code: 'rejet_plateforme',
      details: expect.objectContaining({ statut: expect.any(Number) }),
    });
    await expect(a.acquitterDemandes({ ...s, jeton: 'faux' }, ['X'])).rejects.toMatchObject({
      code: 'rejet_plateforme',
      details: expect.objectContaining({ motif: 'authentification_requise', statut: 401 }),
    });
  });
});
