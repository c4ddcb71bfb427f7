import fs from 'node:fs';
import { createRequire } from 'node:module';
import { BusEvenements } from './contrat';
import { creerRepartiteur, type Gestionnaires, type Repartiteur } from './contrat';
import type { ContexteApp } from './contexte';
import { CLES_COMMUNES, Mondes } from './mondes';
import { horlogeSysteme, type Horloge } from './horloge';
import { Rappels } from './rappels';
import type { ChargeEvenement } from '../shared/contract';
import { DepotParametres } from './parametres';
import { gestionnairesParametres } from './parametres';
import { gestionnairesRegistre, ServiceRegistre } from './registre';
import { gestionnairesCarte, type Carte } from './signature';
import { lireParametresCarte } from './signature';
import { erreurs } from '../shared/errors';
import { creerRapprochement, gestionnairesDemandes, type Rapprochement } from './demandes';
import { creerServiceSync, gestionnairesSync, listerEnvois, type ServiceSync } from './sync';
import { boiteDemandesEnvoyees, boiteReponses } from './sync';
import { creerReponses, type Identite, type Reponses } from './demandes';
import { creerDemandesEnvoyees, type DemandesEnvoyees } from './demandes';
import { extraitEnPdf } from './registre';
import { verifierSelonParametres } from './signature';
import { brancherAnnuaire, DocumentsAnnuaire, gestionnairesAnnuaire, ServiceAnnuaire } from './annuaire';
import type { Commune } from '../shared/contract/parametres';
// The one file of electron/ that reaches the sandbox, through its face: it hands the training
// platform to sync, and the sandbox's launcher to the command line (below).
import { demarrerPlateformeFormation } from '../sandbox';

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
function construireGestionnaires(
  contexte: ContexteApp,
  carte: Carte,
  rapprochement: Rapprochement,
  sync: ServiceSync,
  reponses: Reponses,
  envoyees: DemandesEnvoyees,
  annuaire: ServiceAnnuaire,
  documents: DocumentsAnnuaire,
): Gestionnaires {
  const connecter = carte.gestionnaires['carte.connecter'];
  const changerPin = carte.gestionnaires['carte.changerPin'];
  const debloquer = carte.gestionnaires['carte.debloquerPin'];
  return {
    ...gestionnairesRegistre(contexte),
    ...gestionnairesParametres(contexte),
    ...carte.gestionnaires,
    // Before the PIN is asked: a card the directory does not know, or has revoked, opens no session.
    'carte.connecter': (entree) => {
      annuaire.verifierCarte(entree.jetonId);
      return connecter(entree);
    },
    // A PIN changed or unblocked is a step of the card's life in the directory.
    'carte.changerPin': async (entree) => {
      const fait = await changerPin(entree);
      annuaire.noterPin(entree.jetonId, 'changer_pin');
      return fait;
    },
    // The PUK is the card manager's: refused to anyone else once the directory exists.
    'carte.debloquerPin': async (entree) => {
      annuaire.exigerDeblocagePin();
      const fait = await debloquer(entree);
      annuaire.noterPin(entree.jetonId, 'debloquer_pin');
      return fait;
    },
    ...rapprochement.gestionnaires,
    ...gestionnairesSync(contexte, sync),
    ...gestionnairesDemandes(contexte, { envoisDe: (db, demandeId) => listerEnvois(db, { demandeId, limite: 50 }) }),
    ...reponses.gestionnaires,
    ...envoyees.gestionnaires,
    ...gestionnairesAnnuaire(annuaire, documents),
  };
}

/**
 * Who is at the keyboard: the holder of the open card session (its signature certificate, else
 * its authentication one), named as the directory knows them when it does ("préparée par …").
 */
function identiteCarte(carte: Carte, annuaire: ServiceAnnuaire): Identite | null {
  const certificats = carte.service.etat().session?.certificats ?? [];
  const c = certificats.find((x) => x.usage === 'signature') ?? certificats.find((x) => x.usage === 'authentification');
  if (!c) return null;
  const agent = annuaire.clavier.titulaire(certificats).agent;
  return { nom: agent ? `${agent.prenoms} ${agent.nom}` : c.titulaire, certificat: c.empreinte };
}

/**
 * The composition root: builds every service once, for either transport (Electron IPC or the
 * browser harness). Nothing here depends on Electron.
 */
