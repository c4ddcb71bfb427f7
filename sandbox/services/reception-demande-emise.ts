import { lireDemandeEmise, type DemandeEmise } from '../../electron/comedec';
import { journal } from '../../electron/journal';
import type { CommuneBoite, DepotCommunes } from '../depots/communes';
import { rejeter } from '../rejets';
import { cleValide, faireAccuse, nouvelIdDemande } from './accuses';
import type { SessionOuverte } from './authentification';
import type { CommunesSimulees } from './commune-simulee';
import { delaisDepuis } from './delais';
import { communeOfficielle } from './libelle';
import type { DependancesReception, ResultatDepot } from './reception-reponse';
import { empreinteOctets, lireOuRejeter, verifierSignataire } from './verification-document';

export interface DependancesEmission extends DependancesReception {
  simulees: CommunesSimulees;
  simulation: () => { delaiReponseMs: number; proportionNonDetenus: number };
}

/** The addressee: a mailbox of this platform, or an official commune that becomes a simulated one. */
function destinataire(communes: DepotCommunes, codeInsee: string, maintenant: Date): CommuneBoite {
  const connue = communes.lire(codeInsee);
  if (connue) return connue;
  const officielle = communeOfficielle(codeInsee);
  if (!officielle) rejeter('destinataire_inconnu', `Aucune commune n’a le code INSEE ${codeInsee}.`);
  const simulee: CommuneBoite = { codeInsee, libelle: officielle.libelle, versionFormat: 2, simulee: true };
  communes.enregistrer(simulee, [], maintenant);
  return simulee;
}

/**
 * A request a commune sends to another one (marriage or PACS file): signed by a delegated
 * officer of the sender, put in the addressee's mailbox as a request from a `commune`; a
 * simulated addressee answers at once (available after the simulated delay).
 */
export async function recevoirDemandeEmise(
  d: DependancesEmission,
  session: SessionOuverte,
  cle: string | undefined,
  octets: Uint8Array,
): Promise<ResultatDepot> {
  if (!cleValide(cle))
    rejeter('requete_invalide', 'En-tête Idempotency-Key manquant ou invalide (1 à 200 caractères ASCII imprimables).');
  const emettrice = session.commune;
  const empreinte = empreinteOctets(octets);
  const deja = d.emises.parCle(emettrice.codeInsee, cle);
  if (deja) {
    if (deja.empreinte === empreinte) return { accuse: deja.accuse, rejeu: true };
    rejeter('cle_idempotence_reutilisee', 'Cette clé d’idempotence a déjà servi pour un autre document.', {
      cleIdempotence: cle,
    });
  }
  const emise = lireOuRejeter(lireDemandeEmise, octets, d.tailleMax);
  if (emise.emettrice.codeInsee !== emettrice.codeInsee || emise.emettrice.libelle !== emettrice.libelle) {
    rejeter(
      'mauvaise_commune',
      `La demande se présente comme émise par ${emise.emettrice.libelle}, pas par ${emettrice.libelle}.`,
    );
  }
  if (emise.destinataire.codeInsee === emettrice.codeInsee)
    rejeter('destinataire_inconnu', 'Une commune ne s’adresse pas de demande à elle-même.');
  const maintenant = d.horloge.maintenant();
  const texte = new TextDecoder().decode(octets);
  await verifierSignataire(texte, 'demandeEmise', emise.version, emettrice, maintenant, d);
  const dest = destinataire(d.communes, emise.destinataire.codeInsee, maintenant);

  const id = nouvelIdDemande(d.reglages, maintenant);
  const donnees = demandeDepuisEmise(id, emise, emettrice, dest, maintenant);
  const accuse = faireAccuse(
    d.reglages,
    {
      version: emise.version,
      objet: 'demande_emise',
      demandeId: id,
      documentId: emise.id,
      cleIdempotence: cle,
      empreinte,
    },
    maintenant,
  );
  d.reglages.transaction(() => {
    d.demandes.ajouter({
      id,
      codeInsee: dest.codeInsee,
      donnees,
      specimen: false,
      origine: 'emise',
      attendu: null,
      ...donnees.dates,
    });
    d.emises.ajouter({
      id,
      emettrice: emettrice.codeInsee,
      destinataire: dest.codeInsee,
      reference: emise.reference,
      cleIdempotence: cle,
      empreinte,
      xml: texte,
      accuse,
      recuLe: maintenant.toISOString(),
    });
  });
  if (dest.simulee) {
    const s = d.simulation();
    try {
      const xml = await d.simulees.repondre(
        { ...donnees, id },
        dest,
        emise.version,
        s.proportionNonDetenus,
        maintenant,
      );
      d.emises.enregistrerReponse(id, xml, new Date(maintenant.getTime() + s.delaiReponseMs));
    } catch (e) {
      // The request is stored and acknowledged; a failed simulation must not turn that into an error.
      journal.erreur('commune simulée : réponse impossible', { erreur: e instanceof Error ? e.name : typeof e });
    }
  }
  return { accuse, rejeu: false };
}

function demandeDepuisEmise(
  id: string,
  e: DemandeEmise,
  emettrice: CommuneBoite,
  dest: CommuneBoite,
  maintenant: Date,
) {
  return {
    id,
    specimen: false,
    destinataire: { codeInsee: dest.codeInsee, libelle: dest.libelle },
    demandeur: {
      type: 'commune' as const,
      libelle: emettrice.libelle,
      reference: e.reference,
      typeReference: e.typeReference,
    },
    typeActe: e.typeActe,
    personne: e.personne,
    pere: e.pere,
    mere: e.mere,
    conjoint: e.conjoint,
    evenement: e.evenement,
    dates: { ...delaisDepuis(maintenant), echeanceProcedure: e.echeanceProcedure },
  };
}
