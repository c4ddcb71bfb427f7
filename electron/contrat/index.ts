/**
 * The contract room's public face: the dispatcher every room's handlers plug into, the bus
 * of events for the renderer, and the IPC binding. The preload alone imports `./pont` directly:
 * its sandboxed bundle must not pull the dispatcher (zod, the log) in.
 */
export { BusEvenements } from './bus';
export { lierIpc, type CibleEvenements, type IpcMainMinimal } from './liaison-ipc';
export { creerPont, type IpcRendererMinimal } from './pont';
export { creerRepartiteur, type Gestionnaires, type Repartiteur } from './repartiteur';
