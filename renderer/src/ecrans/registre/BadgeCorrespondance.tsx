import { Badge, Tooltip } from '@fluentui/react-components';
import type { Correspondance } from '../../../../shared/contract/registre';

const presentation: Record<
  Correspondance,
  { libelle: string; couleur: 'success' | 'informative' | 'warning'; explication: string }
> = {
  exacte: {
    libelle: 'Exacte',
    couleur: 'success',
    explication: 'Les mots cherchés figurent dans l’acte (accents et tirets ignorés).',
  },
  phonetique: {
    libelle: 'Phonétique',
    couleur: 'informative',
    explication: 'Un nom qui se prononce comme celui cherché.',
  },
  approchee: {
    libelle: 'Approchée',
    couleur: 'warning',
    explication: 'Un nom proche de celui cherché (faute de frappe possible) : à vérifier.',
  },
};

/** How a result matched the search: exact words, same sound, or close spelling. */
export function BadgeCorrespondance(props: { correspondance: Correspondance }) {
  const p = presentation[props.correspondance];
  return (
    <Tooltip content={p.explication} relationship="description">
      <Badge appearance="tint" color={p.couleur} shape="rounded">
        {p.libelle}
      </Badge>
    </Tooltip>
  );
}
