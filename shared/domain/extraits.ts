import type { Extrait, SorteExtrait } from '../contract/registre';
import { erreurs } from '../errors';
import { libelleMention } from '../labels.fr';
import {
  personne as personneDe,
  type Acte,
  type Lieu,
  type Mention,
  type Personne,
  type Role,
  type Sexe,
} from './acte';
import { dateEnLettres, dateLongue } from './dates';

/**
 * The documents drawn from an act (pure: the PDF, the text call, the CLI and later the
 * COMEDEC answers share it):
 *
 * - copie intégrale: everything the register holds on the act (all persons, dates, places,
 *   professions, the act's date, all mentions), dates written in words as copies do;
 * - extrait avec filiation: the person(s), their parents (names, dates and places of birth;
 *   no profession), and the mentions;
 * - extrait sans filiation: the person(s) and the mentions, nothing about the parents; the
 *   mentions that establish filiation (reconnaissance, adoption) are left out too, since
 *   they would reveal it. Anyone may obtain this one.
 *
 * Death acts are delivered only as copies intégrales: there is no extract of a death act.
 * The text is composed from the indexed data (the register's wording is not stored), in the
 * shape and wording of the official models.
 */

export interface ContexteExtrait {
  commune: { nom: string; departement?: string | null; nomDepartement?: string | null };
  /** Day of issue (aaaa-mm-jj). */
  dateDelivrance: string;
}

export interface DocumentExtrait {
  sorte: SorteExtrait;
  entete: string[];
  titre: string;
  reference: string;
  /** Paragraphs of the act's content. */
  corps: string[];
  /** "Mentions marginales : néant" when there is none to show. */
  mentions: string[];
  pied: string[];
}

const MENTIONS_DE_FILIATION = new Set<Mention['type']>(['reconnaissance', 'adoption']);

const NOMS_TYPES = { naissance: 'NAISSANCE', mariage: 'MARIAGE', deces: 'DÉCÈS' } as const;
const REGISTRES = { naissance: 'des naissances', mariage: 'des mariages', deces: 'des décès' } as const;

export function titreExtrait(type: Acte['type'], sorte: SorteExtrait): string {
  if (sorte === 'copie-integrale') return `COPIE INTÉGRALE D’ACTE DE ${NOMS_TYPES[type]}`;
  return `EXTRAIT D’ACTE DE ${NOMS_TYPES[type]} ${sorte === 'avec-filiation' ? 'AVEC' : 'SANS'} FILIATION`;
}

/** The documents that exist for an act type (a death act has no extract): what the screens offer. */
export function sortesDelivrables(type: Acte['type']): readonly SorteExtrait[] {
  return type === 'deces' ? ['copie-integrale'] : ['copie-integrale', 'avec-filiation', 'sans-filiation'];
}

/** Throws when this document cannot be issued for this act; says why in French. */
export function verifierDelivrable(acte: Pick<Acte, 'type' | 'indexe'>, sorte: SorteExtrait): void {
  if (!acte.indexe)
    throw erreurs.conflit(
      'Cet acte n’est connu que par son type, son année et son numéro : indexez-le avant d’en délivrer une copie ou un extrait.',
    );
  if (!sortesDelivrables(acte.type).includes(sorte))
    throw erreurs.saisieInvalide(
      'sorte',
      'il n’existe pas d’extrait d’acte de décès : seule la copie intégrale peut être délivrée',
    );
}

