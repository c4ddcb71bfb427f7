import type { Command } from 'commander';

/** Each command lives in its own file and registers itself on the program. */
export type AjouterCommande = (programme: Command) => void;

export const commandes: AjouterCommande[] = [];
