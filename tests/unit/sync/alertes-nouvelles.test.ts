import { describe, expect, it } from 'vitest';
import type { Demande } from '../../../electron/comedec';
import { resumer } from '../../../electron/sync/alertes';
import { courrielNouvellesDemandes } from '../../../electron/sync/alertes/message';
import type { BilanReception } from '../../../electron/sync/reception';
import type { TypeActe } from '../../../shared/domain/acte';

/** The new requests' alert: real requests counted, specimens never counted but said apart. */
const nouvelle = (typeActe: TypeActe, jourLimite: string, specimen = false) => ({
  id: 0,
  demande: { typeActe, specimen } as Demande,
  jourLimite,
});
const bilan = (nouvelles: ReturnType<typeof nouvelle>[]): BilanReception => ({
  recues: nouvelles.length,
  doublons: 0,
  quarantaine: 0,
  nouvelles,
});

describe('alerte des nouvelles demandes : les spécimens ne sont jamais comptés', () => {
  it('compte les vraies demandes, par type, avec leur échéance ; les spécimens à part', () => {
    const r = resumer(
      bilan([
        nouvelle('naissance', '2026-04-20'),
        nouvelle('naissance', '2026-04-14'),
        nouvelle('deces', '2026-04-16'),
        // a specimen, due before every real request: neither counted nor the deadline
        nouvelle('mariage', '2026-04-10', true),
      ]),
    );
    expect(r).toEqual({
      nombre: 3,
      specimens: 1,
      parType: { naissance: 2, deces: 1 },
      jourLimitePlusProche: '2026-04-14',
    });
    const c = courrielNouvellesDemandes(r, 'MAIRIE-81-AUSSILLON');
    expect(c.sujet).toBe('[Registre] 3 nouvelles demandes COMEDEC (à traiter au plus tard le 14/04/2026)');
    expect(c.texte).toContain('3 nouvelles demandes COMEDEC sont arrivées pour MAIRIE-81-AUSSILLON');
    expect(c.texte).toContain('  - Naissance : 2\n  - Décès : 1\n');
    expect(c.texte).not.toContain('Mariage');
    expect(c.texte).toContain('Et 1 demande spécimen (test de raccordement), non comptée.');
    expect(c.texte).not.toContain('Dont');
  });

  it('plusieurs spécimens, au pluriel ; aucun spécimen, aucune mention', () => {
    const avec = courrielNouvellesDemandes(
      { nombre: 1, specimens: 2, parType: { mariage: 1 }, jourLimitePlusProche: null },
      'MAIRIE-81-AUSSILLON',
    );
    expect(avec.sujet).toBe('[Registre] 1 nouvelle demande COMEDEC');
    expect(avec.texte).toContain('Et 2 demandes spécimens (test de raccordement), non comptées.');
    const sans = courrielNouvellesDemandes(
      { nombre: 1, specimens: 0, parType: { mariage: 1 }, jourLimitePlusProche: null },
      'MAIRIE-81-AUSSILLON',
    );
    expect(sans.texte).not.toContain('spécimen');
  });

  it('des spécimens seuls : aucune demande comptée, mais un message (ils attendent une réponse)', () => {
    const r = resumer(bilan([nouvelle('naissance', '2026-04-10', true)]));
    expect(r).toEqual({ nombre: 0, specimens: 1, parType: {}, jourLimitePlusProche: null });
    const c = courrielNouvellesDemandes(r, 'MAIRIE-81-AUSSILLON');
    expect(c.sujet).toBe('[Registre] 1 demande spécimen (test de raccordement)');
    expect(c.texte).toContain(
      'Aucune nouvelle demande COMEDEC pour MAIRIE-81-AUSSILLON, mais 1 demande spécimen (test de raccordement) : elle se traite comme une demande, sans être comptée.',
    );
    expect(c.texte).not.toContain('Par type d’acte');
  });
});
