import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sansAccents } from '../shared/domain/normalisation';

/**
 * The one PDF layout of Registre (the register's extracts, the directory's records), with pdf-lib
 * and its standard fonts (Times, nothing to ship). Standard fonts encode text in WinAnsi
 * (Windows-1252), which covers French entirely (é, ç, œ, Œ, ’, «, », —). A character outside it
 * (a Vietnamese or Polish letter) is written without its accent rather than making the document
 * fail: `caracteresRemplaces` says how many, so the caller can log it (never the characters
 * themselves: they come from names).
 */

const A4 = { largeur: 595.28, hauteur: 841.89 };
const MARGE = 64;
const LARGEUR_UTILE = A4.largeur - 2 * MARGE;

export interface PdfProduit {
  octets: Uint8Array;
  caracteresRemplaces: number;
}

export interface Polices {
  normale: PDFFont;
  grasse: PDFFont;
  italique: PDFFont;
}

export interface Style {
  police: PDFFont;
  taille: number;
  centre?: boolean;
}

export interface PdfEnCours {
  mise: MiseEnPage;
  polices: Polices;
  terminer(): Promise<PdfProduit>;
}

/** A new A4 document. Metadata carry the document's kind, never a person's name. */
export async function nouveauPdf(titre: string, creeLe: Date): Promise<PdfEnCours> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(titre);
  pdf.setLanguage('fr-FR');
  pdf.setProducer('Registre');
  pdf.setCreator('Registre');
  pdf.setCreationDate(creeLe);
  pdf.setModificationDate(creeLe);
  const polices: Polices = {
    normale: await pdf.embedFont(StandardFonts.TimesRoman),
    grasse: await pdf.embedFont(StandardFonts.TimesRomanBold),
    italique: await pdf.embedFont(StandardFonts.TimesRomanItalic),
  };
  const encodeur = new Encodeur(polices.normale);
  return {
    mise: new MiseEnPage(pdf, encodeur),
    polices,
    terminer: async () => ({ octets: await pdf.save(), caracteresRemplaces: encodeur.remplaces }),
  };
}

export class MiseEnPage {
  private page: PDFPage;
  private y = A4.hauteur - MARGE;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly encodeur: Encodeur,
  ) {
    this.page = this.nouvellePage();
  }

  private nouvellePage(): PDFPage {
    const page = this.pdf.addPage([A4.largeur, A4.hauteur]);
    this.y = A4.hauteur - MARGE;
    return page;
  }

  espace(points: number): void {
    this.y -= points;
  }

  ligne(texte: string, style: Style, x = MARGE): void {
    const t = this.encodeur.adapter(texte);
    const hauteur = style.taille * 1.35;
    if (this.y - hauteur < MARGE) this.page = this.nouvellePage();
    this.y -= hauteur;
    const largeur = style.police.widthOfTextAtSize(t, style.taille);
    this.page.drawText(t, {
      x: style.centre ? (A4.largeur - largeur) / 2 : x,
      y: this.y,
      size: style.taille,
      font: style.police,
      color: rgb(0, 0, 0),
    });
  }

  /** Word-wrapped paragraph; a word longer than the line is cut. */
  paragraphe(texte: string, style: Style): void {
    const t = this.encodeur.adapter(texte);
    let courante = '';
    for (const mot of t.split(/ +/)) {
      const essai = courante ? `${courante} ${mot}` : mot;
      if (style.police.widthOfTextAtSize(essai, style.taille) <= LARGEUR_UTILE) {
        courante = essai;
        continue;
      }
      if (courante) this.ligne(courante, style);
      courante = mot;
      while (style.police.widthOfTextAtSize(courante, style.taille) > LARGEUR_UTILE) {
        let n = courante.length - 1;
        while (n > 1 && style.police.widthOfTextAtSize(courante.slice(0, n), style.taille) > LARGEUR_UTILE) n--;
        this.ligne(courante.slice(0, n), style);
        courante = courante.slice(n);
      }
    }
    if (courante) this.ligne(courante, style);
    this.y -= style.taille * 0.3;
  }

  /**
   * Side-by-side boxes where people sign by hand (a record is signed on paper): each column's
   * lines, then an empty framed space; kept together on one page.
   */
  signatures(colonnes: readonly (readonly string[])[], style: Style): void {
    const hauteurCadre = 70;
    const hauteurTexte = Math.max(...colonnes.map((c) => c.length)) * style.taille * 1.35;
    if (this.y - hauteurTexte - hauteurCadre - 8 < MARGE) this.page = this.nouvellePage();
    const ecart = 16;
    const largeur = (LARGEUR_UTILE - ecart * (colonnes.length - 1)) / colonnes.length;
    const haut = this.y;
    colonnes.forEach((lignes, i) => {
      this.y = haut;
      const x = MARGE + i * (largeur + ecart);
      for (const l of lignes) this.ligne(l, style, x);
      this.page.drawRectangle({
        x,
        y: haut - hauteurTexte - 6 - hauteurCadre,
        width: largeur,
        height: hauteurCadre,
        borderColor: rgb(0, 0, 0),
        borderWidth: 0.5,
      });
    });
    this.y = haut - hauteurTexte - 6 - hauteurCadre - 8;
  }
}

/** Keeps what WinAnsi can show; otherwise the letter without its diacritics, or "?". */
class Encodeur {
  private readonly permis: Set<number>;
  remplaces = 0;

  constructor(police: PDFFont) {
    this.permis = new Set(police.getCharacterSet());
  }

  adapter(texte: string): string {
    let sortie = '';
    const propre = texte
      .normalize('NFC')
      .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
      .replace(/\s*[\r\n]+\s*|\t/g, ' ');
    for (const c of propre) {
      if (this.permis.has(c.codePointAt(0)!)) {
        sortie += c;
        continue;
      }
      this.remplaces++;
      const base = sansAccents(c);
      sortie += [...base].every((b) => this.permis.has(b.codePointAt(0)!)) && base ? base : '?';
    }
    return sortie;
  }
}
