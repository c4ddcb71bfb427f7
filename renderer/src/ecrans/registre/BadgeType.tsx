import { Badge } from '@fluentui/react-components';
import type { TypeActe } from '../../../../shared/domain/acte';
import { libelleTypeActe } from '../../../../shared/labels.fr';

const couleurs: Record<TypeActe, 'brand' | 'important' | 'subtle'> = {
  naissance: 'brand',
  mariage: 'important',
  deces: 'subtle',
};

export function BadgeType(props: { type: TypeActe }) {
  return (
    <Badge appearance="outline" color={couleurs[props.type]} shape="rounded" style={{ minWidth: '6.5em' }}>
      {libelleTypeActe[props.type]}
    </Badge>
  );
}
