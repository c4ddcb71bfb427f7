import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { DemandeEnvoyee } from '../../../../../shared/contract/demandes-envoyees';
import { libelleSuiviDemandeEnvoyee } from '../../../../../shared/domain/cycle-demande-envoyee';

const COULEURS: Record<DemandeEnvoyee['etat'], BadgeProps['color']> = {
  brouillon: 'informative',
  signee: 'informative',
  envoyee: 'informative',
  accusee: 'brand',
  repondue: 'success',
  rejetee: 'danger',
  abandonnee: 'subtle',
  en_retard: 'danger',
};

/** A request sent's state as a badge; the text says it all (colour is never the only signal). */
export function BadgeSuivi(props: { etat: DemandeEnvoyee['etat'] }) {
  const libelle = libelleSuiviDemandeEnvoyee(props.etat);
  return (
    <Badge appearance={props.etat === 'abandonnee' ? 'outline' : 'filled'} color={COULEURS[props.etat]}>
      {`${libelle.charAt(0).toLocaleUpperCase('fr-FR')}${libelle.slice(1)}`}
    </Badge>
  );
}
