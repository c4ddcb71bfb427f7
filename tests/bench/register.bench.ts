/**
 * Benchmark of the register: import and search on a large synthetic register.
 *
 *   npm run bench:register                 # 1,000,000 acts
 *   npm run bench:register -- --acts 100000
 *
 * 1. writes a synthetic register as CSV (not timed);
 * 2. imports it through the real CSV import (importerCsv: parsing, validation, store, index),
 *    in a child process of its own, so that its peak memory (rss_mb) is the import's and not
 *    the generator's; that child and the import's reading thread are bundled and run by plain
 *    Node, as the app ships them (support/import-empaquete.ts);
 * 3. runs a fixed mix of searches (exact, prefix, phonetic, typo, date) drawn from the
 *    register, twice (the first pass warms the caches, the second is measured);
 * 4. runs the same queries as naive `LIKE '%term%'` scans over the persons' names.
 * Prints ONE JSON line on stdout; progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Base } from '../../electron/db/connexion';
import { clePhonetique } from '../../shared/domain/phonetique';
import { mots } from '../../shared/domain/normalisation';
import { empaqueterImport } from './support/import-empaquete';
import type { MesureImport } from './support/import-enfant';
import { arrondi, centile, option } from './support/mesures';
// The generator (faker), the search engine and the store's reader are loaded when main runs
// (dynamic imports), in this process only.
type ModulesParent = {
  ouvrirBase: typeof import('../../electron/db/connexion').ouvrirBase;
  DepotActes: typeof import('../../electron/registre/depot').DepotActes;
  moteurPour: typeof import('../../electron/registre/recherche').moteurPour;
  Hasard: typeof import('../../electron/registre/fabrique-synthetique/hasard').Hasard;
  ecrireRegistreCsv: typeof import('../../electron/registre/synthetique').ecrireRegistreCsv;
};

async function modulesParent(): Promise<ModulesParent> {
  const [connexion, depot, recherche, hasard, synthetique] = await Promise.all([
    import('../../electron/db/connexion'),
    import('../../electron/registre/depot'),
    import('../../electron/registre/recherche'),
    import('../../electron/registre/fabrique-synthetique/hasard'),
    import('../../electron/registre/synthetique'),
  ]);
  return {
    ouvrirBase: connexion.ouvrirBase,
    DepotActes: depot.DepotActes,
    moteurPour: recherche.moteurPour,
    Hasard: hasard.Hasard,
    ecrireRegistreCsv: synthetique.ecrireRegistreCsv,
  };
}

interface Requete {
  sorte: 'exacte' | 'prefixe' | 'phonetique' | 'faute' | 'date';
  texte: string;
}

const PAR_SORTE = 40;
const NAIVES_PAR_SORTE = 8;
const LIMITE = 100;

const log = (m: string) => process.stderr.write(`[bench registre] ${m}\n`);

/** The query mix, drawn (seeded) from acts of the register so that most queries find something. */
function requetes(m: ModulesParent, db: Base, graine: number): Requete[] {
  const h = new m.Hasard(graine);
  const max = db.prepare('SELECT max(id) FROM actes').pluck().get() as number;
  const depot = new m.DepotActes(db);
  const idIndexe = db.prepare<[number], number>('SELECT id FROM actes WHERE id >= ? AND indexe = 1 LIMIT 1').pluck();
  const acteAuHasard = () => {
    const a = depot.lire(idIndexe.get(h.entier(1, max))!)!;
    const p = a.personnes[0];
    return { type: a.type, date: a.dateEvenement!, nom: p.nom, prenom: p.prenoms[0] ?? '' };
  };
  // Spellings that sound alike: other vocabulary words with the same phonetic key.
  const homophones = db
    .prepare<[string, string], string>('SELECT mot FROM vocabulaire WHERE cle_phonetique = ? AND mot <> ? LIMIT 1')
    .pluck();
  const liste: Requete[] = [];
  const ajouter = (sorte: Requete['sorte'], fabriquer: () => string | null) => {
    for (let n = 0, essais = 0; n < PAR_SORTE && essais < PAR_SORTE * 50; essais++) {
      const texte = fabriquer();
      if (texte) {
        liste.push({ sorte, texte });
        n++;
      }
    }
  };
  ajouter('exacte', () => {
    const a = acteAuHasard();
    return `${a.nom} ${a.prenom} `;
  });
  ajouter('prefixe', () => {
    const a = acteAuHasard();
    const nom = mots(a.nom).join('');
    return nom.length >= 4 ? `${a.prenom} ${nom.slice(0, h.entier(3, Math.min(5, nom.length - 1)))}` : null;
  });
  ajouter('phonetique', () => {
    const a = acteAuHasard();
    const [mot] = mots(a.nom);
    const autre = mot && homophones.get(clePhonetique(mot), mot);
    return autre ? `${autre} ${a.prenom} ` : null;
  });
  ajouter('faute', () => {
    const a = acteAuHasard();
    const mot = mots(a.nom).sort((x, y) => y.length - x.length)[0] ?? '';
    if (mot.length < 5) return null;
    const i = h.entier(1, mot.length - 2);
    // Two neighbouring letters swapped, the most common typing slip.
    return `${mot.slice(0, i)}${mot[i + 1]}${mot[i]}${mot.slice(i + 2)} `;
  });
  ajouter('date', () => {
    const a = acteAuHasard();
    const [an, mois, jour] = a.date.split('-');
    const x = h.reel();
    if (x < 0.4) return `${jour}/${mois}/${an} `;
    if (x < 0.7) return `${a.nom} ${mois}/${an} `;
    return `${a.type === 'deces' ? 'décès' : a.type} ${an} ${a.prenom} `;
  });
  return liste;
}

