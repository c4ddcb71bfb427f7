import { createHash } from 'node:crypto';
import type { Base } from '../db';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import { lireAccuse } from '../comedec';
import { idPlateformeDe } from '../demandes';
import { RegistreError, versRegistreError } from '../../shared/errors';
import type { EtatEnvoi } from '../../shared/contract/sync';
import { EchecConnexion, type ConnexionPlateforme } from './plateforme/connexion';
import { delaiAvantNouvelEssai, REPRISE_PAR_DEFAUT, type OptionsReprise } from './reprise';
import * as envois from './stockage/envois';

/**
 * Sending the outbox: every row signed, or "maybe sent" and due for a retry. For each row:
 * 'envoi' is persisted, THEN the document leaves with its idempotency key; the receipt is
 * checked (same key, same document, same bytes) and stored with the 'accepte' state. Network
 * failures and 5xx put the row back with a backoff; a 4xx is final ('rejete', with the
 * platform's reason); a failure to open the session touches no row's fate and stops the run.
 */
export interface DependancesEnvoi {
  db(): Base;
  horloge: Horloge;
  connexion: ConnexionPlateforme;
  reprise?: OptionsReprise;
  paralleles?: number;
  surChangement(e: { id: number; demandeId: number | null; etat: EtatEnvoi; motifRejet: string | null }): void;
  progression(fait: number, total: number): void;
}

export interface BilanEnvoi {
  acceptees: number;
  rejetees: number;
  reportees: number;
}

const sha256 = (t: string) => createHash('sha256').update(Buffer.from(t, 'utf8')).digest('hex');

function idDemandePlateforme(db: Base, demandeId: number | null): string {
  const id = demandeId === null ? null : idPlateformeDe(db, demandeId);
  if (id === null) throw new RegistreError('interne', 'Réponse sans demande d’origine.', { raison: 'demande absente' });
  return id;
}

async function envoyerUn(dep: DependancesEnvoi, ligne: envois.LigneEnvoi, bilan: BilanEnvoi): Promise<void> {
  const db = dep.db();
  const courant = envois.commencerEnvoi(db, ligne.id, dep.horloge.maintenant());
  const signe = courant.xml_signe!;
  try {
    const depot = await dep.connexion.avecSession((s) =>
      courant.nature === 'reponse'
        ? dep.connexion.adaptateur.deposerReponse(
            s,
            idDemandePlateforme(db, courant.demande_id),
            signe,
            courant.cle_idempotence,
          )
        : dep.connexion.adaptateur.deposerDemandeEmise(s, signe, courant.cle_idempotence),
    );
    const accuse = lireAccuse(depot.accuseXml);
    // A receipt for another key, another document or other bytes proves nothing about ours.
    if (
      accuse.cleIdempotence !== courant.cle_idempotence ||
      accuse.documentId !== courant.document_id ||
      accuse.empreinte !== sha256(signe)
    ) {
      throw new RegistreError(
        'plateforme_injoignable',
        'Accusé de réception incohérent : l’envoi sera vérifié au prochain essai.',
        { raison: 'accusé incohérent' },
      );
    }
    envois.accepter(
      dep.db(),
      courant.id,
      { numero: accuse.numero, xml: depot.accuseXml, demandePlateforme: accuse.demandeId },
      dep.horloge.maintenant(),
    );
    bilan.acceptees++;
    dep.surChangement({ id: courant.id, demandeId: courant.demande_id, etat: 'accepte', motifRejet: null });
  } catch (e) {
    const maintenant = dep.horloge.maintenant();
    if (e instanceof EchecConnexion) {
      // Not the document's fault: due again at the next run.
      envois.reporter(dep.db(), courant.id, e.erreur.message, maintenant, maintenant);
      throw e;
    }
    const err = versRegistreError(e);
    if (err.code === 'rejet_plateforme') {
      envois.rejeter(dep.db(), courant.id, String(err.details?.motif ?? 'inconnu'), err.message, maintenant);
      bilan.rejetees++;
      journal.avertir('envoi rejeté', { envoi: courant.id, motif: String(err.details?.motif ?? 'inconnu') });
      dep.surChangement({ id: courant.id, demandeId: courant.demande_id, etat: 'rejete', motifRejet: err.message });
      return;
    }
    // Network, timeout, 5xx, an unreadable receipt: maybe stored, so resent later with the same key.
    const delai = delaiAvantNouvelEssai(courant.essais, dep.reprise ?? REPRISE_PAR_DEFAUT);
    envois.reporter(dep.db(), courant.id, err.message, new Date(maintenant.getTime() + delai), maintenant);
    bilan.reportees++;
    dep.surChangement({ id: courant.id, demandeId: courant.demande_id, etat: 'envoi', motifRejet: null });
  }
}

export async function envoyerBoite(dep: DependancesEnvoi): Promise<BilanEnvoi> {
  const bilan: BilanEnvoi = { acceptees: 0, rejetees: 0, reportees: 0 };
  const file = envois.aEnvoyer(dep.db(), dep.horloge.maintenant(), 100_000);
  const total = file.length;
  let suivant = 0;
  let fait = 0;
  let arret: unknown = null;
  const ouvrier = async () => {
    while (arret === null && suivant < file.length) {
      const ligne = file[suivant++];
      try {
        await envoyerUn(dep, ligne, bilan);
      } catch (e) {
        arret ??= e;
      }
      dep.progression(++fait, total);
    }
  };
  // The session is opened once before the workers start (one challenge signed, not N).
  if (file.length) await dep.connexion.ouvrir();
  await Promise.all(Array.from({ length: Math.min(dep.paralleles ?? 4, file.length) }, ouvrier));
  if (arret) throw arret;
  return bilan;
}
