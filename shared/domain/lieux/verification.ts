import type { Lieu } from '../acte';
import { citer } from '../../citation';
import type { CommuneIndexee, IndexCommunes } from './communes';
import { lireEcriture } from './ecriture';
import { normaliserLieu } from './normalise';

/**
 * What the act editor tells the officer about the place typed, in French. The text is kept as
 * typed whatever the outcome: this only says which commune it designates, or why none.
 * - `connu`: one commune (or arrondissement, or former commune), or a place abroad with its country;
 * - `ambigu`: several communes bear the name;
 * - `inconnu`: not in the INSEE's list (a spelling to check, or a commune merged long ago);
 * - `vide`: nothing typed.
 */
export interface VerificationLieu {
  etat: 'connu' | 'ambigu' | 'inconnu' | 'vide';
  message: string | null;
  communes: CommuneIndexee[];
}

const MAX_CITEES = 6;

function designation(c: CommuneIndexee, index: IndexCommunes): string {
  const parent = c.parent ? index.parCode(c.parent).find((p) => p.type === 'actuelle') : undefined;
  if ((c.type === 'deleguee' || c.type === 'associee') && parent && parent.nom !== c.nom)
    return `${c.nom}, ancienne commune, aujourd’hui ${parent.nom} (${parent.departement}, code INSEE ${parent.code})`;
  return `${c.nom} (${c.departement}, code INSEE ${c.code})`;
}

/** The commune a place designates: the only one, or the only one of today among namesakes. */
export function communeDesignee(communes: readonly CommuneIndexee[]): CommuneIndexee | undefined {
  if (communes.length === 1) return communes[0];
  const actuelles = communes.filter((c) => c.type === 'actuelle' || c.type === 'arrondissement');
  return actuelles.length === 1 ? actuelles[0] : undefined;
}

export function verifierLieu(lieu: Lieu | string, index: IndexCommunes): VerificationLieu {
  const l = typeof lieu === 'string' ? { commune: lieu, codeInsee: null, departement: null, pays: null } : lieu;
  const n = normaliserLieu(l, index);
  if (n.vide) return { etat: 'vide', message: null, communes: [] };
  if (n.pays) {
    if (l.pays) return { etat: 'connu', message: null, communes: [] };
    const e = lireEcriture(l.commune);
    return {
      etat: 'connu',
      message: `Lieu à l’étranger (${citer(e.pays ?? e.precision ?? '')}) : cochez « À l’étranger » et indiquez le pays à part.`,
      communes: [],
    };
  }
  const c = communeDesignee(n.communes);
  if (c) return { etat: 'connu', message: `Lieu reconnu : ${designation(c, index)}.`, communes: [c] };
  if (n.communes.length > 1) {
    const citees = n.communes
      .slice(0, MAX_CITEES)
      .map((x) => `${x.nom} (${x.departement})`)
      .join(', ');
    const suite = n.communes.length > MAX_CITEES ? '…' : '';
    return {
      etat: 'ambigu',
      message: `Plusieurs communes portent ce nom (${citees}${suite}) : précisez le département, par exemple « ${n.communes[0].nom} (${n.communes[0].departement}) », ou choisissez dans la liste.`,
      communes: n.communes.slice(0, MAX_CITEES),
    };
  }
  return {
    etat: 'inconnu',
    message:
      `Lieu inconnu : « ${citer(l.commune)} » n’est pas une commune de la liste officielle (INSEE). ` +
      'Vérifiez l’orthographe, précisez le département (« Albi (81) ») ou cochez « À l’étranger ». ' +
      'Le lieu sera gardé tel que saisi.',
    communes: [],
  };
}
