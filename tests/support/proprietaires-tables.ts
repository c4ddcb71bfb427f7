import fs from 'node:fs';
import path from 'node:path';

/**
 * Who may write SQL about a table: its room. A statement naming the table after FROM, INTO,
 * UPDATE or JOIN in a `.ts` file outside the owner's folder is a violation. Migrations are the
 * schema's history (the database room runs them for every table): they are left out.
 */
export interface RegleTable {
  table: string;
  /** The owner's folder, relative to the scanned root (`electron/demandes/`). */
  proprietaire: string;
  exemptes: readonly string[];
}

export interface ViolationTable {
  fichier: string;
  ligne: number;
  texte: string;
}

function fichiersTs(dossier: string): string[] {
  return fs
    .readdirSync(dossier, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

export function violationsTable(racine: string, dossier: string, regle: RegleTable): ViolationTable[] {
  // The table's name as a whole word: `demandes_emises` or `demandes_0006` are other tables.
  const motif = new RegExp(`\\b(FROM|INTO|UPDATE|JOIN)\\s+${regle.table}\\b(?!_)`, 'i');
  const dedans = (relatif: string, dossierRegle: string) =>
    relatif.startsWith(dossierRegle.endsWith('/') ? dossierRegle : `${dossierRegle}/`);
  const violations: ViolationTable[] = [];
  for (const f of fichiersTs(path.join(racine, dossier))) {
    const relatif = path.relative(racine, f).split(path.sep).join('/');
    if (dedans(relatif, regle.proprietaire) || regle.exemptes.some((e) => dedans(relatif, e))) continue;
    fs.readFileSync(f, 'utf8')
      .split('\n')
      .forEach((texte, i) => {
        if (motif.test(texte)) violations.push({ fichier: relatif, ligne: i + 1, texte: texte.trim() });
      });
  }
  return violations;
}
