import { erreurs } from '../../shared/errors';
import { analyserCertificat, estCertificatFormation, type ServiceCarte } from '../signature';
import { versPem, exigerValide, type CertificatAnalyse } from '../signature/certificats';
import { listerLecteurs } from '../signature/jetons';
import { chargerBibliotheque } from '../signature/liaison';
import { SessionCarte } from '../signature/session-carte';
import type { Horloge } from '../horloge';
import type { IdentiteConnexion } from './plateforme/adaptateur';

/**
 * The identity a sync connects with: the AUTHENTICATION certificate and key of the card the
 * officer connected (carte.connecter, with the PIN). The sync never asks for a PIN itself.
 *
 * PKCS#11 shares the login state between all sessions an application opens on one token, so a
 * second, short session on the connected card can use its authentication key without the PIN
 * (that key does not ask for it at each use, unlike the qualified signature key). That session
 * is closed after each signature and never logged out (C_Logout would end the officer's own
 * session too).
 */
export function identiteDepuisCarte(service: ServiceCarte, horloge: Horloge): () => Promise<IdentiteConnexion> {
  return async () => {
    const etat = service.etat();
    const session = etat.session;
    if (!session) throw erreurs.carteAbsente();
    const lecteur = etat.lecteurs.find((l) => l.carte?.id === session.jetonId);
    if (session.nature === 'formation' || !lecteur) {
      throw erreurs.carteInconnue('la connexion à la plateforme avec la carte de formation passe par le service de la carte, qui ne l’offre pas encore');
    }
    const { liaison } = chargerBibliotheque(lecteur.bibliotheque);
    const jeton = listerLecteurs(liaison, lecteur.bibliotheque).find((l) => l.carte?.id === session.jetonId)?.carte;
    if (!jeton) throw erreurs.carteRetiree();

    const lire = SessionCarte.ouvrir(liaison, jeton);
    let auth: { analyse: CertificatAnalyse; id: Buffer } | null = null;
    let chaine: CertificatAnalyse[] = [];
    try {
      const certificats = lire.certificats().map((c) => ({ analyse: analyserCertificat(c.der), id: c.id }));
      const trouve = certificats.find((c) => c.analyse.usage === 'authentification' && c.id);
      if (trouve) auth = { analyse: trouve.analyse, id: trouve.id! };
      chaine = certificats.map((c) => c.analyse).filter((c) => c.autorite && c.x509.subject !== c.x509.issuer);
    } finally {
      lire.fermer();
    }
    if (!auth) throw erreurs.carteInconnue('aucun certificat d’authentification sur cette carte');
    exigerValide(auth.analyse, horloge.maintenant());
    const certificat = auth;
    return {
      formation: estCertificatFormation(certificat.analyse),
      certificatPem: versPem(certificat.analyse),
      chainePem: chaine.map(versPem),
      async signer(donnees) {
        const s = SessionCarte.ouvrir(liaison, jeton);
        try {
          return await s.signer(s.cle(certificat.id), donnees, null);
        } finally {
          s.fermer();
        }
      },
    };
  };
}
