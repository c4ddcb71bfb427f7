import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export const ID_EMPLACEMENT_BARRE_ETAT = 'barre-etat-emplacement';

/**
 * Puts something in the status bar from anywhere (e.g. the card screen shows whether a card is
 * in the reader): the status bar keeps one slot for this, so it needs not know every screen.
 */
export function DansBarreEtat(props: { children: ReactNode }) {
  const [cible, setCible] = useState<HTMLElement | null>(null);
  useEffect(() => setCible(document.getElementById(ID_EMPLACEMENT_BARRE_ETAT)), []);
  return cible ? createPortal(props.children, cible) : null;
}