/**
 * The naive way: a table of the persons' names as written, scanned with LIKE '%term%' for
 * every term (dates against the event date), first 100 matches.
 */
function preparerNaif(db: Base): (r: Requete) => number {
  db.exec(`
    CREATE TEMP TABLE noms_naifs AS
    SELECT a.id AS id, a.date_evenement AS date_evenement,
           (SELECT group_concat(p.value ->> 1 || ' ' || (SELECT group_concat(x.value, ' ') FROM json_each(p.value -> 2) x), ' ')
              FROM json_each(a.donnees, '$.p') p) AS noms
    FROM actes a`);
  return (r) => {
    const termes = r.texte.trim().split(/\s+/);
    const conditions: string[] = [];
    const valeurs: string[] = [];
    for (const t of termes) {
      const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t) ?? /^(\d{2})\/(\d{4})$/.exec(t);
      if (date) {
        conditions.push('date_evenement LIKE ?');
        valeurs.push(date.length === 4 ? `%${date[3]}-${date[2]}-${date[1]}%` : `%${date[2]}-${date[1]}%`);
      } else if (/^\d{4}$/.test(t)) {
        conditions.push('date_evenement LIKE ?');
        valeurs.push(`${t}-%`);
      } else {
        conditions.push('noms LIKE ?');
        valeurs.push(`%${t}%`);
      }
    }
    // Preparing costs microseconds; the scan costs the time measured.
    const sql = `SELECT id FROM noms_naifs WHERE ${conditions.join(' AND ')} LIMIT ${LIMITE}`;
    return db.prepare(sql).all(...valeurs).length;
  };
}

