import { TypesActe } from '../../../../../shared/domain/acte';
import type { FormulaireActe } from './formulaire';

/**
 * Drafts of the act editor in localStorage, written while typing, so that a crash, a reload or
 * a closed window never loses what was keyed in. One draft per act (or one for a new act);
 * removed after a successful save or when the officer chooses to discard it.
 */
const PREFIXE = 'registre.brouillon.';

export interface Brouillon {
  cle: string;
  formulaire: FormulaireActe;
  enregistreLe: string;
}

export function cleBrouillon(id: number | undefined): string {
  return id === undefined ? 'nouveau' : `acte-${id}`;
}

/** A new act keyed in from a request has its own draft: another new act never takes its place. */
export function cleBrouillonDe(f: Pick<FormulaireActe, 'id' | 'depuisDemande'>): string {
  return f.id === undefined && f.depuisDemande ? `demande-${f.depuisDemande.demandeId}` : cleBrouillon(f.id);
}

export function sauverBrouillon(stockage: Storage, formulaire: FormulaireActe, maintenant = new Date()): void {
  const cle = cleBrouillonDe(formulaire);
  const brouillon: Brouillon = { cle, formulaire, enregistreLe: maintenant.toISOString() };
  try {
    stockage.setItem(PREFIXE + cle, JSON.stringify(brouillon));
  } catch {
    // Storage full or disabled: the form itself still holds the values; nothing else to do.
  }
}

function semblableFormulaire(f: unknown): f is FormulaireActe {
  if (!f || typeof f !== 'object') return false;
  const x = f as Partial<FormulaireActe>;
  return (
    (TypesActe as readonly unknown[]).includes(x.type) &&
    typeof x.annee === 'string' &&
    typeof x.numero === 'string' &&
    !!x.personnes &&
    typeof x.personnes === 'object' &&
    Array.isArray(x.mentions) &&
    !!x.lieuEvenement
  );
}

export function lireBrouillon(stockage: Storage, cle: string): Brouillon | null {
  const brut = stockage.getItem(PREFIXE + cle);
  if (!brut) return null;
  try {
    const b = JSON.parse(brut) as Brouillon;
    if (semblableFormulaire(b.formulaire) && typeof b.enregistreLe === 'string') return { ...b, cle };
  } catch {
    // unreadable: dropped below
  }
  stockage.removeItem(PREFIXE + cle);
  return null;
}

export function effacerBrouillon(stockage: Storage, cle: string): void {
  stockage.removeItem(PREFIXE + cle);
}

/** Every draft kept, the most recent first (shown on the Registre screen after a restart). */
export function listerBrouillons(stockage: Storage): Brouillon[] {
  // Keys first: reading a corrupt draft removes it, which would shift the indexes.
  const cles: string[] = [];
  for (let i = 0; i < stockage.length; i++) {
    const cle = stockage.key(i);
    if (cle?.startsWith(PREFIXE)) cles.push(cle.slice(PREFIXE.length));
  }
  const liste: Brouillon[] = [];
  for (const cle of cles) {
    const b = lireBrouillon(stockage, cle);
    if (b) liste.push(b);
  }
  return liste.sort((a, b) => b.enregistreLe.localeCompare(a.enregistreLe));
}
