import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { LIBELLES_CONTROLE } from '../../../../../shared/domain/droits-agent';
import { LIBELLES_ROLE } from './libelles';
import { useAnnuaire } from './store';

/** Who is at the keyboard, and what the directory lets them do (signing, managing). */
export function Poste() {
  const etat = useAnnuaire((e) => e.etat);
  if (!etat) return null;
  const p = etat.poste;
  if (p.etat !== 'agent')
    return (
      <MessageBar intent={p.etat === 'carte_inconnue' || p.etat === 'carte_refusee' ? 'error' : 'info'}>
        <MessageBarBody>{p.message}</MessageBarBody>
      </MessageBar>
    );
  const roles = p.agent!.roles.map((r) => LIBELLES_ROLE[r]).join(', ');
  return (
    <MessageBar intent={p.peutSigner ? 'success' : 'warning'}>
      <MessageBarBody>
        <MessageBarTitle>Au clavier : {p.agent!.nomComplet}</MessageBarTitle>
        {roles}.{' '}
        {p.peutSigner
          ? 'Peut signer les réponses.'
          : `Ne peut pas signer (${LIBELLES_CONTROLE[p.refusSignature!.controle]}) : ${p.refusSignature!.raison}.`}
        {p.peutGererAnnuaire ? ' Tient l’annuaire.' : ''}
      </MessageBarBody>
    </MessageBar>
  );
}
