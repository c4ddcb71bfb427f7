import type { Command } from 'commander';
import { commandeImport } from './import';
import { commandeExtract } from './extract';
import { commandeSeed } from './seed';
import { commandeSearch } from './search';
import { commandeBackup } from './backup';
import { commandeCard } from './card';
import { commandeSign } from './sign';
import { commandeVerify } from './verify';
import { commandeSandbox } from './sandbox';
import { commandeMatch } from './match';

/** Each command lives in its own file and registers itself on the program. */
export type AjouterCommande = (programme: Command) => void;

export const commandes: AjouterCommande[] = [
  commandeImport,
  commandeExtract,
  commandeSeed,
  commandeSearch,
  commandeBackup,
  commandeCard,
  commandeSign,
  commandeVerify,
  commandeSandbox,
  commandeMatch,
];
