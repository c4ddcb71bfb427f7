import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { construireDemandeEmise } from '../../../electron/comedec/format';
import { analyserCertificat, type ServiceCarte } from '../../../electron/signature';
import { AdaptateurBacASable } from '../../../electron/sync/plateforme/bac-a-sable';
import { creerServiceSync, type ServiceSync } from '../../../electron/sync/service';
import { creerBrouillon } from '../../../electron/sync/stockage/envois';
import { appTemporaire } from '../../support/app-temporaire';
import { provisionnerCartes } from '../../fixtures/cartes/provisionner';
import { carteConnectee, monterBanc, signerTout, type Banc } from './outils/banc';

/**
 * Requests sent to another commune (marriage file) and the answers that come back: a genuine
 * answer, signed by the simulated commune's officer, is verified and stored; an answer whose
 * signature was made over another element than the answer is refused with its reason.
 */
// The app's clock runs with the real one, shifted when a test needs a later reception.
const decalage = { ms: 0 };
const app = appTemporaire({ horloge: { maintenant: () => new Date(Date.now() + decalage.ms) } });
let banc: Banc;
let carte: ServiceCarte;
let sync: ServiceSync;

beforeAll(async () => {
  const cartes = await provisionnerCartes(path.join(app.dossier, 'cartes'), { seulement: ['officier', 'agent'] });
  const agents = cartes.autorites.agents;
  // The simulated communes' officers are issued by the test agent CA: the client trusts them.
  banc = await monterBanc(app.dossier, {
    cartes,
    autoriteSimulation: {
      certificat: analyserCertificat(new Uint8Array(agents.certificat.rawData)),
      cle: agents.cles.privateKey,
      superieures: [cartes.caPem],
    },
  });
  app.contexte.parametres.ecrire('commune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  app.contexte.parametres.ecrire('carte', {
    bibliotheque: cartes.bibliotheque,
    mode: 'reelle',
    confiancePem: `${cartes.caPem}\n${cartes.caAgentsPem}`,
  });
  carte = await carteConnectee(cartes, app.contexte.horloge, path.join(app.dossier, 'formation'));
  sync = creerServiceSync(app.contexte, carte, {
    adaptateur: () => new AdaptateurBacASable({ url: banc.plateforme.url }),
  });
});
afterAll(async () => {
  sync?.arreter();
  carte?.arreter();
  app.detruire();
  await banc?.arreter();
});

async function emettre(reference: string): Promise<string> {
  const db = app.contexte.db();
  const id = `EMI-${randomUUID()}`;
  const xml = construireDemandeEmise({
    version: 2,
    id,
    emettrice: banc.cartes.commune,
    destinataire: { codeInsee: '31555' },
    motif: 'dossier_mariage',
    reference,
    typeReference: 'dossier_mariage',
    echeanceProcedure: null,
    emiseLe: app.contexte.horloge.maintenant().toISOString(),
    typeActe: 'naissance',
    personne: {
      nom: 'ROUSSEL',
      prenoms: ['Paul'],
      sexe: 'M',
      dateNaissance: '1985-11-02',
      lieuNaissance: { commune: 'Toulouse', codeInsee: '31555' },
    },
  });
  const e = creerBrouillon(db, app.contexte.horloge, {
    nature: 'demande',
    demandeId: null,
    sens: null,
    documentId: id,
    xml,
  });
  await signerTout(db, app.contexte.horloge, carte, banc.cartes.cartes.officier.pin);
  return String(e.id);
}

describe('réponses reçues aux demandes émises', () => {
  it('une demande émise est acceptée ; la réponse signée de l’autre commune est vérifiée et gardée', async () => {
    await emettre('MAR-2026-01');
    const r = await sync.moteur.synchroniser('manuel');
    expect(r).toMatchObject({ statut: 'reussie', acceptees: 1 });
    const envoi = app.contexte.db().prepare("SELECT demande_plateforme FROM envois WHERE nature = 'demande'").get() as {
      demande_plateforme: string;
    };
    expect(envoi.demande_plateforme).toBeTruthy();
    // the simulated commune's answer is available at once (simulated delay 0)
    await sync.moteur.synchroniser('manuel');
    const recue = app.contexte.db().prepare('SELECT demande_plateforme, signataire FROM reponses_recues').all() as {
      demande_plateforme: string;
      signataire: string;
    }[];
    expect(recue).toEqual([
      { demande_plateforme: envoi.demande_plateforme, signataire: expect.stringMatching(/Officier simulé 31555/) },
    ]);
  });

  it('une réponse dont la signature porte sur un autre élément est refusée, avec sa raison', async () => {
    await emettre('MAR-2026-02');
    await sync.moteur.synchroniser('manuel');
    const p = banc.plateforme.plateforme.db;
    const ligne = p.prepare("SELECT id, reponse_xml FROM demandes_emises WHERE reference = 'MAR-2026-02'").get() as {
      id: string;
      reponse_xml: string;
    };
    expect(ligne.reponse_xml).toContain('<ds:Reference URI=""');
    // The data reference now designates another element than the answer itself.
    p.prepare('UPDATE demandes_emises SET reponse_xml = ? WHERE id = ?').run(
      ligne.reponse_xml.replace('<ds:Reference URI=""', '<ds:Reference URI="#autre-element"'),
      ligne.id,
    );
    const r = await sync.moteur.synchroniser('manuel');
    expect(r.statut).toBe('reussie');
    const q = (await app.repartir('demandes.quarantaine', {})) as {
      ok: true;
      valeur: { idPlateforme: string; motif: string; raison: string }[];
    };
    const refus = q.valeur.find((d) => d.idPlateforme === ligne.id);
    expect(refus).toMatchObject({ motif: 'signature_invalide' });
    expect(refus!.raison).toMatch(/autre élément/);
    expect(app.contexte.db().prepare('SELECT count(*) FROM reponses_recues').pluck().get()).toBe(1);
    // acknowledged (kept in quarantine): not delivered again
    expect(await sync.moteur.synchroniser('manuel')).toMatchObject({ quarantaine: 0 });
  });

  it('une réponse relevée plus de 23 jours après sa signature est refusée : la vérification se fait à l’instant de réception', async () => {
    await emettre('MAR-2026-03');
    await sync.moteur.synchroniser('manuel');
    const id = (
      banc.plateforme.plateforme.db.prepare("SELECT id FROM demandes_emises WHERE reference = 'MAR-2026-03'").get() as {
        id: string;
      }
    ).id;
    decalage.ms = 24 * 24 * 3600 * 1000;
    try {
      const r = await sync.moteur.synchroniser('manuel');
      expect(r.statut).toBe('reussie');
    } finally {
      decalage.ms = 0;
    }
    const q = (await app.repartir('demandes.quarantaine', {})) as {
      ok: true;
      valeur: { idPlateforme: string; motif: string; raison: string }[];
    };
    const refus = q.valeur.find((d) => d.idPlateforme === id);
    expect(refus).toMatchObject({ motif: 'signature_invalide' });
    expect(refus!.raison).toMatch(/plus de 23 jours avant la réception/);
    expect(app.contexte.db().prepare('SELECT count(*) FROM reponses_recues').pluck().get()).toBe(1);
  });
});
