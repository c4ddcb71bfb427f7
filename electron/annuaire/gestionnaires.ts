import type { Gestionnaires } from '../contrat';
import type { DocumentsAnnuaire } from './documents/service';
import type { FichePdf } from './documents/rendu';
import type { ServiceAnnuaire } from './service';

type NomsAnnuaire = Extract<keyof Gestionnaires, `annuaire.${string}`>;

/** The `annuaire.*` calls: validated by the dispatcher against shared/contract/annuaire.ts, then the service. */
export function gestionnairesAnnuaire(
  s: ServiceAnnuaire,
  documents: DocumentsAnnuaire,
): Pick<Gestionnaires, NomsAnnuaire> {
  return {
    'annuaire.etat': () => s.etat(),
    'annuaire.verifierCarte': ({ jetonId }) => {
      s.verifierCarte(jetonId);
      return { ok: true as const };
    },
    'annuaire.creer': ({ agent, delegation }) => s.creer(agent, delegation),
    'annuaire.listerAgents': () => s.listerAgents(),
    'annuaire.lireAgent': ({ id }) => s.lireAgent(id),
    'annuaire.enregistrerAgent': ({ id, actif, ...saisie }) => s.enregistrerAgent(id, { ...saisie, actif }),
    'annuaire.definirRoles': ({ agentId, roles, delegation }) => s.definirRoles(agentId, roles, delegation),
    'annuaire.commanderCarte': ({ agentId, motif }) => s.commanderCarte(agentId, motif),
    'annuaire.enregistrerCarte': ({ agentId, jetonId, motif, pieceIdentite }) =>
      s.enregistrerCarte(agentId, jetonId, motif, pieceIdentite),
    'annuaire.changerEtatCarte': ({ carteId, action, motif }) => s.changerEtatCarte(carteId, action, motif),
    'annuaire.listerCartes': () => s.listerCartes(),
    'annuaire.historiqueCarte': ({ carteId }) => s.historiqueCarte(carteId),
    'annuaire.journal': ({ limite }) => s.journal(limite),
    'annuaire.couts': () => s.couts(),
    'annuaire.procesVerbalRemise': async ({ carteId }) => enBase64(await documents.procesVerbalRemise(carteId)),
    'annuaire.procesVerbalDestruction': async ({ carteId }) =>
      enBase64(await documents.procesVerbalDestruction(carteId)),
    'annuaire.ficheDysfonctionnement': async ({ jetonId }) => enBase64(await documents.ficheDysfonctionnement(jetonId)),
  };
}

function enBase64({ nomFichier, octets }: FichePdf) {
  return { nomFichier, pdfBase64: Buffer.from(octets).toString('base64') };
}
