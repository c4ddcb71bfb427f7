import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { RegistreError } from '../../shared/errors';
import { espaceDeNoms, estDocumentInvalide, type VersionFormat } from '../../electron/comedec';
import {
  verifierXades,
  analyserCertificat,
  estCertificatFormation,
  type CertificatAnalyse,
  type Confiance,
  type ResultatVerification,
} from '../../electron/signature';
import type { AgentInscrit, CommuneBoite, DepotCommunes } from '../depots/communes';
import { rejeter } from '../rejets';
import { verifierMonde, verifierValidite } from './certificat-agent';

export interface ContexteVerification {
  confiance: Confiance;
  communes: DepotCommunes;
  formation: boolean;
  tailleMax: number;
}

/** The certificates a signed document carries in KeyInfo (to explain a refusal, never to trust). */
function certificatsDuDocument(texte: string): CertificatAnalyse[] {
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(texte, 'application/xml');
    const noeuds = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate');
    const res: CertificatAnalyse[] = [];
    for (let i = 0; i < Math.min(noeuds.length, 5); i++) {
      res.push(analyserCertificat(Buffer.from((noeuds.item(i)!.textContent ?? '').replace(/\s+/g, ''), 'base64')));
    }
    return res;
  } catch {
    return [];
  }
}

export function empreinteOctets(octets: Uint8Array): string {
  return createHash('sha256').update(octets).digest('hex');
}

/**
 * Reads a document with the format module and turns its refusals into platform reasons:
 * unknown version -> version_inconnue, oversize -> document_trop_volumineux, anything else ->
 * document_invalide naming the field.
 */
export function lireOuRejeter<T>(
  lire: (x: Uint8Array, o: { tailleMax: number }) => T,
  octets: Uint8Array,
  tailleMax: number,
): T {
  try {
    return lire(octets, { tailleMax });
  } catch (e) {
    if (e instanceof RegistreError && e.code === 'format_inconnu') {
      rejeter(
        'version_inconnue',
        `Version de format inconnue (« ${String(e.details?.version).slice(0, 60)} ») : la plateforme accepte les versions 2 et 1.`,
      );
    }
    if (estDocumentInvalide(e)) {
      if (e.details.motif === 'trop_volumineux') rejeter('document_trop_volumineux', e.message);
      rejeter('document_invalide', e.message, { champ: e.details.champ });
    }
    throw e;
  }
}

/**
 * The signature of an answer or a request sent: valid XAdES on the expected root (the verifier
 * checks references, chain, key usage), from the right world (training or not), a certificate
 * still valid now (a backdated signing time does not revive an expired card), held by a
 * DELEGATED officer of THIS commune.
 */
export async function verifierSignataire(
  texte: string,
  racine: string,
  version: VersionFormat,
  commune: CommuneBoite,
  maintenant: Date,
  ctx: ContexteVerification,
): Promise<{ verification: ResultatVerification; agent: AgentInscrit }> {
  let verification: ResultatVerification;
  try {
    verification = await verifierXades(texte, {
      confiance: ctx.confiance,
      racineAttendue: { nomLocal: racine, espaceNoms: espaceDeNoms(version) },
      maintenant,
      // The world is checked below, to give the officer the precise reason.
      accepterFormation: true,
    });
  } catch (e) {
    if (e instanceof RegistreError && e.code === 'signature_invalide') {
      // A card of the wrong world fails on the trust list first: name the real cause.
      const certificats = certificatsDuDocument(texte);
      if (certificats.length && certificats.every((c) => c.autorite || estCertificatFormation(c) !== ctx.formation)) {
        for (const c of certificats) if (!c.autorite) verifierMonde(c, ctx.formation);
      }
      rejeter('signature_invalide', `Signature refusée : ${String(e.details?.raison ?? e.message)}.`);
    }
    throw e;
  }
  const cert = verification.signataire;
  verifierMonde(cert, ctx.formation);
  verifierValidite(cert, maintenant);
  const agent = ctx.communes.agentParCertificat(cert.empreinte);
  if (!agent)
    rejeter('certificat_non_habilite', 'Le certificat de signature n’est inscrit dans la boîte d’aucune commune.');
  if (agent.codeInsee !== commune.codeInsee) {
    rejeter(
      'certificat_non_habilite',
      `Le certificat de signature est celui d’un agent d’une autre commune (${agent.codeInsee}).`,
    );
  }
  if (!agent.delegation) {
    rejeter(
      'officier_non_delegue',
      'Le signataire n’a pas de délégation d’officier de l’état civil : seul un officier délégué peut signer.',
    );
  }
  return { verification, agent };
}
