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

const builtinsNode = new Set(
  ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'tls', 'worker_threads', 'url', 'stream', 'zlib', 'module', 'util', 'events', 'buffer', 'process', 'readline'],
);

function estPaquet(spec: string, liste: string[]): boolean {
  return liste.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(p + '/')));
}

export function importsDe(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The rule, for one file: where it lives decides what it may import. */
export function verifierImports(fichierRelatif: string, source: string): Violation[] {
  const violations: Violation[] = [];
  const dossier = path.dirname(fichierRelatif);
  const zone = fichierRelatif.split('/')[0];
  for (const spec of importsDe(source)) {
    const relatif = spec.startsWith('.');
    const cible = relatif ? path.posix.normalize(path.posix.join(dossier, spec)) : '';
    const ajouter = (raison: string) => violations.push({ fichier: fichierRelatif, import: spec, raison });
    if (zone === 'renderer') {
      if (relatif) {
        if (!cible.startsWith('renderer/') && !cible.startsWith('shared/')) ajouter('le renderer n’importe que shared/ et ses propres fichiers');
      } else if (!estPaquet(spec, paquetsRenderer)) ajouter('paquet non autorisé dans le renderer (Node, Electron ou non listé)');
    } else if (zone === 'shared') {
      if (relatif) {
        if (!cible.startsWith('shared/')) ajouter('shared/ ne dépend que de lui-même');
      } else if (!estPaquet(spec, paquetsShared)) ajouter('shared/ doit rester pur (ni Node, ni Electron, ni DOM)');
    } else if (zone === 'electron') {
      const shell = fichierRelatif.startsWith('electron/shell/');
      if (!shell && (spec === 'electron' || spec.startsWith('electron/'))) ajouter('le code métier n’importe jamais electron (seul electron/shell/ le peut)');
      if (relatif && cible.startsWith('renderer/')) ajouter('le processus principal n’importe pas le renderer');
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
