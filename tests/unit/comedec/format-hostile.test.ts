import { describe, expect, it } from 'vitest';
import {
  construireDemande,
  construireReponse,
  lireDemande,
  lireReponse,
  TAILLE_MAX_DEFAUT,
} from '../../../electron/comedec/format';
import { demandeExemple, erreurDe, reponseExemple } from './exemples';

const xml = () => construireDemande(demandeExemple());

describe('lecture sûre : entrées hostiles', () => {
  it('XXE (entité externe vers un fichier) : refusé avant toute lecture', () => {
    const hostile =
      `<?xml version="1.0"?><!DOCTYPE demande [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      xml()
        .replace(/^<\?xml[^>]*\?>\n/, '')
        .replace('<typeActe>naissance', '<typeActe>&xxe;');
    const e = erreurDe(() => lireDemande(hostile));
    expect(e.code).toBe('saisie_invalide');
    expect(e.details.motif).toBe('dtd_interdite');
    expect(e.message).not.toContain('root:');
  });

  it('« billion laughs » (expansion d’entités) : refusé immédiatement', () => {
    let dtd = '<!ENTITY lol "lol">';
    for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`;
    const hostile = `<!DOCTYPE demande [${dtd}]><demande xmlns="urn:registre:comedec:2" version="2">&lol9;</demande>`;
    const debut = performance.now();
    const e = erreurDe(() => lireDemande(hostile));
    expect(e.details.motif).toBe('dtd_interdite');
    expect(performance.now() - debut).toBeLessThan(1000);
  });

  it('DOCTYPE seul (sans entité) : refusé aussi', () => {
    const e = erreurDe(() => lireDemande(xml().replace('<demande ', '<!DOCTYPE demande><demande ')));
    expect(e.details.motif).toBe('dtd_interdite');
  });

  it('entité inconnue sans DTD : XML mal formé', () => {
    const e = erreurDe(() => lireDemande(xml().replace('<typeActe>naissance', '<typeActe>&inconnue;')));
    expect(e.details.motif).toBe('xml_mal_forme');
  });

  it('document de 50 Mo (texte puis octets) : refusé sur sa taille, avant analyse', () => {
    const gros = xml().replace('</demande>', `<!--${'x'.repeat(50 * 1024 * 1024)}--></demande>`);
    const debut = performance.now();
    const e = erreurDe(() => lireDemande(gros));
    expect(e.details.motif).toBe('trop_volumineux');
    const octets = new Uint8Array(50 * 1024 * 1024);
    const e2 = erreurDe(() => lireDemande(octets));
    expect(e2.details.motif).toBe('trop_volumineux');
    expect(e2.message).toContain(`${TAILLE_MAX_DEFAUT} au plus`);
    expect(performance.now() - debut).toBeLessThan(2000);
  });

  it('limite de taille réglable, comptée en octets UTF-8', () => {
    const doc = xml();
    const taille = new TextEncoder().encode(doc).byteLength;
    expect(lireDemande(doc, { tailleMax: taille }).id).toBe('DEM-2024-000123');
    // Accented letters take two bytes: the character count alone would let it pass.
    expect(doc.length).toBeLessThan(taille);
    expect(erreurDe(() => lireDemande(doc, { tailleMax: taille - 1 })).details.motif).toBe('trop_volumineux');
  });

  it('octets qui ne sont pas de l’UTF-8 : refusés', () => {
    const octets = new TextEncoder().encode(xml());
    const i = octets.indexOf(0xc3); // first byte of "é"
    const faux = octets.slice();
    faux[i + 1] = 0x28; // broken continuation byte
    expect(erreurDe(() => lireDemande(faux)).details.motif).toBe('encodage_invalide');
    // A lone Latin-1 "é" (0xE9), as an ISO-8859-1 file would have it.
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<demande xmlns="urn:registre:comedec:2" version="2"><x>'),
      0xe9,
      ...new TextEncoder().encode('</x></demande>'),
    ]);
    expect(erreurDe(() => lireDemande(latin1)).details.motif).toBe('encodage_invalide');
  });

  it('UTF-16 (BOM) et déclaration d’encodage autre qu’UTF-8 : refusés', () => {
    expect(erreurDe(() => lireDemande(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).details.motif).toBe(
      'encodage_invalide',
    );
    const e = erreurDe(() => lireDemande(xml().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')));
    expect(e.details.motif).toBe('encodage_invalide');
    expect(e.message).toContain('ISO-8859-1');
  });

  it('caractère de contrôle et demi-caractère Unicode isolé : refusés', () => {
    expect(erreurDe(() => lireDemande(xml().replace('DIAYE', 'DI\u0000AYE'))).details.motif).toBe('encodage_invalide');
    expect(erreurDe(() => lireDemande(xml().replace('DIAYE', 'DI\uD800AYE'))).details.motif).toBe('encodage_invalide');
  });

  it('version inconnue : format_inconnu qui cite la version', () => {
    const e = erreurDe(() =>
      lireDemande(
        xml().replace('urn:registre:comedec:2', 'urn:registre:comedec:3').replace('version="2"', 'version="3"'),
      ),
    );
    expect(e.code).toBe('format_inconnu');
    expect(e.details.version).toBe('3');
    expect(e.message).toContain('« 3 »');
  });

  it('espace de noms étranger ou absent : format_inconnu', () => {
    expect(erreurDe(() => lireDemande(xml().replace('urn:registre:comedec:2', 'http://exemple.org/autre'))).code).toBe(
      'format_inconnu',
    );
    const sans = erreurDe(() => lireDemande(xml().replace(' xmlns="urn:registre:comedec:2"', '')));
    expect(sans.code).toBe('format_inconnu');
    expect(sans.details.version).toBe('(aucun espace de noms)');
  });

  it.each([
    ['balise non fermée', (x: string) => x.replace('</typeActe>', '')],
    ['document tronqué', (x: string) => x.slice(0, x.length / 2)],
    ['attribut répété', (x: string) => x.replace('specimen="false"', 'specimen="false" specimen="true"')],
    ['deux racines', (x: string) => `${x}<demande/>`],
    ['vide', () => ''],
    ['pas du XML', () => '{"json": true}'],
  ])('XML mal formé (%s) : refusé proprement', (_c, alterer) => {
    const e = erreurDe(() => lireDemande(alterer(xml())));
    expect(e.code).toBe('saisie_invalide');
    expect(['xml_mal_forme', 'document_inattendu']).toContain(e.details.motif);
  });

  it('instruction de traitement dans le document : refusée', () => {
    const e = erreurDe(() =>
      lireReponse(construireReponse(reponseExemple()).replace('<commune', '<?php echo 1; ?><commune')),
    );
    expect(e.code).toBe('saisie_invalide');
  });

  it('après un document hostile, un document sain se lit toujours', () => {
    erreurDe(() => lireDemande('<!DOCTYPE x [<!ENTITY a "b">]><x/>'));
    expect(lireDemande(xml()).id).toBe('DEM-2024-000123');
  });
});
