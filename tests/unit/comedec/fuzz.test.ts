import { describe, expect, it } from 'vitest';
import { campagne, essayer, type Resultat } from '../../support/fuzz/executer';

// The reader under a seeded campaign of hostile documents (tests/support/fuzz): every category of
// issue 14 and the classic XML attacks, plus blind byte mutations of valid documents. Replay one
// case with its seed and index. In process, timed one by one; the figures are printed.
const GRAINE = 14;
const PAR_CATEGORIE = 150;
/**
 * Per document: a hang detector, not a benchmark (machines are shared): the hostile documents
 * of issue 14 took 17 to 60 s; the reader now answers each in well under 0.3 s
 * (npm run bench:lecture-hostile), and this bound leaves a loaded 2-core machine room.
 */
const LIMITE_MS = 2000;

describe('fuzzing du lecteur (documents hostiles)', () => {
  it(`campagne de la graine ${GRAINE} : aucun plantage, aucun dépassement, n’est accepté que l’inoffensif`, () => {
    const resultats: Resultat[] = [];
    for (const cas of campagne(GRAINE, PAR_CATEGORIE)) resultats.push(essayer(cas));
    const par = (issue: Resultat['issue']) => resultats.filter((r) => r.issue === issue);
    const lents = resultats.filter((r) => r.ms > LIMITE_MS);
    const acceptes = par('accepte');
    const listeAcceptes = new Map<string, number>();
    for (const r of acceptes) {
      // A blind mutation accepted is listed with what it changed in the object read.
      const cle = `${r.cas.categorie} — ${r.cas.attendu === 'libre' ? `${r.cas.base.nom} : ${r.detail}` : r.cas.nom}`;
      listeAcceptes.set(cle, (listeAcceptes.get(cle) ?? 0) + 1);
    }
    const echecs = resultats.filter((r) => !['refus', 'accepte'].includes(r.issue));
    console.log(
      [
        `fuzz lecteur (graine ${GRAINE}) : ${resultats.length} essayés, ${par('refus').length} refusés proprement, ` +
          `${acceptes.length} acceptés, ${par('crash').length} plantages, ${lents.length} au-delà de ${LIMITE_MS} ms ` +
          `(le plus long : ${Math.max(...resultats.map((r) => r.ms)).toFixed(1)} ms)`,
        'acceptés :',
        ...[...listeAcceptes].map(([cle, n]) => `  ${n} × ${cle}`),
        ...echecs.map((r) => `ÉCHEC ${r.issue} : ${r.cas.categorie} — ${r.cas.nom} (${r.cas.base.nom}) : ${r.detail}`),
      ].join('\n'),
    );
    expect(echecs.map((r) => `${r.issue} ${r.cas.categorie} — ${r.cas.nom} (${r.cas.base.nom}) : ${r.detail}`)).toEqual(
      [],
    );
    expect(lents.map((r) => `${r.cas.categorie} — ${r.cas.nom} : ${r.ms.toFixed(0)} ms`)).toEqual([]);
    // Only the valid documents, their valid variants and blind mutations may be accepted.
    for (const r of acceptes) expect(['accepte', 'libre']).toContain(r.cas.attendu);
    expect(par('refus').length).toBeGreaterThan(resultats.length * 0.8);
    expect(acceptes.filter((r) => r.cas.attendu === 'accepte').length).toBe(
      resultats.filter((r) => r.cas.attendu === 'accepte').length,
    );
  }, 120_000);
});