export function creerApp(options: OptionsApp): App {
  fs.mkdirSync(options.dossierDonnees, { recursive: true });
  const mondes = new Mondes(options.dossierDonnees);
  const horloge = options.horloge ?? horlogeSysteme;
  const bus = new BusEvenements();
  // Assigned below; the switch is refused while it syncs.
  let sync: ServiceSync | null = null;
  // The register's changes: the renderer's event, then what runs after them (matching, wired below).
  const apresModificationRegistre = new Rappels<[ChargeEvenement<'registre.modifie'>]>();
  const registre = { apresModification: (rappel: () => void) => apresModificationRegistre.ajouter(rappel) };
  const registreModifie = (charge: ChargeEvenement<'registre.modifie'>) => {
    bus.emettre('registre.modifie', charge);
    apresModificationRegistre.appeler(charge);
  };

  const parametres = new DepotParametres((cle) => (CLES_COMMUNES.has(cle) ? mondes.db('reel') : mondes.db()), horloge);
  const contexte: ContexteApp = {
    dossierDonnees: options.dossierDonnees,
    get fichierBase() {
      return mondes.fichier();
    },
    get dossierSauvegardes() {
      return mondes.dossierSauvegardes();
    },
    get monde() {
      return mondes.courant;
    },
    horloge,
    bus,
    version: versionApplication(),
    transport: options.transport,
    parametres,
    db: () => mondes.db(),
    registreModifie,
    restaurerBase(source) {
      try {
        return mondes.restaurer(source);
      } finally {
        registreModifie({ raison: 'restauration' });
      }
    },
    basculerMonde(monde) {
      if (monde === mondes.courant) return;
      if (sync?.moteur.enCours)
        throw erreurs.conflit('Une synchronisation est en cours : changez de mode quand elle sera terminée.');
      mondes.basculer(monde);
      // Matching hears it below: the new world's requests may wait for it.
      registreModifie({ raison: 'monde' });
    },
  };
  // The world the last session ended in (the card mode is stored with the common settings).
  mondes.basculer(lireParametresCarte(parametres).mode === 'formation' ? 'formation' : 'reel');

  const carte = gestionnairesCarte(contexte);
  // The directory, and its gate on signing: the right to sign at the start of each batch and again
  // before each signature (the same wiring as `registre sign`).
  const annuaire = brancherAnnuaire(carte.service, { db: () => contexte.db(), horloge });
  // The records: the commune's identity is the place; the card room's live view fills the fault sheet.
  const documents = new DocumentsAnnuaire(
    {
      db: () => contexte.db(),
      horloge,
      commune: () => parametres.lire<Commune>('commune'),
      etatCartes: () => carte.service.etat(),
    },
    annuaire,
  );
  const rapprochement = creerRapprochement(contexte);
  sync = creerServiceSync(contexte, carte.service, {
    plateformeFormation: demarrerPlateformeFormation,
    // The renewal warning of the e-mail alerts: the directory says which cards, and remembers them.
    renouvellements: {
      aSignaler: () => annuaire.renouvellementsASignaler(),
      signales: (cartes) => annuaire.noterRenouvellementsSignales(cartes),
    },
  });
  const actes = new ServiceRegistre(contexte);
  const reponses = creerReponses({
    db: () => contexte.db(),
    horloge,
    parametres,
    // "Saisir l'acte" from a request: the register room saves it (and announces the change),
    // then the answers room matches the request again now and drafts the answer from the act.
    indexerActe: (acte, idPlateforme) => actes.indexerDepuisDemande(acte, idPlateforme),
    rapprocherMaintenant: (demandeId) => rapprochement.service.rapprocherMaintenant(demandeId).resultat,
    identite: () => identiteCarte(carte, annuaire),
    boite: boiteReponses(horloge),
    apresModification: (demandeIds) => bus.emettre('reponses.modifiees', { demandeIds }),
  });
  const envoyees = creerDemandesEnvoyees({
    db: () => contexte.db(),
    horloge,
    parametres,
    identite: () => identiteCarte(carte, annuaire),
    boite: boiteDemandesEnvoyees(horloge),
    // The same trust list as the sync's check at reception (electron/sync/service.ts).
    verifier: async (xml, racineAttendue, instant) => {
      const formation = carte.service.formation;
      const caFormation = () => (formation.existe() ? formation.caPem() : null);
      const r = await verifierSelonParametres(parametres, caFormation, xml, racineAttendue, instant);
      const s = r.signataire;
      return {
        titulaire: s.titulaire,
        titre: s.titre,
        commune: s.uniteOrganisation,
        emetteur: s.emetteur,
        debut: s.debut,
        fin: s.fin,
        horodatage: r.horodatage,
      };
    },
    enPdf: (doc, creeLe) => extraitEnPdf(doc, creeLe),
  });
  const gestionnaires = construireGestionnaires(
    contexte,
    carte,
    rapprochement,
    sync,
    reponses,
    envoyees,
    annuaire,
    documents,
  );
  // Matching runs after a reception and after a register change: told here, not by the bus.
  sync.apresReception(() => rapprochement.service.planifier());
  registre.apresModification(() => rapprochement.service.registreModifie());
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
      mondes.fermer();
    },
  };
}

/** The sandbox's launcher, for `registre sandbox` (the command line never imports the sandbox itself). */
export { BASE_PAR_DEFAUT, lancerDemo, lancerPlateforme, PORT_PAR_DEFAUT } from '../sandbox';
