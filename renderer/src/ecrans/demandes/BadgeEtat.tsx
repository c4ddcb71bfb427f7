import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { ResumeDemande } from '../../../../shared/contract/demandes';
import { libelleEtat } from './libelles';

function couleur(d: Pick<ResumeDemande, 'etat' | 'alerte'>): BadgeProps['color'] {
  switch (d.etat) {
    case 'en_retard':
      return 'danger';
    case 'a_echeance':
      return d.alerte === 'J-2' ? 'severe' : 'warning';
    case 'accusee':
      return 'success';
    case 'purgee':
      return 'subtle';
    case 'repondue':
      return 'brand';
    default:
      return 'informative';
  }
}

/** A request's state as a badge; the text says it all (colour is never the only signal). */
export function BadgeEtat(props: { demande: Pick<ResumeDemande, 'etat' | 'alerte' | 'sens'> }) {
  return (
    <Badge appearance={props.demande.etat === 'purgee' ? 'outline' : 'filled'} color={couleur(props.demande)}>
      {libelleEtat(props.demande)}
    </Badge>
  );
}
