import { formeAttendue, lireReponse } from '../../electron/comedec';
import type { Horloge } from '../../electron/horloge';
import type { DepotDemandes } from '../depots/demandes';
import type { DepotDemandesEmises } from '../depots/demandes-emises';
import type { DepotReglages } from '../depots/reglages';
import type { DepotReponses } from '../depots/reponses';
import { rejeter } from '../rejets';
import { cleValide, faireAccuse } from './accuses';
import type { SessionOuverte } from './authentification';
import { estPurgee } from './delais';
import { empreinteOctets, lireOuRejeter, verifierSignataire, type ContexteVerification } from './verification-document';

export interface DependancesReception extends ContexteVerification {
  horloge: Horloge;
  demandes: DepotDemandes;
  reponses: DepotReponses;
  emises: DepotDemandesEmises;
  reglages: DepotReglages;
}

export interface ResultatDepot {
  accuse: string;
  /** true: same key, same document: the ORIGINAL receipt is returned. */
  rejeu: boolean;
}

/**
 * Accepts an answer to a request of the session's commune. The checks run from the cheapest
 * to the most expensive; the replay check comes first so that a client retrying after a lost
 * connection gets its original receipt even once the request has been purged.
 */
export async function recevoirReponse(
  d: DependancesReception,
  session: SessionOuverte,
  demandeIdChemin: string,
  cle: string | undefined,
  octets: Uint8Array,
): Promise<ResultatDepot> {
  if (!cleValide(cle))
    rejeter('requete_invalide', 'En-tête Idempotency-Key manquant ou invalide (1 à 200 caractères ASCII imprimables).');
  const commune = session.commune;
  const empreinte = empreinteOctets(octets);
  const deja = d.reponses.parCle(commune.codeInsee, cle);
  if (deja) {
    if (deja.empreinte === empreinte) return { accuse: deja.accuse, rejeu: true };
    rejeter('cle_idempotence_reutilisee', 'Cette clé d’idempotence a déjà servi pour un autre document.', {
      cleIdempotence: cle,
    });
  }

  const reponse = lireOuRejeter(lireReponse, octets, d.tailleMax);
  const ref = { demandeId: reponse.demandeId, cleIdempotence: cle };
  if (reponse.demandeId !== demandeIdChemin) {
    rejeter(
      'mauvaise_demande',
      `La réponse porte sur la demande ${reponse.demandeId}, pas sur ${demandeIdChemin}.`,
      ref,
    );
  }
  const demande = d.demandes.lire(demandeIdChemin);
  if (!demande) rejeter('demande_inconnue', 'Demande inconnue de la plateforme.', ref);
  if (demande.codeInsee !== commune.codeInsee)
    rejeter('mauvaise_demande', 'Cette demande n’est pas adressée à votre commune.', ref);
  const maintenant = d.horloge.maintenant();
  if (estPurgee(demande.purge, maintenant)) {
    rejeter(
      'demande_purgee',
      'Demande purgée (23 jours après sa mise à disposition) : la réponse ne peut plus être reçue.',
      ref,
    );
  }
  if (reponse.commune.codeInsee !== commune.codeInsee || reponse.commune.libelle !== commune.libelle) {
    rejeter(
      'mauvaise_commune',
      `La réponse se présente comme celle de ${reponse.commune.libelle}, pas de ${commune.libelle}.`,
      ref,
    );
  }
  const texte = new TextDecoder().decode(octets);
  const { verification } = await verifierSignataire(texte, 'reponse', reponse.version, commune, maintenant, d);
  if (reponse.resultat.nature === 'positive') {
    const attendue = formeAttendue(demande.donnees.demandeur.type);
    if (reponse.resultat.forme !== attendue) {
      rejeter(
        'forme_incorrecte',
        `Ce demandeur attend ${attendue === 'copie_integrale' ? 'une copie intégrale' : 'un extrait avec filiation'}.`,
        ref,
      );
    }
  }
  // The signature check awaited: another answer may have come meanwhile (the primary key settles a true race).
  const accepte = d.reponses.parDemande(demande.id);
  if (accepte) rejeter('deja_repondu', 'Cette demande a déjà reçu une réponse.', ref);

  const accuse = faireAccuse(
    d.reglages,
    {
      version: reponse.version,
      objet: 'reponse',
      demandeId: demande.id,
      documentId: reponse.id,
      cleIdempotence: cle,
      empreinte,
    },
    maintenant,
  );
  try {
    d.reponses.ajouter({
      demandeId: demande.id,
      codeInsee: commune.codeInsee,
      cleIdempotence: cle,
      empreinte,
      xml: texte,
      version: reponse.version,
      nature: reponse.resultat.nature,
      signataire: verification.signataire.empreinte,
      accuse,
      recuLe: maintenant.toISOString(),
    });
  } catch (e) {
    if (
      (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
    ) {
      const course = d.reponses.parCle(commune.codeInsee, cle);
      if (course && course.empreinte === empreinte) return { accuse: course.accuse, rejeu: true };
      rejeter('deja_repondu', 'Cette demande a déjà reçu une réponse.', ref);
    }
    throw e;
  }
  // A request sent by another commune of the platform: its answer goes back to the sender.
  if (demande.origine === 'emise') d.emises.enregistrerReponse(demande.id, texte, maintenant);
  return { accuse, rejeu: false };
}
