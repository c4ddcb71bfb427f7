/**
 * Benchmark of request matching (issue 5): matches 10,000 generated requests against a
 * 1,000,000-act synthetic register and prints ONE JSON line on stdout (progress on stderr):
 *
 *   {"acts":1000000,"requests":10000,"match_p50_ms":…,"match_p95_ms":…, …quality…}
 *
 *   npm run bench:match
 *   npm run bench:match -- --acts 100000 --requests 2000 --garder
 *
 * 1. the register: synthetic generator + acts store + index (tests/bench/support), kept
 *    between runs with --garder;
 * 2. the requests: the sandbox platform's generator (sandbox/generation), drawn from the
 *    register's acts with its realistic noise (missing accents, a given name missing, typos,
 *    married names, date slips) plus about 10% of requests for acts the commune does not hold;
 * 3. each request matched through the real matcher (retrieval from the index, comparison,
 *    outcome), timed one by one after a warm-up;
 * 4. quality against what the generator knows: outcomes, "sûr" pointing at the wrong act
 *    (must be 0), held acts that ended "aucun" or were missing from the candidates.
 */
import { ouvrirBase } from '../../electron/db/connexion';
import { Rapprocheur } from '../../electron/demandes/rapprochement';
import { horlogeSysteme } from '../../electron/horloge';
import { genererDemandes, type DemandeGeneree } from '../../sandbox/generation/generateur';
import { sourceRegistre } from '../../sandbox/generation/source-actes';
import { registreDeBench } from './support/registre-synthetique';
import { arrondi, centile, option } from './support/mesures';

const log = (m: string) => process.stderr.write(`[bench rapprochement] ${m}\n`);

/**
 * The platform's generator checks "not held" requests with a lookup by type and event date;
 * the register has no index on that column (its searches go through the FTS index), so the
 * bench adds one for the generation only and drops it before timing anything.
 */
function genererAvecIndexTemporaire(fichier: string, nombre: number, graine: number): DemandeGeneree[] {
  const db = ouvrirBase(fichier);
  db.exec('CREATE INDEX IF NOT EXISTS bench_actes_date ON actes (type, date_evenement)');
  db.close();
  const source = sourceRegistre(fichier);
  try {
    return genererDemandes({
      commune: { codeInsee: '81004', libelle: 'MAIRIE-81-ALBI' },
      nombre,
      graine,
      source,
      annee: 2025,
    });
  } finally {
    source.fermer();
    const ecriture = ouvrirBase(fichier);
    ecriture.exec('DROP INDEX IF EXISTS bench_actes_date');
    ecriture.close();
  }
}

interface ParSorte {
  demandes: number;
  sur_juste: number;
  sur_faux: number;
  a_verifier_avec_acte: number;
  manque: number;
}

/** The issue's kinds of noise, named as the generator names them; "non_detenu" for acts not held. */
function sortesDe(g: DemandeGeneree): string[] {
  if (!g.attendu.detenu) return ['non_detenu'];
  return g.bruits.length ? [...g.bruits] : ['aucun_bruit'];
}

interface Qualite {
  sur: number;
  a_verifier: number;
  aucun: number;
  detenues: number;
  non_detenues: number;
  sur_faux: number;
  detenues_aucun: number;
  detenues_hors_candidats: number;
  non_detenues_sur: number;
}

