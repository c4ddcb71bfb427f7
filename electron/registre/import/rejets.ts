import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { erreurs } from '../../../shared/errors';
import { COLONNE_MOTIF_REJET } from './colonnes';
import type { FormatCsv } from './detection';

/**
 * The rejects file: every refused row, with its original cells and a `motif_rejet` column,
 * in the input's own encoding and separator, so the user opens it in the same spreadsheet,
 * corrects the rows and imports the file again (the importer ignores `motif_rejet`).
 *
 * Created on the first reject only; written through a small buffer with synchronous writes,
 * so memory stays flat even when every row of a huge file is refused.
 */
const SEUIL_ECRITURE = 64 * 1024;

export class EcrivainRejets {
  private fd: number | null = null;
  private tampon: string[] = [];
  private tailleTampon = 0;
  private lignes = 0;

  constructor(
    readonly fichier: string,
    private readonly format: FormatCsv,
    private readonly entete: string[],
    /** Position of a previous `motif_rejet` column in the input (-1: none), replaced by the new one. */
    private readonly ancienMotif = -1,
  ) {}

  /** Path of the file when at least one row was written, else null. */
  get chemin(): string | null {
    return this.lignes > 0 ? this.fichier : null;
  }

  ecrire(champs: string[], motif: string): void {
    if (this.fd === null) this.ouvrir();
    this.ajouter(this.ligne([...this.sansAncienMotif(champs), motif]));
    this.lignes++;
  }

  /** Flushes and closes. Safe to call twice. */
  fermer(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    try {
      this.vider();
    } finally {
      this.fd = null;
      fs.closeSync(fd);
    }
  }

  /** The import failed and nothing went in: its rejects file would be misleading. */
  supprimer(): void {
    this.lignes = 0;
    if (this.fd === null) return; // never created: nothing to remove (and nothing of someone else's)
    try {
      this.fermer();
    } finally {
      fs.rmSync(this.fichier, { force: true });
    }
  }

  private ouvrir(): void {
    try {
      fs.mkdirSync(path.dirname(this.fichier), { recursive: true });
      this.fd = fs.openSync(this.fichier, 'w');
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'erreur';
      throw erreurs.importInvalide(
        `Impossible d’écrire le fichier des rejets « ${this.fichier} » (${code}) : rien n’a été importé.`,
      );
    }
    if (this.format.bom) this.ajouter('\ufeff');
    this.ajouter(this.ligne([...this.sansAncienMotif(this.entete), COLONNE_MOTIF_REJET]));
  }

  private sansAncienMotif(champs: string[]): string[] {
    return this.ancienMotif < 0 ? champs : champs.filter((_, i) => i !== this.ancienMotif);
  }

  private ligne(champs: string[]): string {
    const sep = this.format.separateur;
    return champs.map((c) => citer(c, sep)).join(sep) + '\r\n';
  }

  private ajouter(texte: string): void {
    this.tampon.push(texte);
    this.tailleTampon += texte.length;
    if (this.tailleTampon >= SEUIL_ECRITURE) this.vider();
  }

  private vider(): void {
    if (this.fd === null || this.tampon.length === 0) return;
    const texte = this.tampon.join('');
    const octets = this.format.encodage === 'utf-8' ? Buffer.from(texte, 'utf8') : iconv.encode(texte, 'win1252');
    fs.writeSync(this.fd, octets);
    this.tampon = [];
    this.tailleTampon = 0;
  }
}

/** RFC 4180 quoting: only when the cell holds the separator, a quote or a line break. */
export function citer(valeur: string, separateur: string): string {
  if (valeur.includes(separateur) || valeur.includes('"') || valeur.includes('\n') || valeur.includes('\r'))
    return `"${valeur.replace(/"/g, '""')}"`;
  return valeur;
}
