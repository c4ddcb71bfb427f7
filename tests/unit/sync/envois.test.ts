import { afterEach, describe, expect, it } from 'vitest';
import { horlogeFixe } from '../../../electron/horloge';
import { DepotSignature } from '../../../electron/signature/depot-signature';
import * as envois from '../../../electron/sync/stockage/envois';
import { enregistrerLot } from '../../../electron/demandes';
import { commencer } from '../../../electron/sync/stockage/synchros';
import { validerLivraison } from '../../../electron/sync/validation';
import type { Base } from '../../../electron/db/connexion';
import { baseDeTest, PLATEFORME_ESSAI, xmlDemande } from './outils/fabrique';

let db: Base;
afterEach(() => db?.close());
const horloge = horlogeFixe('2026-01-12T10:00:00Z');

function demandeStockee(id = 'DEM-1'): number {
  const v = validerLivraison({ id, livraison: 1, xml: xmlDemande(id) }, '81021');
  if (!('acceptee' in v)) throw new Error('demande refusée');
  return enregistrerLot(
    db,
    PLATEFORME_ESSAI,
    commencer(db, 'manuel', horloge.maintenant()),
    horloge.maintenant(),
    [v.acceptee],
    [],
  ).nouvelles[0].id;
}

/** Signs like the card's batch does (0003's states), with a fake signature element. */
function signer(ligne: envois.LigneEnvoi): void {
  const depot = new DepotSignature(() => db, horloge);
  const lotId = depot.creerLot(1);
  const doc = depot.reserver(ligne.document_signature_id, lotId)!;
  depot.enregistrerSigne(ligne.document_signature_id, lotId, {
    xml: `${doc.contenu}<!-- <Signature/> -->`,
    certificat: 'c'.repeat(64),
    nature: 'carte',
    signeLe: horloge.maintenant(),
  });
}

const cycle = (id: number) =>
  db.prepare('SELECT cycle, sens_reponse FROM demandes WHERE id = ?').get(id) as {
    cycle: string;
    sens_reponse: string | null;
  };
const etapes = (id: number) =>
  (db.prepare('SELECT etat FROM envois_etapes WHERE envoi_id = ? ORDER BY id').all(id) as { etat: string }[]).map(
    (e) => e.etat,
  );

describe('boîte d’envoi : états persistés à chaque étape', () => {
  it('brouillon -> signé -> envoi -> accepté, avec la clé d’idempotence créée dès le brouillon', () => {
    db = baseDeTest();
    const d = demandeStockee();
    const e = envois.creerBrouillon(db, horloge, {
      nature: 'reponse',
      demandeId: d,
      sens: 'positive',
      documentId: 'REP-1',
      xml: '<reponse Id="REP-1"/>',
    });
    expect(e.cle_idempotence).toMatch(/^[0-9a-f-]{36}$/);
    expect(envois.versEnvoi(e).etat).toBe('brouillon');
    expect(cycle(d).cycle).toBe('en_cours');
    expect(envois.aEnvoyer(db, horloge.maintenant())).toEqual([]);
    expect(() => envois.commencerEnvoi(db, e.id, horloge.maintenant())).toThrow(/pas encore signé/);

    signer(e);
    expect(envois.versEnvoi(envois.lire(db, e.id)).etat).toBe('signe');
    expect(envois.aEnvoyer(db, horloge.maintenant()).map((x) => x.id)).toEqual([e.id]);

    const parti = envois.commencerEnvoi(db, e.id, horloge.maintenant());
    expect(parti).toMatchObject({ etat: 'envoi', essais: 1, cle_idempotence: e.cle_idempotence });
    expect(parti.xml_signe).toContain('<Signature/>');
    expect(cycle(d)).toEqual({ cycle: 'repondue', sens_reponse: 'positive' });

    envois.accepter(
      db,
      e.id,
      { numero: 'AR-1', xml: '<accuseReception/>', demandePlateforme: 'DEM-1' },
      horloge.maintenant(),
    );
    expect(envois.lire(db, e.id)).toMatchObject({ etat: 'accepte', recepisse: 'AR-1' });
    expect(cycle(d).cycle).toBe('accusee');
    expect(etapes(e.id)).toEqual(['brouillon', 'envoi', 'accepte']);
    expect(() =>
      envois.accepter(db, e.id, { numero: 'AR-2', xml: '', demandePlateforme: 'DEM-1' }, horloge.maintenant()),
    ).toThrow(/déjà dans l’état/);
  });

  it('une panne réseau reporte l’envoi (même clé) ; après un arrêt brutal, « envoi » est renvoyé', () => {
    db = baseDeTest();
    const d = demandeStockee();
    const e = envois.creerBrouillon(db, horloge, {
      nature: 'reponse',
      demandeId: d,
      sens: 'negative',
      documentId: 'REP-1',
      xml: '<reponse/>',
    });
    signer(e);
    envois.commencerEnvoi(db, e.id, horloge.maintenant());
    const plusTard = new Date(horloge.maintenant().getTime() + 60_000);
    envois.reporter(db, e.id, 'HTTP 503', plusTard, horloge.maintenant());
    expect(envois.aEnvoyer(db, horloge.maintenant())).toEqual([]);
    expect(envois.prochainEssai(db)).toBe(plusTard.toISOString());
    expect(envois.aEnvoyer(db, plusTard).map((x) => x.cle_idempotence)).toEqual([e.cle_idempotence]);
    // arrêt brutal pendant l'envoi : l'état est « envoi » sans date de nouvel essai
    envois.commencerEnvoi(db, e.id, plusTard);
    expect(envois.aEnvoyer(db, plusTard)).toHaveLength(1);
    expect(envois.lire(db, e.id).essais).toBe(2);
    expect(envois.enAttente(db)).toBe(1);
  });

  it('un rejet est définitif et rouvre la demande ; une nouvelle réponse peut alors être préparée', () => {
    db = baseDeTest();
    const d = demandeStockee();
    const e = envois.creerBrouillon(db, horloge, {
      nature: 'reponse',
      demandeId: d,
      sens: 'positive',
      documentId: 'REP-1',
      xml: '<reponse/>',
    });
    expect(() =>
      envois.creerBrouillon(db, horloge, {
        nature: 'reponse',
        demandeId: d,
        sens: 'negative',
        documentId: 'REP-2',
        xml: '<reponse/>',
      }),
    ).toThrow(/UNIQUE/);
    signer(e);
    envois.commencerEnvoi(db, e.id, horloge.maintenant());
    envois.rejeter(db, e.id, 'forme_incorrecte', 'Copie intégrale attendue pour un notaire.', horloge.maintenant());
    expect(envois.versEnvoi(envois.lire(db, e.id))).toMatchObject({
      etat: 'rejete',
      motifRejet: 'Copie intégrale attendue pour un notaire.',
    });
    expect(cycle(d)).toEqual({ cycle: 'en_cours', sens_reponse: null });
    expect(envois.aEnvoyer(db, new Date('2030-01-01'))).toEqual([]);
    expect(() => envois.commencerEnvoi(db, e.id, horloge.maintenant())).toThrow(/déjà dans l’état/);
    const f = envois.creerBrouillon(db, horloge, {
      nature: 'reponse',
      demandeId: d,
      sens: 'positive',
      documentId: 'REP-2',
      xml: '<reponse/>',
    });
    expect(f.cle_idempotence).not.toBe(e.cle_idempotence);
    expect(envois.lister(db, { demandeId: d, limite: 10 }).map((x) => x.etat)).toEqual(['brouillon', 'rejete']);
    expect(envois.lister(db, { etats: ['rejete'], limite: 10 })).toHaveLength(1);
  });
});
