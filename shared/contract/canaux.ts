/** IPC channel names, in a file of their own so the sandboxed preload bundles nothing else. */
export const CANAL_APPEL = 'registre:appel';
export const CANAL_EVENEMENT = 'registre:evenement';
