import { describe, expect, it } from 'vitest';
import { validerLivraison } from '../../../electron/sync/validation';
import { xmlDemande } from './outils/fabrique';

const livrer = (id: string, xml: string) => validerLivraison({ id, livraison: 1, xml }, '81021');
const refus = (v: ReturnType<typeof livrer>) => {
  if (!('refusee' in v)) throw new Error('document accepté à tort');
  return v.refusee;
};

describe('validation d’une demande livrée', () => {
  it('accepte une demande bien formée, en version 2 comme en version 1', () => {
    for (const version of [2, 1] as const) {
      const v = livrer('DEM-1', xmlDemande('DEM-1', { version }));
      expect('acceptee' in v && v.acceptee.demande.version).toBe(version);
      if ('acceptee' in v) expect(v.acceptee.empreinte).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('XXE : une entité externe est refusée avant toute lecture de fichier', () => {
    const xml = xmlDemande('DEM-1').replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    );
    const r = refus(livrer('DEM-1', xml.replace('CAZALS', '&x;')));
    expect(r.motif).toBe('dtd_interdite');
    expect(r.raison).toMatch(/DOCTYPE|ENTITY/);
    expect(Buffer.from(r.octetsGardes).toString()).toContain('file:///etc/passwd'); // gardé tel que reçu, jamais résolu
  });

  it('billion laughs : refusé sans expansion', () => {
    const bombe =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']><demande xmlns="urn:registre:comedec:2" version="2">&lol9;</demande>';
    const debut = performance.now();
    const r = refus(livrer('DEM-2', bombe));
    expect(r.motif).toBe('dtd_interdite');
    expect(performance.now() - debut).toBeLessThan(1000);
  });

  it('un document de 50 Mo est refusé pour sa taille, et seul son début est gardé', () => {
    const gros = xmlDemande('DEM-3').replace('<typeActe>', `<!-- ${'x'.repeat(50 * 1024 * 1024)} --><typeActe>`);
    const r = refus(livrer('DEM-3', gros));
    expect(r.motif).toBe('trop_volumineux');
    expect(r.tronque).toBe(true);
    expect(r.octetsGardes.byteLength).toBe(1024 * 1024);
    expect(r.octets).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('mauvais encodages : déclaration ISO-8859-1, caractère de contrôle, demi-caractère Unicode', () => {
    const latin = xmlDemande('DEM-4').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(refus(livrer('DEM-4', latin)).motif).toBe('encodage_invalide');
    expect(refus(livrer('DEM-4', xmlDemande('DEM-4').replace('CAZALS', 'CAZ\u0001ALS'))).motif).toBe(
      'encodage_invalide',
    );
    expect(refus(livrer('DEM-4', xmlDemande('DEM-4').replace('CAZALS', 'CAZ\uD800ALS'))).motif).toMatch(
      /encodage_invalide|xml_mal_forme/,
    );
  });

  it('une version inconnue est refusée en la nommant', () => {
    const v9 = xmlDemande('DEM-5')
      .replace('urn:registre:comedec:2', 'urn:registre:comedec:9')
      .replace('version="2"', 'version="9"');
    const r = refus(livrer('DEM-5', v9));
    expect(r.motif).toBe('format_inconnu');
    expect(r.raison).toContain('9');
  });

  it('XML mal formé, champ manquant : refusés avec le champ en cause', () => {
    expect(refus(livrer('DEM-6', xmlDemande('DEM-6').slice(0, 200))).motif).toBe('xml_mal_forme');
    const sansType = xmlDemande('DEM-6').replace(/<typeActe>.*<\/typeActe>/, '');
    const r = refus(livrer('DEM-6', sansType));
    expect(r.motif).toBe('schema');
    expect(r.raison).toMatch(/typeActe/);
  });

  it('une demande pour une autre commune, ou sous un autre identifiant que sa livraison, est mise de côté', () => {
    const autre = xmlDemande('DEM-7', { destinataire: { codeInsee: '81065', libelle: 'MAIRIE-81-CASTRES' } });
    expect(refus(livrer('DEM-7', autre))).toMatchObject({ motif: 'mauvais_destinataire', idPlateforme: 'DEM-7' });
    expect(refus(livrer('DEM-8', xmlDemande('DEM-7'))).raison).toMatch(/DEM-7.*DEM-8/);
  });

  it('une livraison illisible (trop grosse pour être lue) garde sa raison et son début', () => {
    const r = refus(
      validerLivraison(
        {
          id: 'DEM-9',
          livraison: 1,
          illisible: {
            motif: 'trop_volumineux',
            raison: 'document trop volumineux',
            debut: new Uint8Array(10),
            octets: 60e6,
          },
        },
        '81021',
      ),
    );
    expect(r).toMatchObject({ livraison: 'DEM-9', motif: 'trop_volumineux', octets: 60e6, tronque: true });
  });
});
