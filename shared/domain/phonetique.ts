import phonetic from 'talisman/phonetics/french/phonetic.js';
import phonex from 'talisman/phonetics/french/phonex.js';

/**
 * French phonetic key of ONE normalised word (see normalisation.ts): two spellings of a name
 * that sound alike share the key, so that a search for "Lefaivre" finds "LEFÈVRE" and a
 * request for "Gautier" recognises "GAUTHIER". Search (the vocabulary's key) and matching
 * (`memeSon`) use this one key.
 *
 * Chosen by measure, not by name (docs/phonetique.md, tests/fixtures/phonetique): on 120 pairs
 * of real spellings of one name and 114 pairs of different names, Phonex alone groups 79 pairs
 * and merges 2 pairs of different-sounding names; the French spelling rules below (silent
 * letters, old spellings, doubled letters, ai/ei, y/i, qu/k) followed by TWO codes that must
 * both agree, Phonex and Bergé's "phonétique", group 111 pairs and merge no different-sounding
 * names (only homophones such as Daniel / Danielle, which the sex tells apart).
 *
 * The key is "<Phonex>:<phonétique>". Phonex comes first so that a range scan on its start
 * still works for a word being typed (`clePrefixe`).
 *
 * Pure: used by the register's search and by request matching, in both processes.
 */
export function clePhonetique(motNormalise: string): string {
  if (!/[a-z]/.test(motNormalise)) return '';
  const r = reglesFrancaises(motNormalise);
  return `${phonex(r)}:${phonetic(r)}`;
}

/**
 * Phonex of a word being typed ("lefeb"): the start of the keys of the words it may become.
 * Only the first code: the second one of an unfinished word says nothing yet.
 */
export function clePrefixe(motNormalise: string): string {
  if (!/[a-z]/.test(motNormalise)) return '';
  return phonex(reglesFrancaises(motNormalise));
}

/**
 * How French writes one sound several ways, rewritten to one spelling before coding. Each rule
 * is there for names registers spell both ways (examples in the comments); the measure on the
 * table shows what each brings.
 */
export function reglesFrancaises(mot: string): string {
  // Silent initial h (Henri / Enri, Héloïse / Éloïse); ch, ph, sh kept.
  const s = /^h[^h]/.test(mot) ? mot.slice(1) : mot;
  return (
    s
      .replace(/chr/g, 'kr') // Christophe / Cristophe
      .replace(/^gh/, 'gu') // Ghislaine / Guislaine
      .replace(/g(?=[eiy])/g, 'j') // Gérôme / Jérôme
      .replace(/c?qu?|ck|cc(?=[aou])/g, 'k') // Leclercq / Leclerc, Jacques / Jaques, Piccard / Picard
      .replace(/([aeou])ill/g, '$1y') // Gaillard / Gayard, Guillaume / Guyaume
      .replace(/y/g, 'i') // Sylvie / Silvie, Leroy / Leroi
      .replace(/bv/g, 'v') // Lefebvre / Lefèvre
      .replace(/gd/g, 'd') // Magdeleine / Madeleine
      .replace(/sj/g, 'j') // Grosjean / Grojean
      .replace(/mt/g, 'nt') // Lecomte / Leconte
      // The old silent s before a consonant: Benoist, Estienne, Lemaistre, Desmarest.
      .replace(/(?<=[aeiou])s(?=[tcpmdlnr])/g, '')
      .replace(/aul(?=t)/g, 'au') // Renault / Renaut, Gaultier / Gautier
      .replace(/dt$/, 't') // Schmidt / Schmitt, Brandt / Brant
      .replace(/ss$/, 's') // Weiss / Weis
      .replace(/(?<=[b-df-hj-np-tv-z]|e)s$/, '') // Beauchamps / Beauchamp, Gilles / Gille
      .replace(/([b-df-hj-np-rt-z])\1/g, '$1') // Matthieu / Mathieu, Bonnet / Bonet (ss kept: Rossi / Rosi)
      .replace(/(?<=[aeiou])le$/, 'l') // Rousselle / Roussel, Cyrille / Cyril
      .replace(/ier$/, 'ie') // Barbier / Barbié
      .replace(/ie$/, 'i') // Lucie / Lucy
      .replace(/ez$/, 'e') // Desprez / Després
      .replace(/[ae]i(?=[b-df-hj-lp-tv-z])/g, 'e') // Lefaivre / Lefèvre, Klein / Klain (ain, ein kept)
      .replace(/(?<=n)[dt]$/, '') // Simond / Simon, Marchant / Marchand
  );
}
