import { describe, expect, it } from 'vitest';
import { lireDemande } from '../../../electron/comedec/format';
import { lireDonneesDemande } from '../../../electron/demandes';
import { xmlDemande } from '../sync/outils/fabrique';

describe('lecture des données d’une demande stockée (une seule fonction)', () => {
  it('relit ce qui a été stocké ; des données illisibles sont une erreur typée, jamais un objet à moitié lu', () => {
    const demande = lireDemande(Buffer.from(xmlDemande('DEM-1'), 'utf8'));
    expect(lireDonneesDemande(JSON.stringify(demande))).toEqual(demande);
    for (const texte of ['{"typeActe":"naissance"}', 'pas du json']) {
      expect(() => lireDonneesDemande(texte)).toThrow(expect.objectContaining({ code: 'interne' }));
    }
  });
});
