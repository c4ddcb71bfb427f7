import { afterEach, describe, expect, it } from 'vitest';
import { lireDemande } from '../../../electron/comedec/format';
import { documentRefuse, isoleur, marquerQuarantaineAccusee, motifDe, sha256 } from '../../../electron/demandes';
import { listerQuarantaine } from '../../../electron/demandes/quarantaine';
import { commencer } from '../../../electron/sync/stockage/synchros';
import type { Base } from '../../../electron/db/connexion';
import { erreurs, versRegistreError } from '../../../shared/errors';
import { baseDeTest } from '../sync/outils/fabrique';

let db: Base;
afterEach(() => db?.close());
const T = new Date('2026-01-12T10:00:00Z');

describe('quarantaine : une seule façon de garder un document refusé', () => {
  it('le motif vient de l’erreur du module de format', () => {
    const illisible = (() => {
      try {
        lireDemande(Buffer.from('<demande', 'utf8'));
      } catch (e) {
        return versRegistreError(e);
      }
      throw new Error('lu');
    })();
    expect(motifDe(illisible)).toBe('xml_mal_forme');
    expect(motifDe(erreurs.formatInconnu('9'))).toBe('format_inconnu');
    expect(motifDe(erreurs.interne('autre'))).toBe('schema');
  });

  it('garde le premier Mio d’un document trop grand, sa taille et son empreinte', () => {
    const gros = Buffer.alloc(2 * 1024 * 1024 + 5, 0x61);
    const r = documentRefuse({
      livraison: 'L',
      idPlateforme: null,
      motif: 'trop_volumineux',
      raison: 'trop gros',
      octets: gros,
    });
    expect(r).toMatchObject({
      octets: gros.byteLength,
      tronque: true,
      empreinte: sha256(gros.subarray(0, 1024 * 1024)),
    });
    expect(r.octetsGardes.byteLength).toBe(1024 * 1024);
    // Only the beginning was received: the announced size counts.
    expect(
      documentRefuse({
        livraison: 'L',
        idPlateforme: null,
        motif: 'trop_volumineux',
        raison: 'x',
        octets: Buffer.from('<a'),
        total: 9e6,
      }),
    ).toMatchObject({ octets: 9e6, tronque: true });
    const petit = documentRefuse({
      livraison: 'L',
      idPlateforme: 'D',
      motif: 'schema',
      raison: 'x',
      octets: Buffer.from('<a/>'),
      empreinte: 'e'.repeat(64),
    });
    expect(petit).toMatchObject({ octets: 4, tronque: false, empreinte: 'e'.repeat(64) });
  });

  it('une demande et une réponse refusées vont dans la même table ; le même document deux fois est gardé une fois', () => {
    db = baseDeTest();
    const synchroId = commencer(db, 'manuel', T);
    const isoler = isoleur(db);
    const demande = documentRefuse({
      livraison: 'DEM-1',
      idPlateforme: 'DEM-1',
      motif: 'schema',
      raison: 'champ manquant',
      octets: Buffer.from('<demande/>'),
    });
    const reponse = documentRefuse({
      livraison: 'reponse:MAR-1',
      idPlateforme: 'MAR-1',
      motif: 'signature_invalide',
      raison: 'signature',
      octets: Buffer.from('<reponse/>'),
    });
    expect(isoler(demande, { plateforme: 'p', recueLe: T.toISOString(), synchroId })).toBe(true);
    expect(isoler(demande, { plateforme: 'p', recueLe: T.toISOString(), synchroId })).toBe(false);
    expect(isoler(reponse, { plateforme: '', recueLe: T.toISOString(), synchroId })).toBe(true);
    expect(listerQuarantaine(db, 10).map((q) => [q.livraison, q.motif, q.tronque])).toEqual([
      ['reponse:MAR-1', 'signature_invalide', false],
      ['DEM-1', 'schema', false],
    ]);
    marquerQuarantaineAccusee(db, '', ['reponse:MAR-1'], T);
    expect(db.prepare('SELECT livraison FROM quarantaine WHERE accusee_le IS NULL').pluck().all()).toEqual(['DEM-1']);
  });
});
