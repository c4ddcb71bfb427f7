import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCarte } from '../../../electron/signature';
import { AdaptateurBacASable } from '../../../electron/sync/plateforme/bac-a-sable';
import { creerServiceSync, type ServiceSync } from '../../../electron/sync/service';
import { appTemporaire } from '../../support/app-temporaire';
import { carteConnectee, monterBanc, preparerReponses, signerTout, type Banc } from './outils/banc';

/**
 * Fault test: the real sandbox with 30% of 5xx, timeouts (the platform holds the request longer
 * than the client waits), connections cut AFTER a document was stored, and duplicate deliveries.
 * The same invariants as the crash test must hold: each request stored once, each answer
 * accepted once, under the key the client made for it.
 */
const app = appTemporaire();
let banc: Banc;
let carte: ServiceCarte;
let sync: ServiceSync;

beforeAll(async () => {
  banc = await monterBanc(path.join(app.dossier, 'banc'));
  app.contexte.parametres.ecrire('commune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  carte = await carteConnectee(banc.cartes, app.contexte.horloge, path.join(app.dossier, 'formation'));
  sync = creerServiceSync(app.contexte, carte, {
    // the client gives up after 400 ms; the platform holds "timed out" requests 1.5 s
    adaptateur: () => new AdaptateurBacASable({ url: banc.plateforme.url, delaiMs: 400 }),
    reglages: { reprise: { baseMs: 20, plafondMs: 200 }, taillePage: 25 },
  });
});
afterAll(async () => {
  sync?.arreter();
  carte?.arreter();
  app.detruire();
  await banc?.arreter();
});

describe('pannes de la plateforme : 30 % de 5xx, délais dépassés, coupures après enregistrement, livraisons en double', () => {
  it('chaque demande stockée une fois, chaque réponse acceptée une fois', async () => {
    await banc.admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 60, graine: 3 });
    await banc.admin('PUT', '/v1/admin/pannes', {
      taux5xx: 0.3,
      tauxDelaiDepasse: 0.1,
      delaiDepasseMs: 1500,
      tauxCoupureApresEnregistrement: 0.3,
      tauxLivraisonDupliquee: 0.3,
      graine: 11,
    });
    const db = app.contexte.db();
    const statuts: string[] = [];
    let fini = false;
    for (let tour = 0; tour < 80 && !fini; tour++) {
      if (tour === 3) await banc.admin('POST', '/v1/admin/communes/81021/demandes/generer', { nombre: 20, graine: 4 });
      const r1 = await sync.moteur.synchroniser('automatique');
      preparerReponses(db, app.contexte.horloge, banc.cartes.commune);
      await signerTout(db, app.contexte.horloge, carte, banc.cartes.cartes.officier.pin);
      await new Promise((r) => setTimeout(r, 150));
      const r2 = await sync.moteur.synchroniser('automatique');
      statuts.push(r1.statut, r2.statut);
      const restantes = db.prepare("SELECT count(*) FROM demandes WHERE cycle <> 'accusee'").pluck().get() as number;
      const boite = banc.plateforme.plateforme.db
        .prepare("SELECT count(*) FROM demandes WHERE code_insee = '81021' AND acquittee_le IS NULL")
        .pluck()
        .get() as number;
      fini = restantes === 0 && r2.enAttente === 0 && boite === 0 && tour >= 3;
    }
    expect(fini).toBe(true);
    // the faults really happened
    expect(statuts.filter((s) => s !== 'reussie').length).toBeGreaterThan(0);
    expect(db.prepare('SELECT sum(doublons) FROM synchros').pluck().get()).toBeGreaterThan(0);
    expect(
      db.prepare("SELECT count(*) FROM envois_etapes WHERE etat = 'envoi' AND detail LIKE 'reporté%'").pluck().get(),
    ).toBeGreaterThan(0);

    const p = banc.plateforme.plateforme.db;
    const idsPlateforme = p.prepare("SELECT id FROM demandes WHERE code_insee = '81021' ORDER BY id").pluck().all();
    expect(idsPlateforme).toHaveLength(80);
    expect(db.prepare('SELECT id_plateforme FROM demandes ORDER BY id_plateforme').pluck().all()).toEqual(
      idsPlateforme,
    );
    const reponses = p
      .prepare("SELECT demande_id, cle_idempotence FROM reponses WHERE code_insee = '81021' ORDER BY demande_id")
      .all();
    expect(reponses).toHaveLength(80);
    const acceptes = db
      .prepare(
        "SELECT d.id_plateforme AS demande_id, e.cle_idempotence FROM envois e JOIN demandes d ON d.id = e.demande_id WHERE e.etat = 'accepte' ORDER BY d.id_plateforme",
      )
      .all();
    expect(acceptes).toEqual(reponses);
    expect(db.prepare("SELECT count(*) FROM envois WHERE etat = 'rejete'").pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(p.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
