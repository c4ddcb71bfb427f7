import { Toast, ToastBody, ToastTitle, useToastController, type ToastIntent } from '@fluentui/react-components';
import { useCallback } from 'react';

export const ID_NOTIFICATIONS = 'registre-notifications';

/** Short confirmations and failures ("Acte enregistré", "Sauvegarde créée"). */
export function useNotifier(): (intent: ToastIntent, titre: string, corps?: string) => void {
  const { dispatchToast } = useToastController(ID_NOTIFICATIONS);
  return useCallback(
    (intent, titre, corps) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{titre}</ToastTitle>
          {corps && <ToastBody>{corps}</ToastBody>}
        </Toast>,
        { intent, timeout: intent === 'error' ? 8000 : 4000 },
      ),
    [dispatchToast],
  );
}