export function composerExtrait(acte: Acte, sorte: SorteExtrait, ctx: ContexteExtrait): DocumentExtrait {
  verifierDelivrable(acte, sorte);
  const integrale = sorte === 'copie-integrale';
  const f = new Formulation(integrale);
  const corps =
    acte.type === 'naissance'
      ? corpsNaissance(acte, sorte, f)
      : acte.type === 'mariage'
        ? corpsMariage(acte, sorte, f)
        : corpsDeces(acte, f);
  if (integrale && acte.dateActe) corps.push(`Acte dressé le ${f.date(acte.dateActe)}.`);

  // By date, as they happened (entry order is only the order of keying); undated ones last, in entry order.
  const mentionsRetenues = acte.mentions
    .map((m, rang) => ({ m, rang }))
    .filter(({ m }) => sorte !== 'sans-filiation' || !MENTIONS_DE_FILIATION.has(m.type))
    .sort((a, b) => (a.m.date ?? '9999').localeCompare(b.m.date ?? '9999') || a.rang - b.rang)
    .map(({ m }) => m);
  const mentions = mentionsRetenues.length
    ? [
        'Mentions marginales :',
        ...mentionsRetenues.map(
          (m) => `— ${libelleMention[m.type]}${m.date ? ` (${f.date(m.date)})` : ''} : ${m.texte}`,
        ),
      ]
    : ['Mentions marginales : néant'];

  const commune = ctx.commune.nom;
  const departement = ctx.commune.nomDepartement ?? ctx.commune.departement;
  return {
    sorte,
    entete: [
      'RÉPUBLIQUE FRANÇAISE',
      `Mairie ${deCommune(commune)}${departement ? ` (${departement})` : ''}`,
      'Service de l’état civil',
    ],
    titre: titreExtrait(acte.type, sorte),
    reference: `Acte n° ${acte.numero} — registre ${REGISTRES[acte.type]} de l’année ${acte.annee}`,
    corps,
    mentions,
    pied: [
      `${integrale ? 'Pour copie conforme' : 'Pour extrait conforme'}, délivré${integrale ? 'e' : ''} à ${commune}, le ${dateLongue(ctx.dateDelivrance)}.`,
      'L’officier de l’état civil',
    ],
  };
}

/** The document as plain text: what `registre.extrait` returns and the CLI prints. */
export function texteDocument(doc: DocumentExtrait): string {
  return (
    [
      doc.entete.join('\n'),
      doc.titre,
      doc.reference,
      doc.corps.join('\n'),
      doc.mentions.join('\n'),
      doc.pied.join('\n'),
    ].join('\n\n') + '\n'
  );
}

export function extrait(acte: Acte, sorte: SorteExtrait, ctx: ContexteExtrait): Extrait {
  const doc = composerExtrait(acte, sorte, ctx);
  return { sorte, titre: doc.titre, texte: texteDocument(doc), nomFichier: nomFichierExtrait(acte, sorte, 'txt') };
}

/** File name without personal data: kind, type, year and number; the same for the text and the PDF. */
export function nomFichierExtrait(
  a: Pick<Acte, 'type' | 'annee' | 'numero'>,
  sorte: SorteExtrait,
  extension: 'pdf' | 'txt' = 'pdf',
): string {
  const quoi = sorte === 'copie-integrale' ? 'copie-integrale' : `extrait-${sorte}`;
  return `${quoi}-${a.type}-${a.annee}-${a.numero}.${extension}`;
}

// --- Wording ---------------------------------------------------------------------------

/** Dates in words in a copie intégrale ("douze mars mil neuf cent…"), in figures in an extract. */
class Formulation {
  constructor(readonly integrale: boolean) {}
  date(iso: string): string {
    return this.integrale ? dateEnLettres(iso) : dateLongue(iso);
  }
}

const SEXE_DU_ROLE: Partial<Record<Role, Sexe>> = {
  pere: 'M',
  mere: 'F',
  pere_epoux1: 'M',
  mere_epoux1: 'F',
  pere_epoux2: 'M',
  mere_epoux2: 'F',
};

function sexeDe(p: Personne): Sexe | null {
  return p.sexe ?? SEXE_DU_ROLE[p.role] ?? null;
}

function accord(p: Personne, masculin: string, feminin: string, neutre: string): string {
  const s = sexeDe(p);
  return s === 'M' ? masculin : s === 'F' ? feminin : neutre;
}

/**
 * "Jean Pierre DUPONT": given names as civil-status prose writes them (separated by spaces, no
 * commas), surname in capitals as registers write it.
 */
export function designation(p: Pick<Personne, 'nom' | 'prenoms'>): string {
  const nom = p.nom.toLocaleUpperCase('fr-FR');
  return p.prenoms.length ? `${p.prenoms.join(' ')} ${nom}` : nom;
}

/** "Albi (81)", "Casablanca (Maroc)". */
export function formaterLieu(l: Lieu): string {
  if (l.pays) return `${l.commune} (${l.pays})`;
  return l.departement ? `${l.commune} (${l.departement})` : l.commune;
}

/** "de Rodez", "d’Albi", "du Havre", "des Andelys". */
export function deCommune(nom: string): string {
  if (/^le\s/i.test(nom)) return `du ${nom.slice(3)}`;
  if (/^les\s/i.test(nom)) return `des ${nom.slice(4)}`;
  return de(nom);
}

