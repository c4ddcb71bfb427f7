import { personnesPrincipales, type Acte, type Role } from '../../../shared/domain/acte';
import type { ActeReponse, FormeReponse, TypeDemandeur } from '../../../shared/comedec';

/**
 * What a positive answer carries depends on who asks: an identity title (Ministry of the
 * Interior) needs an extract with filiation; a notary, and a commune preparing a marriage file,
 * a full copy. Other public bodies get the extract (the least data that serves them).
 */
export function formeAttendue(demandeur: TypeDemandeur): FormeReponse {
  return demandeur === 'notaire' || demandeur === 'commune' ? 'copie_integrale' : 'extrait_avec_filiation';
}

const parents: Record<string, Role[]> = {
  titulaire: ['pere', 'mere'],
  epoux1: ['pere_epoux1', 'mere_epoux1'],
  epoux2: ['pere_epoux2', 'mere_epoux2'],
};

/**
 * The act's data in the shape of the answer. A full copy keeps everything the register holds.
 * An extract with filiation keeps the act's references, the main person(s), their parents and
 * the marginal mentions; it leaves out professions and the other persons (a deceased's spouse),
 * as a paper extract does.
 */
export function contenuSelonForme(acte: Pick<Acte, keyof ActeReponse>, forme: FormeReponse): ActeReponse {
  const base: ActeReponse = {
    type: acte.type,
    annee: acte.annee,
    numero: acte.numero,
    dateActe: acte.dateActe,
    dateEvenement: acte.dateEvenement,
    lieuEvenement: acte.lieuEvenement,
    personnes: acte.personnes.map((p) => ({ ...p })),
    mentions: acte.mentions.map((m) => ({ ...m })),
  };
  if (forme === 'copie_integrale') return base;
  const principales = personnesPrincipales(acte);
  const garder = new Set<Role>(principales.flatMap((p) => [p.role, ...(parents[p.role] ?? [])]));
  return {
    ...base,
    personnes: base.personnes.filter((p) => garder.has(p.role)).map((p) => ({ ...p, profession: null })),
  };
}
