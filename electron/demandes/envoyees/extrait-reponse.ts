import type { VerificationReponse } from './verification';
import type { Reponse } from '../../../shared/comedec';
import { ActeSchema } from '../../../shared/domain/acte';
import { dateLongue } from '../../../shared/domain/dates';
import { jourParis } from '../../../shared/domain/echeances';
import { composerExtrait, deCommune, type DocumentExtrait } from '../../../shared/domain/extraits';
import { LIBELLES_MOTIF_NEGATIF, sortePourForme } from '../reponses';

const HEURE_PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** "5 décembre 2026 à 13:10" on the Paris wall clock. */
export function instantParis(iso: string): string {
  return HEURE_PARIS.format(new Date(iso));
}

/** What was verified, under the document: the reader of the marriage file knows what it holds. */
function attestation(v: VerificationReponse, commune: string): string[] {
  return [
    `Réponse COMEDEC signée électroniquement le ${instantParis(v.signeeLe)} par ${v.signataire}${v.titre ? ` (${v.titre})` : ''}, pour la mairie ${deCommune(commune)}.`,
    `Signature XAdES vérifiée à la réception le ${instantParis(v.verifieeLe)} : ${v.delegation} ; certificat valide du ${dateLongue(jourParis(v.certificatValideDu))} au ${dateLongue(jourParis(v.certificatValideAu))}, émis par ${v.emetteur}.`,
  ];
}

/**
 * The answer as the file keeps it: a positive answer is the act as the signed answer carries it,
 * rendered by the register's extract model (shared/domain/extraits.ts) in the name of the commune
 * that answered and on the day it answered; a negative one says its reason. Both end with what
 * the verification established. Composed from the signed answer only, never from our data.
 */
export function documentDeReponse(
  reponse: Reponse,
  commune: { nom: string; departement: string | null },
  demande: { reference: string; personne: string },
  verification: VerificationReponse,
): DocumentExtrait {
  const ctx = { commune, dateDelivrance: jourParis(reponse.emiseLe) };
  const pied = attestation(verification, commune.nom);
  if (reponse.resultat.nature === 'positive') {
    const acte = ActeSchema.parse({ ...reponse.resultat.acte, indexe: true });
    const doc = composerExtrait(acte, sortePourForme(reponse.resultat.forme, acte.type), ctx);
    return { ...doc, pied: [...doc.pied, '', ...pied] };
  }
  const r = reponse.resultat;
  return {
    sorte: 'avec-filiation',
    entete: [
      'RÉPUBLIQUE FRANÇAISE',
      `Mairie ${deCommune(commune.nom)}${commune.departement ? ` (${commune.departement})` : ''}`,
    ],
    titre: 'RÉPONSE NÉGATIVE',
    reference: `Dossier ${demande.reference} — ${demande.personne}`,
    corps: [
      `Motif : ${LIBELLES_MOTIF_NEGATIF[r.motif]}.`,
      ...(r.commentaire ? [`Commentaire : ${r.commentaire}`] : []),
    ],
    mentions: [],
    pied: [`Réponse du ${dateLongue(ctx.dateDelivrance)}.`, '', ...pied],
  };
}

/** File name without personal data: the file's reference and the act asked. */
export function nomFichierReponse(reference: string, sens: 'positive' | 'negative'): string {
  const ref = reference.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'demande';
  return `reponse-${sens === 'positive' ? 'acte-de-naissance' : 'negative'}-${ref}.pdf`;
}
