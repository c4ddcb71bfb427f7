import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const racine = path.resolve(import.meta.dirname, '../..');

export interface Violation {
  fichier: string;
  import: string;
  raison: string;
}

/** Browser-safe packages the renderer may use (no Node built-ins, no Electron). */
const paquetsRenderer = [
  'react',
  'react-dom',
  'zustand',
  'zod',
  '@fluentui/',
  '@tanstack/react-virtual',
  'date-fns',
  '@date-fns/tz',
  'talisman',
];
/** shared/ is imported by both processes: pure code only. */
const paquetsShared = ['zod', 'date-fns', '@date-fns/tz', 'talisman'];

const builtinsNode = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'tls',
  'worker_threads',
  'url',
  'stream',
  'zlib',
  'module',
  'util',
  'events',
  'buffer',
  'process',
  'readline',
]);

function estPaquet(spec: string, liste: string[]): boolean {
  return liste.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(p + '/')));
}

/**
 * The room a path belongs to: a folder directly under electron/ (`electron/signature`), or
 * the sandbox as a whole. Files directly under electron/ (horloge.ts, journal.ts...) are single
 * modules, each its own face: they are not rooms.
 */
export function pieceDe(chemin: string): string | null {
  const parties = chemin.split('/');
  if (parties[0] === 'sandbox') return 'sandbox';
  if (parties[0] !== 'electron' || parties.length < 2) return null;
  const dossier = `electron/${parties[1]}`;
  const estDossier =
    parties.length > 2 ||
    (fs.existsSync(path.join(racine, dossier)) && fs.statSync(path.join(racine, dossier)).isDirectory());
  return estDossier ? dossier : null;
}

/**
 * The one composition file of electron/ allowed to reach the sandbox (through its face):
 * it hands the training platform and the sandbox launcher to the rooms that need them.
 */
export const COMPOSITION = 'electron/app.ts';

/**
 * Permanent exception: the sandboxed preload's bundle may require nothing but 'electron', so it
 * takes the bridge alone (`contrat/pont`), not the contract room's face with its dispatcher.
 */
const EXCEPTIONS_PERMANENTES: ReadonlyArray<readonly [string, string]> = [
  ['electron/shell/preload.ts', 'electron/contrat/pont'],
];

/**
 * Known violations tolerated by the real tree's check: none since issue 12 (every room is
 * imported through its face). Kept as the one place an exception would have to be argued.
 * Pairs: [importing file, target path without extension].
 */
export const VIOLATIONS_CONNUES: ReadonlyArray<readonly [string, string]> = [];

const toleree = (liste: ReadonlyArray<readonly [string, string]>, fichier: string, cible: string) =>
  liste.some(([f, c]) => f === fichier && c === cible);

export interface OptionsVerification {
  /** The known violations tolerated (the real tree's check); the rule's own cases pass none. */
  tolerees?: ReadonlyArray<readonly [string, string]>;
}

export function importsDe(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The rule, for one file: where it lives decides what it may import. */
export function verifierImports(
  fichierRelatif: string,
  source: string,
  options: OptionsVerification = {},
): Violation[] {
  const violations: Violation[] = [];
  const dossier = path.dirname(fichierRelatif);
  const zone = fichierRelatif.split('/')[0];
  for (const spec of importsDe(source)) {
    const relatif = spec.startsWith('.');
    const cible = relatif ? path.posix.normalize(path.posix.join(dossier, spec)) : '';
    const ajouter = (raison: string) => violations.push({ fichier: fichierRelatif, import: spec, raison });
    if (zone === 'renderer') {
      if (relatif) {
        if (!cible.startsWith('renderer/') && !cible.startsWith('shared/'))
          ajouter('le renderer n’importe que shared/ et ses propres fichiers');
      } else if (!estPaquet(spec, paquetsRenderer))
        ajouter('paquet non autorisé dans le renderer (Node, Electron ou non listé)');
    } else if (zone === 'shared') {
      if (relatif) {
        if (!cible.startsWith('shared/')) ajouter('shared/ ne dépend que de lui-même');
      } else if (!estPaquet(spec, paquetsShared)) ajouter('shared/ doit rester pur (ni Node, ni Electron, ni DOM)');
    } else if (zone === 'electron') {
      const shell = fichierRelatif.startsWith('electron/shell/');
      if (!shell && (spec === 'electron' || spec.startsWith('electron/')))
        ajouter('le code métier n’importe jamais electron (seul electron/shell/ le peut)');
      if (relatif && cible.startsWith('renderer/')) ajouter('le processus principal n’importe pas le renderer');
      if (relatif && pieceDe(cible) === 'sandbox' && fichierRelatif !== COMPOSITION)
        ajouter(`electron/ n’atteint le bac à sable que par ${COMPOSITION}`);
    }
    if (relatif && (zone === 'electron' || zone === 'sandbox')) {
      // A room is entered by its front door only: what is not in its index.ts is its own business.
      const piece = pieceDe(cible);
      const exemptee =
        toleree(EXCEPTIONS_PERMANENTES, fichierRelatif, cible) ||
        toleree(options.tolerees ?? [], fichierRelatif, cible);
      if (piece && piece !== pieceDe(fichierRelatif) && cible !== piece && cible !== `${piece}/index` && !exemptee)
        ajouter(`${piece}/ ne s’importe que par son index.ts`);
    }
    if ((zone === 'renderer' || zone === 'shared') && (spec.startsWith('node:') || builtinsNode.has(spec)))
      ajouter('module Node interdit de ce côté');
  }
  return violations;
}

export function fichiersSources(dossier: string): string[] {
  const res: string[] = [];
  const parcourir = (d: string) => {
    for (const e of fs.readdirSync(path.join(racine, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') parcourir(rel);
      } else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) res.push(rel);
    }
  };
  if (fs.existsSync(path.join(racine, dossier))) parcourir(dossier);
  return res;
}

/**
 * The text checks of issue 12, as anyone can run them with grep: outside the composition file,
 * no file of electron/ even names the sandbox (comments included), and only the request's room
 * writes or reads the `demandes` table with SQL of its own. Migrations are the schema's history
 * (electron/db/migrations/0006 moves rows of that table): they are not a second owner, and are
 * left out (the grep of the issue shows them; it should add `| grep -v migrations/`).
 */
export function verifierTexte(fichierRelatif: string, source: string, options: OptionsVerification = {}): Violation[] {
  const violations: Violation[] = [];
  if (!fichierRelatif.startsWith('electron/')) return violations;
  if (fichierRelatif !== COMPOSITION && source.includes('sandbox/'))
    violations.push({
      fichier: fichierRelatif,
      import: 'sandbox/',
      raison: `seul ${COMPOSITION} nomme le bac à sable`,
    });
  if (fichierRelatif.startsWith('electron/demandes/') || fichierRelatif.startsWith('electron/db/migrations/'))
    return violations;
  for (const sql of new Set(source.match(/FROM demandes|INTO demandes|UPDATE demandes/g) ?? []))
    if (!toleree(options.tolerees ?? [], fichierRelatif, sql))
      violations.push({
        fichier: fichierRelatif,
        import: sql,
        raison: 'seule la pièce electron/demandes/ touche la table demandes',
      });
  return violations;
}