async function main(): Promise<void> {
  const actes = option('acts', 1_000_000);
  const nombre = option('requests', 10_000);
  const graine = option('seed', 1);
  const registre = registreDeBench({ actes, graine, garder: process.argv.includes('--garder'), journal: log });
  try {
    let t = performance.now();
    const demandes = genererAvecIndexTemporaire(registre.fichier, nombre, graine);
    log(`${demandes.length} demandes générées en ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const db = ouvrirBase(registre.fichier, { lectureSeule: true });
    const rapprocheur = new Rapprocheur(db, horlogeSysteme);
    for (const g of demandes.slice(0, 200)) rapprocheur.rapprocher(g.demande);

    const durees: number[] = [];
    // CPU time too: on a machine shared with other work, wall-clock percentiles include the
    // time the process waited for a core; CPU time shows what matching itself costs.
    const cpu: number[] = [];
    const q: Qualite = {
      sur: 0,
      a_verifier: 0,
      aucun: 0,
      detenues: 0,
      non_detenues: 0,
      sur_faux: 0,
      detenues_aucun: 0,
      detenues_hors_candidats: 0,
      non_detenues_sur: 0,
    };
    const parBruit = new Map<string, { n: number; sur: number; aucun: number }>();
    const parSorte = new Map<string, ParSorte>();
    t = performance.now();
    for (const g of demandes) {
      const debut = performance.now();
      const cpu0 = process.cpuUsage();
      const { resultat } = rapprocheur.rapprocher(g.demande);
      const c = process.cpuUsage(cpu0);
      durees.push(performance.now() - debut);
      cpu.push((c.user + c.system) / 1000);
      q[resultat.issue]++;
      const a = g.attendu;
      if (a.detenu) {
        q.detenues++;
        const trouve = resultat.candidats.some(
          (c) => c.type === a.type && c.annee === a.annee && c.numero === a.numero,
        );
        if (resultat.issue === 'sur' && !trouve) q.sur_faux++;
        if (resultat.issue === 'aucun') q.detenues_aucun++;
        else if (!trouve) q.detenues_hors_candidats++;
      } else {
        q.non_detenues++;
        if (resultat.issue === 'sur') {
          q.sur_faux++;
          q.non_detenues_sur++;
        }
      }
      for (const sorte of sortesDe(g)) {
        const s = parSorte.get(sorte) ?? { demandes: 0, sur_juste: 0, sur_faux: 0, a_verifier_avec_acte: 0, manque: 0 };
        s.demandes++;
        const trouveIci =
          a.detenu && resultat.candidats.some((c) => c.type === a.type && c.annee === a.annee && c.numero === a.numero);
        if (resultat.issue === 'sur') {
          if (trouveIci) s.sur_juste++;
          else s.sur_faux++;
        } else if (!a.detenu) {
          // Not held: "aucun" is the right answer, "à vérifier" lets the officer see it is none.
          if (resultat.issue === 'aucun') s.sur_juste++;
          else s.a_verifier_avec_acte++;
        } else if (trouveIci) s.a_verifier_avec_acte++;
        else s.manque++;
        parSorte.set(sorte, s);
      }
      const cle = g.bruits.length ? [...g.bruits].sort().join('+') : 'aucun_bruit';
      const b = parBruit.get(cle) ?? { n: 0, sur: 0, aucun: 0 };
      b.n++;
      if (resultat.issue === 'sur') b.sur++;
      if (resultat.issue === 'aucun' && a.detenu) b.aucun++;
      parBruit.set(cle, b);
    }
    const total = (performance.now() - t) / 1000;
    db.close();
    log(`rapprochement : ${demandes.length} demandes en ${total.toFixed(1)} s`);
    for (const [cle, b] of [...parBruit].sort((x, y) => y[1].n - x[1].n))
      log(`  ${cle.padEnd(40)} ${b.n} demandes, ${b.sur} sûres, ${b.aucun} détenues sans candidat`);

    log('par sorte de bruit (une demande à deux bruits compte dans les deux) :');
    for (const [sorte, x] of [...parSorte].sort((u, v) => v[1].demandes - u[1].demandes))
      log(
        `  ${sorte.padEnd(22)} ${String(x.demandes).padStart(5)} demandes : sûr juste ${x.sur_juste}, sûr faux ${x.sur_faux}, à vérifier avec l’acte ${x.a_verifier_avec_acte}, manqué ${x.manque}`,
      );
    const resultat = {
      acts: actes,
      requests: demandes.length,
      match_p50_ms: arrondi(centile(durees, 50)),
      match_p95_ms: arrondi(centile(durees, 95)),
      match_max_ms: arrondi(Math.max(...durees), 1),
      match_cpu_p50_ms: arrondi(centile(cpu, 50)),
      match_cpu_p95_ms: arrondi(centile(cpu, 95)),
      ...q,
      sur_detenues_part: arrondi(q.detenues ? (q.sur - q.non_detenues_sur) / q.detenues : 0, 4),
      candidat_detenues_part: arrondi(
        q.detenues ? (q.detenues - q.detenues_aucun - q.detenues_hors_candidats) / q.detenues : 0,
        4,
      ),
      // Per kind of noise. For "non_detenu", sur_juste counts the right "aucun" and
      // a_verifier_avec_acte the "à vérifier" (nothing to find).
      par_bruit: Object.fromEntries(parSorte),
    };
    process.stdout.write(`${JSON.stringify(resultat)}\n`);
  } finally {
    registre.liberer();
  }
}

await main();
