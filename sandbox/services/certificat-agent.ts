import { RegistreError } from '../../shared/errors';
import { analyserCertificat, estCertificatFormation, validite, type CertificatAnalyse } from '../../electron/signature';
import { rejeter } from '../rejets';

/**
 * Reads a certificate sent by a client: PEM or base64 DER. Unreadable -> certificat_invalide.
 */
export function lireCertificatClient(texte: unknown, champ: string): CertificatAnalyse {
  if (typeof texte !== 'string' || !texte.trim())
    rejeter('requete_invalide', `Champ « ${champ} » manquant.`, { champ });
  const b64 = texte.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(b64) || b64.length > 20_000)
    rejeter('certificat_invalide', 'Certificat illisible.', { champ });
  try {
    return analyserCertificat(Buffer.from(b64, 'base64'));
  } catch (e) {
    if (e instanceof RegistreError) rejeter('certificat_invalide', 'Certificat illisible.', { champ });
    throw e;
  }
}

/**
 * A training platform accepts only training cards, the other platform never: each refusal has
 * its own reason so that the officer understands which card to use.
 */
export function verifierMonde(c: CertificatAnalyse, formation: boolean): void {
  const deFormation = estCertificatFormation(c);
  if (deFormation && !formation) {
    rejeter('carte_de_formation', 'Carte de formation : elle ne peut servir que sur la plateforme de formation.');
  }
  if (!deFormation && formation) {
    rejeter(
      'carte_reelle_en_formation',
      'Plateforme de formation : utilisez la carte de formation, pas une vraie carte agent.',
    );
  }
}

export function verifierValidite(c: CertificatAnalyse, maintenant: Date): void {
  const v = validite(c, maintenant).validite;
  if (v === 'expire')
    rejeter(
      'certificat_invalide',
      `Certificat expiré le ${c.fin.toLocaleDateString('fr-FR')} : la carte doit être renouvelée.`,
    );
  if (v === 'pas_encore_valide') rejeter('certificat_invalide', 'Certificat pas encore valide.');
}
