import { citer } from '../../shared/citation';
import { erreurs, RegistreError, versRegistreError } from '../../shared/errors';
import { raisonCommuneReponse } from '../../shared/domain/commune-reponse';
import { espaceDeNoms, lireDemandeEmise, lireReponse } from '../comedec';
import {
  documentRefuse,
  isoleur,
  marquerQuarantaineAccusee,
  motifDe,
  sha256,
  type MotifQuarantaine,
} from '../demandes';
import type { Base } from '../db';
import type { Horloge } from '../horloge';
import type { ConnexionPlateforme } from './plateforme/connexion';
import type { ReponseRecue } from './plateforme/adaptateur';
import { avecReprises } from './reprise';

/**
 * Answers from other communes to the requests this commune sent (marriage, PACS files): read
 * safely, checked against the request sent, their XAdES signature VERIFIED (value, digests,
 * signed element = the answer's root, certificate chain), stored, then acknowledged. An answer
 * that fails any check goes to the quarantine with the reason: a signature made over another
 * element than the answer is refused, never shown as valid.
 */
export interface DependancesReponses {
  db(): Base;
  horloge: Horloge;
  connexion: ConnexionPlateforme;
  synchroId: number;
  /**
   * Verifies the signature as of `recueLe` (the reception: certificate valid then too, signing
   * time not long before it); throws signature_invalide with the reason. Returns the signer's
   * name and the commune their certificate names (its OU: an INSEE code).
   */
  verifier(
    xml: string,
    racine: { nomLocal: string; espaceNoms: string },
    recueLe: Date,
  ): Promise<{ titulaire: string; commune: string | null }>;
}

const recuperable = (e: unknown) => e instanceof RegistreError && e.recuperable;

type Verdict = { ok: { envoiId: number; signataire: string } } | { refus: { motif: MotifQuarantaine; raison: string } };

async function examiner(dep: DependancesReponses, r: ReponseRecue, recueLe: Date): Promise<Verdict> {
  const envoi = dep
    .db()
    .prepare(
      `SELECT e.id, d.contenu FROM envois e JOIN documents_signature d ON d.id = e.document_signature_id
       WHERE e.nature = 'demande' AND e.demande_plateforme = ?`,
    )
    .get(r.demandeId) as { id: number; contenu: string } | undefined;
  if (!envoi)
    return {
      refus: {
        motif: 'demande_inconnue',
        raison: `réponse à une demande que cette commune n’a pas émise (${citer(r.demandeId)})`,
      },
    };
  let reponse;
  try {
    reponse = lireReponse(Buffer.from(r.xml, 'utf8'));
  } catch (e) {
    const err = versRegistreError(e);
    return { refus: { motif: motifDe(err), raison: err.message } };
  }
  if (reponse.demandeId !== r.demandeId)
    return {
      refus: {
        motif: 'schema',
        raison: `la réponse porte sur la demande ${citer(reponse.demandeId)}, livrée pour ${citer(r.demandeId)}`,
      },
    };
  let signataire: { titulaire: string; commune: string | null };
  try {
    signataire = await dep.verifier(r.xml, { nomLocal: 'reponse', espaceNoms: espaceDeNoms(reponse.version) }, recueLe);
  } catch (e) {
    return { refus: { motif: 'signature_invalide', raison: versRegistreError(e).message } };
  }
  // A genuine signature still has to be the commune asked's, by one of its officers.
  let communeDemandee: string;
  try {
    communeDemandee = lireDemandeEmise(envoi.contenu).destinataire.codeInsee;
  } catch {
    return { refus: { motif: 'schema', raison: 'la demande émise, gardée dans la boîte d’envoi, est illisible' } };
  }
  const raison = raisonCommuneReponse({
    communeDemandee,
    communeReponse: reponse.commune.codeInsee,
    communeCertificat: signataire.commune,
  });
  if (raison) return { refus: { motif: 'signature_invalide', raison: erreurs.signatureInvalide(raison).message } };
  return { ok: { envoiId: envoi.id, signataire: signataire.titulaire } };
}

export async function recevoirReponses(dep: DependancesReponses): Promise<{ recues: number; quarantaine: number }> {
  const liste = await avecReprises(
    () => dep.connexion.avecSession((s) => dep.connexion.adaptateur.reponsesRecues(s)),
    recuperable,
  );
  if (!liste.length) return { recues: 0, quarantaine: 0 };
  // One reception instant for the whole delivery: what signatures are judged against, and what is stored.
  const recueLe = dep.horloge.maintenant();
  const verdicts = await Promise.all(liste.map(async (r) => ({ r, v: await examiner(dep, r, recueLe) })));
  const db = dep.db();
  const le = recueLe.toISOString();
  const bilan = db
    .transaction(() => {
      const b = { recues: 0, quarantaine: 0 };
      const stocker = db.prepare(
        `INSERT INTO reponses_recues (demande_plateforme, envoi_id, document, empreinte, signataire, recue_le, synchro_id)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (demande_plateforme) DO NOTHING`,
      );
      const isoler = isoleur(db);
      for (const { r, v } of verdicts) {
        const octets = Buffer.from(r.xml, 'utf8');
        if ('ok' in v)
          b.recues += stocker.run(
            r.demandeId,
            v.ok.envoiId,
            r.xml,
            sha256(octets),
            v.ok.signataire,
            le,
            dep.synchroId,
          ).changes;
        else {
          // Answers are filed under no platform (''): they are acknowledged by their own route, below.
          const refus = documentRefuse({
            livraison: `reponse:${r.demandeId}`,
            idPlateforme: r.demandeId,
            ...v.refus,
            octets,
            empreinte: sha256(octets),
          });
          if (isoler(refus, { plateforme: '', recueLe: le, synchroId: dep.synchroId })) b.quarantaine++;
        }
      }
      return b;
    })
    .immediate();
  const ids = [...new Set(liste.map((r) => r.demandeId))];
  await avecReprises(
    () => dep.connexion.avecSession((s) => dep.connexion.adaptateur.acquitterReponses(s, ids)),
    recuperable,
  );
  marquerQuarantaineAccusee(
    db,
    '',
    ids.map((id) => `reponse:${id}`),
    dep.horloge.maintenant(),
  );
  return bilan;
}
