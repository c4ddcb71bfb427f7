/**
 * What the hostile documents of issue 14 cost the reader now: one JSON line per case on stdout,
 *
 *   {"cas":"54 000 éléments imbriqués xmlns:p","octets":1026000,"ms":3.1,"issue":"refus trop_complexe"}
 *
 *   npm run bench:lecture-hostile
 *
 * Each document is read in process through the real reader (lireDemande: size, decoding,
 * pre-scan, parser, schema), three times; the line gives the slowest of the three (the first run
 * includes compilation), so "a fraction of a second" is checked against the worst.
 */
import { construireDemande, lireDemande } from '../../electron/comedec/format';
import { RegistreError } from '../../shared/errors';
import { demandeExemple } from '../unit/comedec/exemples';

const valide = construireDemande(demandeExemple());
const dans = (morceau: string) => valide.replace('</demande>', `${morceau}</demande>`);

const cas: [string, () => string][] = [
  ['demande valide', () => valide],
  ['54 000 éléments imbriqués xmlns:p', () => '<x xmlns:p="u">'.repeat(54_000) + '</x>'.repeat(54_000)],
  [
    '30 000 éléments imbriqués xmlns:qN',
    () => Array.from({ length: 30_000 }, (_, i) => `<x xmlns:q${i}="u">`).join('') + '</x>'.repeat(30_000),
  ],
  ['64 niveaux (la limite)', () => dans('<x>'.repeat(61) + '</x>'.repeat(61))],
  [
    '256 déclarations d’espace de noms (la limite)',
    () => dans(Array.from({ length: 255 }, (_, i) => `<z xmlns:q${i}="u"/>`).join('')),
  ],
  ['200 000 éléments vides', () => dans('<z/>'.repeat(200_000))],
  ['5 000 éléments (la limite)', () => dans('<z/>'.repeat(4_970))],
  ['nom d’élément de 500 000 caractères', () => dans(`<${'n'.repeat(500_000)}/>`)],
  [
    'attribut de 900 000 caractères',
    () => valide.replace('libelle="MAIRIE-81-AUSSILLON"', `libelle="${'A'.repeat(900_000)}"`),
  ],
  ['texte de 900 000 caractères', () => valide.replace('<nom>N’DIAYE', `<nom>${'A'.repeat(900_000)}`)],
  [
    'espace de noms de 900 000 caractères',
    () => valide.replace('urn:registre:comedec:2', `urn:x:${'y'.repeat(900_000)}`),
  ],
  ['60 000 références &amp;', () => valide.replace('<nom>N’DIAYE', `<nom>${'&amp;'.repeat(60_000)}`)],
  ['10 000 références &#233; (la limite)', () => valide.replace('<nom>N’DIAYE', `<nom>${'&#233;'.repeat(10_000)}`)],
  [
    'billion laughs',
    () =>
      `<!DOCTYPE demande [${Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]>` +
      valide.replace(/^<\?xml[^>]*\?>\n/, '').replace('<nom>N’DIAYE', '<nom>&l10;'),
  ],
  [
    'explosion quadratique (CDATA de 1 Mio)',
    () => valide.replace('<nom>N’DIAYE', `<nom><![CDATA[${'x'.repeat(1_000_000)}]]>`),
  ],
  ['commentaire de 1 Mio', () => dans(`<!--${'-x'.repeat(500_000)}-->`)],
];

for (const [nom, fabriquer] of cas) {
  const texte = fabriquer();
  const octets = new TextEncoder().encode(texte).byteLength;
  let ms = 0;
  let issue = '';
  for (let i = 0; i < 3; i++) {
    const debut = performance.now();
    try {
      lireDemande(texte);
      issue = 'accepté';
    } catch (e) {
      issue = e instanceof RegistreError ? `refus ${String(e.details?.motif ?? e.code)}` : `PLANTAGE ${String(e)}`;
    }
    ms = Math.max(ms, performance.now() - debut);
  }
  process.stdout.write(`${JSON.stringify({ cas: nom, octets, ms: Math.round(ms * 10) / 10, issue })}\n`);
}