/** ", né le 12 mars 1987 à Albi (81)" — only what is known. */
function naissanceDe(p: Personne, f: Formulation): string {
  if (!p.dateNaissance && !p.lieuNaissance) return '';
  const ne = accord(p, 'né', 'née', 'né(e)');
  const date = p.dateNaissance ? ` le ${f.date(p.dateNaissance)}` : '';
  const lieu = p.lieuNaissance ? ` à ${formaterLieu(p.lieuNaissance)}` : '';
  return `, ${ne}${date}${lieu}`;
}

function profession(p: Personne, f: Formulation): string {
  return f.integrale && p.profession ? `, ${p.profession}` : '';
}

/** A parent as the filiation line writes it: name, birth (extracts and copies), profession (copies only). */
function parent(p: Personne, f: Formulation): string {
  return `${designation(p)}${naissanceDe(p, f)}${profession(p, f)}`;
}

/** "de Paul", "d’Awa": the preposition elided before a vowel. */
export function de(texte: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(texte) ? `d’${texte}` : `de ${texte}`;
}

/** "fils de A, et de B" / "fille d’A" / "de père et de mère non dénommés". */
function filiation(enfant: Personne, pere: Personne | undefined, mere: Personne | undefined, f: Formulation): string {
  const lien = accord(enfant, 'fils', 'fille', 'enfant');
  if (pere && mere) return `${lien} ${de(parent(pere, f))}, et ${de(parent(mere, f))}`;
  if (pere || mere) return `${lien} ${de(parent((pere ?? mere)!, f))}`;
  return `${lien} de père et de mère non dénommés`;
}

function lieuEvenement(acte: Acte): string {
  return acte.lieuEvenement ? ` à ${formaterLieu(acte.lieuEvenement)}` : '';
}

function corpsNaissance(acte: Acte, sorte: SorteExtrait, f: Formulation): string[] {
  const enfant = personneDe(acte, 'titulaire')!;
  const corps = [
    `Le ${acte.dateEvenement ? f.date(acte.dateEvenement) : '(date non renseignée)'}`,
    `est ${accord(enfant, 'né', 'née', 'né(e)')}${lieuEvenement(acte)}`,
    designation(enfant),
  ];
  const sexe = sexeDe(enfant);
  if (sexe) corps.push(`de sexe ${sexe === 'M' ? 'masculin' : 'féminin'}`);
  if (sorte !== 'sans-filiation')
    corps.push(`${filiation(enfant, personneDe(acte, 'pere'), personneDe(acte, 'mere'), f)}.`);
  return corps;
}

function corpsMariage(acte: Acte, sorte: SorteExtrait, f: Formulation): string[] {
  const corps = [
    `Le ${acte.dateEvenement ? f.date(acte.dateEvenement) : '(date non renseignée)'}${lieuEvenement(acte)}`,
    'ont contracté mariage :',
  ];
  const epoux: [Role, Role, Role][] = [
    ['epoux1', 'pere_epoux1', 'mere_epoux1'],
    ['epoux2', 'pere_epoux2', 'mere_epoux2'],
  ];
  epoux.forEach(([role, rolePere, roleMere], i) => {
    const p = personneDe(acte, role);
    if (!p) return;
    if (i > 0) corps.push('et');
    corps.push(`${designation(p)}${profession(p, f)}${naissanceDe(p, f)}`);
    if (sorte !== 'sans-filiation')
      corps.push(`${filiation(p, personneDe(acte, rolePere), personneDe(acte, roleMere), f)}`);
  });
  corps[corps.length - 1] += '.';
  return corps;
}

function corpsDeces(acte: Acte, f: Formulation): string[] {
  const defunt = personneDe(acte, 'titulaire')!;
  const corps = [
    `Le ${acte.dateEvenement ? f.date(acte.dateEvenement) : '(date non renseignée)'}`,
    `est ${accord(defunt, 'décédé', 'décédée', 'décédé(e)')}${lieuEvenement(acte)}`,
    `${designation(defunt)}${profession(defunt, f)}${naissanceDe(defunt, f)}`,
  ];
  const pere = personneDe(acte, 'pere');
  const mere = personneDe(acte, 'mere');
  if (pere || mere) corps.push(filiation(defunt, pere, mere, f));
  const conjoint = personneDe(acte, 'conjoint');
  if (conjoint) corps.push(`conjoint ${de(designation(conjoint))}`);
  corps[corps.length - 1] += '.';
  return corps;
}
