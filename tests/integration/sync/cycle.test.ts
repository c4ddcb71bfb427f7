import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appTemporaire, appelant } from '../../support/app-temporaire';
import { monterBanc, reglerCommuneEtCarte, preparerReponses, type Banc } from './outils/banc';
import { demarrerServeurSmtp, type ServeurSmtp } from './outils/serveur-smtp';

/**
 * The whole cycle through the contract, as the renderer drives it: card settings and PIN,
 * platform and SMTP settings, "Tester la connexion", "Mettre à jour" (pull + alert), answers
 * signed with the SoftHSM2 card, "Mettre à jour" (outbox), then what the platform holds.
 */
const app = appTemporaire();
let banc: Banc;
let smtp: ServeurSmtp;
const evenements: [string, unknown][] = [];

const appeler = appelant(app);

beforeAll(async () => {
  banc = await monterBanc(path.join(app.dossier, 'banc'));
  smtp = await demarrerServeurSmtp();
  app.bus.abonner((nom, charge) => evenements.push([nom, charge]));
  await reglerCommuneEtCarte(app, banc);
  await appeler('sync.enregistrerParametres', {
    plateforme: { url: banc.plateforme.url },
    smtp: {
      active: true,
      hote: '127.0.0.1',
      port: smtp.port,
      securite: 'aucune',
      utilisateur: null,
      expediteur: 'registre@aussillon.fr',
    },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
});
afterAll(async () => {
  app.detruire();
  await smtp?.fermer();
  await banc?.arreter();
});

const connecter = async (label: string, pin: string) => {
  const etat = await appeler('carte.etat');
  const jeton = etat.lecteurs.find((l: { carte: { label: string } | null }) => l.carte?.label === label).carte;
  await appeler('carte.connecter', { jetonId: jeton.id, pin });
};

describe('synchronisation complète avec la plateforme bac à sable, une carte SoftHSM2 et un vrai SMTP', () => {
  it('« Tester la connexion » sans carte connectée : l’étape carte échoue, la plateforme répond', async () => {
    const r = await appeler('sync.testerConnexion');
    expect(r.ok).toBe(false);
    expect(r.etapes.map((e: { etape: string; statut: string }) => [e.etape, e.statut])).toEqual([
      ['carte', 'echec'],
      ['joignabilite', 'ok'],
      ['version', 'ok'],
      ['authentification', 'non_verifiee'],
    ]);
    expect(r.etapes[0].message).toMatch(/carte/i);
    expect(r.etapes[2].message).toMatch(/format d’échange 2 : compatible/);
  });

  it('« Tester la connexion » avec la carte de l’agent : authentifié, mais sans délégation', async () => {
    await connecter(banc.cartes.cartes.agent.label, banc.cartes.cartes.agent.pin);
    const r = await appeler('sync.testerConnexion');
    expect(r.ok).toBe(true);
    expect(r.etapes[3].message).toMatch(/MAIRIE-81-AUSSILLON.*sans délégation/);
  });

  it('« Mettre à jour » reçoit les demandes, les stocke une fois, alerte par courriel et par événement', async () => {
    await connecter(banc.cartes.cartes.officier.label, banc.cartes.cartes.officier.pin);
    const { ids } = await banc.admin<{ ids: string[] }>('POST', '/v1/admin/communes/81021/demandes/generer', {
      nombre: 12,
      graine: 7,
    });
    await banc.admin('POST', '/v1/admin/communes/81021/specimens', { nombre: 2 });
    const r = await appeler('sync.maintenant');
    expect(r).toMatchObject({ statut: 'reussie', recues: 14, quarantaine: 0, declenchement: 'manuel' });

    const liste = await appeler('demandes.lister', { etats: ['recue'] });
    expect(liste.total).toBe(14);
    expect(liste.demandes.map((d: { idPlateforme: string }) => d.idPlateforme)).toEqual(expect.arrayContaining(ids));
    expect(liste.demandes.filter((d: { specimen: boolean }) => d.specimen)).toHaveLength(2);
    expect(liste.demandes[0].jourLimite).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const [courriel] = await smtp.attendre(1);
    expect(courriel.a).toEqual(['etat-civil@aussillon.fr']);
    expect(courriel.sujet).toMatch(
      /^\[Registre\] 12 nouvelles demandes COMEDEC \(à traiter au plus tard le \d{2}\/\d{2}\/\d{4}\)$/,
    );
    // 14 received, 2 of them specimens: counted apart, never with the requests
    expect(courriel.corps).toContain('Et 2 demandes spécimens (test de raccordement), non comptées.');
    // aucune donnée personnelle : ni nom, ni prénom, ni référence du demandeur
    for (const d of liste.demandes) {
      expect(courriel.brut).not.toContain(d.personne.nom);
      expect(courriel.brut).not.toContain(d.demandeur.reference);
      expect(courriel.brut).not.toContain(d.idPlateforme);
    }

    const nouvelles = evenements.filter(([n]) => n === 'demandes.nouvelles').map(([, c]) => c);
    expect(nouvelles).toEqual([expect.objectContaining({ nombre: 12, specimens: 2, quarantaine: 0 })]);
    const phases = evenements.filter(([n]) => n === 'sync.progression').map(([, c]) => (c as { phase: string }).phase);
    expect(phases[0]).toBe('authentification');
    expect(phases).toContain('reception');
    expect(phases.at(-1)).toBe('terminee');

    // la plateforme a bien reçu les acquittements : une nouvelle mise à jour ne ramène rien
    expect(await appeler('sync.maintenant')).toMatchObject({ statut: 'reussie', recues: 0, doublons: 0 });
    expect(smtp.recus).toHaveLength(1);
  });

  it('après la réception, les demandes reçues sont rapprochées du registre en arrière-plan', async () => {
    const { demandes } = await appeler('demandes.lister', { limite: 100 });
    const demandeIds = demandes.map((d: { id: number }) => d.id);
    let issues: { issue: string | null }[] = [];
    for (let i = 0; i < 200 && !(issues.length && issues.every((x) => x.issue)); i++) {
      await new Promise((r) => setTimeout(r, 50));
      issues = await appeler('rapprochement.issues', { demandeIds });
    }
    expect(issues).toHaveLength(14);
    // An empty register: no act for any of them.
    expect(issues.every((x) => x.issue === 'aucun')).toBe(true);
  });

  it('les réponses signées avec la carte partent, sont acceptées une fois, et la demande devient « accusée »', async () => {
    const db = app.contexte.db();
    expect(preparerReponses(db, app.contexte.horloge, banc.cartes.commune)).toBe(14);
    expect((await appeler('sync.envois', { etats: ['brouillon'] })).length).toBe(14);
    const lot = await appeler('signature.signerLot', { pin: banc.cartes.cartes.officier.pin });
    expect(lot).toMatchObject({ signes: 14, echecs: 0 });
    expect((await appeler('sync.etat')).envoisEnAttente).toBe(14);

    const r = await appeler('sync.maintenant');
    expect(r).toMatchObject({ statut: 'reussie', acceptees: 14, rejetees: 0, enAttente: 0 });
    const envois = await appeler('sync.envois', { etats: ['accepte'] });
    expect(envois).toHaveLength(14);
    expect(envois.every((e: { recepisse: string | null }) => e.recepisse?.startsWith('AR-'))).toBe(true);
    // the 2 specimens were answered and acknowledged like the others, and are never counted
    expect((await appeler('demandes.compteurs')).accusee).toBe(12);
    expect((await appeler('demandes.lister', { etats: ['accusee'] })).total).toBe(14);

    const { reponses } = await banc.admin<{ reponses: { demandeId: string; cleIdempotence: string }[] }>(
      'GET',
      '/v1/admin/communes/81021/reponses',
    );
    expect(reponses).toHaveLength(14);
    const cles = db.prepare("SELECT cle_idempotence FROM envois WHERE etat = 'accepte'").pluck().all();
    expect(reponses.map((x) => x.cleIdempotence).sort()).toEqual([...cles].sort());

    const d = await appeler('demandes.lire', { id: envois[0].demandeId });
    expect(d).toMatchObject({ etat: 'accusee', cycle: 'accusee' });
    expect(d.envois[0]).toMatchObject({ etat: 'accepte' });
    expect(evenements.some(([n, c]) => n === 'sync.envoiModifie' && (c as { etat: string }).etat === 'accepte')).toBe(
      true,
    );
  });

  it('un rejet (4xx) est définitif : montré avec son motif, jamais renvoyé', async () => {
    const { ids } = await banc.admin<{ ids: string[] }>('POST', '/v1/admin/communes/81021/demandes/generer', {
      nombre: 1,
      graine: 99,
    });
    await appeler('sync.maintenant');
    const db = app.contexte.db();
    preparerReponses(db, app.contexte.horloge, banc.cartes.commune);
    // falsify the form the requester needs: the platform refuses it (forme_incorrecte)
    const doc = db
      .prepare(
        `SELECT ds.id, ds.contenu FROM documents_signature ds JOIN envois e ON e.document_signature_id = ds.id JOIN demandes d ON d.id = e.demande_id WHERE d.id_plateforme = ?`,
      )
      .get(ids[0]) as { id: number; contenu: string };
    const faux = doc.contenu.includes('copie_integrale')
      ? doc.contenu.replace('copie_integrale', 'extrait_avec_filiation')
      : doc.contenu.replace('extrait_avec_filiation', 'copie_integrale');
    db.prepare('UPDATE documents_signature SET contenu = ?, empreinte = ? WHERE id = ?').run(
      faux,
      (await import('node:crypto')).createHash('sha256').update(faux).digest('hex'),
      doc.id,
    );
    await appeler('signature.signerLot', { pin: banc.cartes.cartes.officier.pin });

    const r = await appeler('sync.maintenant');
    expect(r).toMatchObject({ statut: 'reussie', acceptees: 0, rejetees: 1 });
    const [rejete] = await appeler('sync.envois', { etats: ['rejete'] });
    expect(rejete.motifRejet).toMatch(/copie intégrale|extrait/i);
    const envoyes = db.prepare("SELECT count(*) FROM envois_etapes WHERE etat = 'envoi'").pluck().get() as number;
    expect(await appeler('sync.maintenant')).toMatchObject({ rejetees: 0, acceptees: 0 });
    expect(db.prepare("SELECT count(*) FROM envois_etapes WHERE etat = 'envoi'").pluck().get()).toBe(envoyes);
    const d = await appeler('demandes.lire', { id: rejete.demandeId });
    expect(d.cycle).toBe('en_cours');
  });

  it('plateforme arrêtée : la mise à jour échoue proprement, « Tester la connexion » dit pourquoi', async () => {
    await banc.arreter();
    const r = await appeler('sync.maintenant');
    expect(r.statut).toBe('echouee');
    expect(r.erreur).toMatch(/injoignable/);
    const t = await appeler('sync.testerConnexion');
    expect(t.etapes.map((e: { statut: string }) => e.statut)).toEqual(['ok', 'echec', 'non_verifiee', 'non_verifiee']);
    expect(t.etapes[1].message).toMatch(/Plateforme injoignable/);
  });
});
