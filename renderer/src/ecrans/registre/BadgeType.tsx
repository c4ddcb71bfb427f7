import { Badge } from '@fluentui/react-components';
import type { TypeActe } from '../../../../shared/domain/acte';
import { libelleTypeActe } from '../../../../shared/labels.fr';

// 'subtle' is white on transparent in an outline badge: death acts were unreadable.
const couleurs: Record<TypeActe, 'brand' | 'important' | 'informative'> = {
  naissance: 'brand',
  mariage: 'important',
  deces: 'informative',
};

export function BadgeType(props: { type: TypeActe }) {
  return (
    <Badge appearance="outline" color={couleurs[props.type]} shape="rounded" style={{ minWidth: '6.5em' }}>
      {libelleTypeActe[props.type]}
    </Badge>
  );
}
