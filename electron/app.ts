import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { BusEvenements } from './contrat/bus';
import { creerRepartiteur, type Gestionnaires, type Repartiteur } from './contrat/repartiteur';
import type { ContexteApp } from './contexte';
import { ouvrirBase, type Base } from './db/connexion';
import { restaurer } from './db/sauvegarde';
import { horlogeSysteme, type Horloge } from './horloge';
import { DepotParametres } from './parametres/depot';
import { gestionnairesParametres } from './parametres/gestionnaires';
import { gestionnairesRegistre } from './registre/gestionnaires';
import { gestionnairesCarte, type Carte } from './signature/gestionnaires';
import { creerRapprochement, type Rapprochement } from './demandes/rapprochement';
import { creerServiceSync, gestionnairesDemandes, gestionnairesSync, type ServiceSync } from './sync';

export interface OptionsApp {
  dossierDonnees: string;
  transport: 'electron' | 'navigateur';
  horloge?: Horloge;
}

export interface App {
  readonly repartir: Repartiteur;
  /** Every handler, by call name (the contract test compares them with the contract). */
  readonly gestionnaires: Gestionnaires;
  readonly bus: BusEvenements;
  readonly contexte: ContexteApp;
  fermer(): void;
}

function versionApplication(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Every area's handlers, merged: the one place a new area is plugged in. */
function construireGestionnaires(contexte: ContexteApp, carte: Carte, rapprochement: Rapprochement, sync: ServiceSync): Gestionnaires {
  return {
    ...gestionnairesRegistre(contexte),
    ...gestionnairesParametres(contexte),
    ...carte.gestionnaires,
    ...rapprochement.gestionnaires,
    ...gestionnairesSync(contexte, sync),
    ...gestionnairesDemandes(contexte),
  };
}

/**
 * The composition root: builds every service once, for either transport (Electron IPC or the
 * browser harness). Nothing here depends on Electron.
 */
export function creerApp(options: OptionsApp): App {
  fs.mkdirSync(options.dossierDonnees, { recursive: true });
  const fichierBase = path.join(options.dossierDonnees, 'registre.db');
  let db: Base = ouvrirBase(fichierBase);
  const horloge = options.horloge ?? horlogeSysteme;
  const bus = new BusEvenements();

  const contexte: ContexteApp = {
    dossierDonnees: options.dossierDonnees,
    fichierBase,
    horloge,
    bus,
    version: versionApplication(),
    transport: options.transport,
    parametres: new DepotParametres(() => db, horloge),
    db: () => db,
    restaurerBase(source) {
      db.close();
      try {
        return restaurer(source, fichierBase);
      } finally {
        db = ouvrirBase(fichierBase);
        bus.emettre('registre.modifie', { raison: 'restauration' });
      }
    },
  };

  const carte = gestionnairesCarte(contexte);
  const rapprochement = creerRapprochement(contexte);
  const sync = creerServiceSync(contexte, carte.service);
  const gestionnaires = construireGestionnaires(contexte, carte, rapprochement, sync);
  rapprochement.demarrer();
  sync.planificateur.demarrer();

  return {
    repartir: creerRepartiteur(gestionnaires),
    gestionnaires,
    bus,
    contexte,
    fermer() {
      sync.arreter();
      carte.arreter();
      void rapprochement.arreter();
      if (db.open) db.close();
    },
  };
}
