import type { Acte } from '../../shared/domain/acte';

const article = { naissance: 'de naissance', mariage: 'de mariage', deces: 'de décès' } as const;

/** "L’acte de naissance n° 42 de 1987": how messages name an act by its register identity. */
export function libelleCle(a: Pick<Acte, 'type' | 'annee' | 'numero'>): string {
  return `L’acte ${article[a.type]} n° ${a.numero} de ${a.annee}`;
}
