import fs from 'node:fs';
import path from 'node:path';
import type { Acte, Lieu, Personne, Role, TypeActe } from '../../../shared/domain/acte';
import { analyserLieu } from '../import/lieux';
import { COLONNES, COLONNES_EVENEMENT } from '../import/colonnes';
import { dateFrancaise } from './calendrier';
import { genererActes, type OptionsRegistre } from './generateur';

/**
 * Writes acts as a CSV file in Registre's import format (columns: import/colonnes.ts, the one
 * source of truth; `;` separator, UTF-8, dates jj/mm/aaaa, given names separated by commas,
 * places "Commune (département)" or "Ville (Pays)", mentions "type|jj/mm/aaaa|texte" joined
 * by " ## "), the way other civil-status software exports a register.
 */

/** Column suffix of each role, per act type, as colonnes.ts defines them. */
const SUFFIXES: Record<TypeActe, Partial<Record<Role, string>>> = {
  naissance: { titulaire: '', pere: '_pere', mere: '_mere' },
  mariage: {
    epoux1: '',
    pere_epoux1: '_pere',
    mere_epoux1: '_mere',
    epoux2: '_epoux2',
    pere_epoux2: '_pere_epoux2',
    mere_epoux2: '_mere_epoux2',
  },
  deces: { titulaire: '', pere: '_pere', mere: '_mere', conjoint: '_conjoint' },
};

const ENTETE = COLONNES.map((c) => c.nom);
const POSITION = new Map(ENTETE.map((nom, i) => [nom, i]));

export function enteteCsv(): string {
  return ENTETE.join(';');
}

export function ligneCsv(acte: Acte): string {
  const cellules: string[] = new Array<string>(ENTETE.length).fill('');
  const mettre = (colonne: string, valeur: string | null | undefined) => {
    const i = POSITION.get(colonne);
    if (i === undefined) throw new Error(`colonne inconnue du format d’import : ${colonne}`);
    if (valeur) cellules[i] = valeur;
  };
  mettre('type', acte.type);
  mettre('annee', String(acte.annee));
  mettre('numero', String(acte.numero));
  mettre('date_acte', acte.dateActe && dateFrancaise(acte.dateActe));
  if (!acte.indexe) mettre('indexe', 'non');
  const evenement = COLONNES_EVENEMENT[acte.type];
  mettre(evenement.date, acte.dateEvenement && dateFrancaise(acte.dateEvenement));
  mettre(evenement.lieu, acte.lieuEvenement && texteLieu(acte.lieuEvenement));
  for (const p of acte.personnes) ecrirePersonne(acte.type, p, mettre);
  mettre(
    'mentions',
    acte.mentions.map((m) => `${m.type}|${m.date ? dateFrancaise(m.date) : ''}|${m.texte}`).join(' ## '),
  );
  return cellules.map(echapper).join(';');
}

function ecrirePersonne(
  type: TypeActe,
  p: Personne,
  mettre: (colonne: string, valeur: string | null | undefined) => void,
): void {
  const s = SUFFIXES[type][p.role];
  if (s === undefined) throw new Error(`rôle ${p.role} sans colonnes pour un acte de ${type}`);
  mettre(`nom${s}`, p.nom);
  mettre(`prenoms${s}`, p.prenoms.join(', '));
  if (p.sexe) mettre(`sexe${s}`, p.sexe);
  // A birth's own date and place are the act's event columns, written once.
  const evenementDeNaissance = type === 'naissance' && p.role === 'titulaire';
  if (!evenementDeNaissance) {
    if (p.dateNaissance) mettre(`date_naissance${s}`, dateFrancaise(p.dateNaissance));
    if (p.lieuNaissance) mettre(`lieu_naissance${s}`, texteLieu(p.lieuNaissance));
  }
  if (p.profession) mettre(`profession${s}`, p.profession);
}

const ecritureLieu = new Map<string, string>();

/** "Albi (81)" when the import reads that text back as the same commune, else its INSEE code. */
function texteLieu(l: Lieu): string {
  if (l.pays) return `${l.commune} (${l.pays})`;
  if (!l.codeInsee) return l.departement ? `${l.commune} (${l.departement})` : l.commune;
  let t = ecritureLieu.get(l.codeInsee);
  if (t === undefined) {
    const nom = `${l.commune} (${l.departement})`;
    const relu = analyserLieu(nom);
    t = typeof relu !== 'string' && relu.codeInsee === l.codeInsee ? nom : l.codeInsee;
    ecritureLieu.set(l.codeInsee, t);
  }
  return t;
}

function echapper(cellule: string): string {
  return /[;"\r\n]/.test(cellule) ? `"${cellule.replace(/"/g, '""')}"` : cellule;
}

/** Writes a synthetic register as a CSV file, streaming (a million acts never sit in memory). */
export async function ecrireRegistreCsv(
  fichier: string,
  options: OptionsRegistre,
): Promise<{ actes: number; octets: number }> {
  fs.mkdirSync(path.dirname(path.resolve(fichier)), { recursive: true });
  const flux = fs.createWriteStream(fichier, { encoding: 'utf8' });
  const fini = new Promise<void>((resolve, reject) => {
    flux.on('finish', resolve);
    flux.on('error', reject);
  });
  let actes = 0;
  let tampon = enteteCsv() + '\n';
  for (const acte of genererActes(options)) {
    tampon += ligneCsv(acte) + '\n';
    actes++;
    if (tampon.length > 1 << 20) {
      if (!flux.write(tampon)) await new Promise<void>((r) => flux.once('drain', () => r()));
      tampon = '';
    }
  }
  flux.end(tampon);
  await fini;
  return { actes, octets: fs.statSync(fichier).size };
}