async function main(): Promise<void> {
  const m = await modulesParent();
  const actes = option('acts', 1_000_000);
  const graine = option('seed', 1);
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'registre-bench-'));
  const csv = path.join(dossier, 'registre.csv');
  const base = path.join(dossier, 'registre.db');
  try {
    let t = performance.now();
    const { octets } = await m.ecrireRegistreCsv(csv, { actes, graine });
    log(`CSV : ${actes} actes, ${(octets / 1e6).toFixed(0)} Mo en ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Another process, only the import in it, bundled and run by plain Node as the app ships it.
    const enfant = await empaqueterImport();
    const sortie = execFileSync(process.execPath, [enfant, csv, base], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, REGISTRE_JOURNAL: 'muet' },
    });
    const {
      secondes: dureeImport,
      secondesCpu: cpuImport,
      rssMo: rssImport,
      ajoutes,
      rejetees,
      rejets,
    } = JSON.parse(sortie) as MesureImport;
    if (rejetees > 0 || ajoutes !== actes) {
      throw new Error(`import incomplet : ${ajoutes} ajoutés, ${rejetees} rejetés (${JSON.stringify(rejets)})`);
    }
    log(
      `import : ${dureeImport.toFixed(1)} s, pic de mémoire ${rssImport.toFixed(0)} Mo, base ${(fs.statSync(base).size / 1e6).toFixed(0)} Mo`,
    );
    fs.rmSync(csv);

    const db = m.ouvrirBase(base);
    const mix = requetes(m, db, graine);
    const moteur = m.moteurPour(db);
    for (const r of mix) moteur.rechercher({ texte: r.texte, limite: LIMITE });
    const durees: number[] = [];
    const dureesCpu: number[] = [];
    const parSorte = new Map<string, number[]>();
    const trouvees = new Map<string, number>();
    for (const r of mix) {
      const c0 = process.cpuUsage();
      const d0 = performance.now();
      const { resultats } = moteur.rechercher({ texte: r.texte, limite: LIMITE });
      const d = performance.now() - d0;
      const c = process.cpuUsage(c0);
      durees.push(d);
      dureesCpu.push((c.user + c.system) / 1000);
      parSorte.set(r.sorte, [...(parSorte.get(r.sorte) ?? []), d]);
      if (resultats.length) trouvees.set(r.sorte, (trouvees.get(r.sorte) ?? 0) + 1);
    }
    log(
      `recherche : ${mix.length} requêtes, p50 ${centile(durees, 50).toFixed(2)} ms, p95 ${centile(durees, 95).toFixed(2)} ms`,
    );

    t = performance.now();
    const naif = preparerNaif(db);
    log(`table naïve des noms : ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const echantillon = [...parSorte.keys()].flatMap((sorte) =>
      mix.filter((r) => r.sorte === sorte).slice(0, NAIVES_PAR_SORTE),
    );
    const dureesNaives: number[] = [];
    for (const r of echantillon) {
      const d0 = performance.now();
      naif(r);
      dureesNaives.push(performance.now() - d0);
    }
    log(`LIKE naïf : ${echantillon.length} requêtes, p95 ${centile(dureesNaives, 95).toFixed(1)} ms`);
    db.close();

    const resultat = {
      acts: actes,
      import_acts_per_s: Math.round(actes / dureeImport),
      search_p50_ms: arrondi(centile(durees, 50)),
      search_p95_ms: arrondi(centile(durees, 95)),
      naive_like_p95_ms: arrondi(centile(dureesNaives, 95), 1),
      rss_mb: Math.round(rssImport),
      naive_over_search_p95: arrondi(centile(dureesNaives, 95) / centile(durees, 95), 1),
      // On a shared machine, wall time includes waiting for a core: the CPU time the work
      // itself took is given beside it.
      import_acts_per_cpu_s: Math.round(actes / cpuImport),
      search_cpu_p50_ms: arrondi(centile(dureesCpu, 50)),
      search_cpu_p95_ms: arrondi(centile(dureesCpu, 95)),
      load_average_1min: arrondi(os.loadavg()[0], 1),
      search_p95_ms_by_kind: Object.fromEntries([...parSorte].map(([k, v]) => [k, arrondi(centile(v, 95))])),
      queries_with_results: Object.fromEntries(
        [...parSorte.keys()].map((k) => [k, `${trouvees.get(k) ?? 0}/${parSorte.get(k)!.length}`]),
      ),
    };
    process.stdout.write(`${JSON.stringify(resultat)}\n`);
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

await main();
