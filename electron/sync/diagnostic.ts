import type { EtapeDiagnostic } from '../../shared/contract/sync';
import type { Commune } from '../../shared/contract/parametres';
import { versRegistreError } from '../../shared/errors';
import { VERSION_COURANTE, VERSION_PRECEDENTE } from '../comedec';
import type { AdaptateurPlateforme, IdentiteConnexion, InformationsPlateforme } from './plateforme/adaptateur';
import { verifierMonde } from './plateforme/monde';

/**
 * "Tester la connexion": each step checked on its own and reported in French, so the office
 * knows WHICH link is broken (the card, the network, the platform's version, the account).
 * The card is checked first (no network needed), then reachability, version and world
 * (training or real), then authentication, which needs all of them.
 */
export interface DependancesDiagnostic {
  adaptateur(): AdaptateurPlateforme;
  identite(): Promise<IdentiteConnexion>;
  commune(): Commune | null;
}

const message = (e: unknown) => versRegistreError(e).message;

export async function testerConnexion(dep: DependancesDiagnostic): Promise<{ ok: boolean; etapes: EtapeDiagnostic[] }> {
  const etapes: EtapeDiagnostic[] = [];
  const noter = (
    etape: EtapeDiagnostic['etape'],
    statut: EtapeDiagnostic['statut'],
    texte: string,
    code?: EtapeDiagnostic['code'],
  ) => etapes.push({ etape, statut, message: texte, ...(code ? { code } : {}) });

  let identite: IdentiteConnexion | null = null;
  try {
    identite = await dep.identite();
    noter(
      'carte',
      'ok',
      `Carte prête : certificat d’authentification${identite.formation ? ' de formation' : ''} lisible et valide.`,
    );
  } catch (e) {
    noter('carte', 'echec', `Carte : ${message(e)}`, versRegistreError(e).code);
  }

  let adaptateur: AdaptateurPlateforme | null = null;
  let infos: InformationsPlateforme | null = null;
  try {
    adaptateur = dep.adaptateur();
    const debut = performance.now();
    infos = await adaptateur.informations();
    noter(
      'joignabilite',
      'ok',
      `Plateforme joignable à ${adaptateur.adresse} (réponse en ${Math.round(performance.now() - debut)} ms).`,
    );
  } catch (e) {
    noter('joignabilite', 'echec', `Plateforme injoignable : ${message(e)}`);
  }

  if (!infos) noter('version', 'non_verifiee', 'Version non vérifiée : la plateforme n’a pas répondu.');
  else {
    const connues = [VERSION_COURANTE, VERSION_PRECEDENTE].filter((v) => infos!.versionsFormat.includes(v));
    const monde = infos.formation ? 'plateforme de formation' : 'plateforme';
    if (!connues.length)
      noter(
        'version',
        'echec',
        `La ${monde} ${infos.nom} ${infos.version} ne parle que les formats ${infos.versionsFormat.join(', ')} : Registre connaît les formats ${VERSION_COURANTE} et ${VERSION_PRECEDENTE}. Mettez Registre à jour.`,
      );
    else {
      let mondeOk = true;
      if (identite) {
        try {
          verifierMonde(identite.formation, infos.formation);
        } catch (e) {
          mondeOk = false;
          noter('version', 'echec', message(e));
        }
      }
      if (mondeOk)
        noter(
          'version',
          'ok',
          `${infos.formation ? 'Plateforme de formation' : 'Plateforme'} ${infos.nom} ${infos.version}, format d’échange ${Math.max(...connues)} : compatible.`,
        );
    }
  }

  const pret = identite && adaptateur && etapes.every((e) => e.statut === 'ok');
  if (!pret)
    noter('authentification', 'non_verifiee', 'Authentification non vérifiée : corrigez d’abord les étapes en échec.');
  else {
    try {
      const session = await adaptateur!.ouvrirSession(identite!);
      const commune = dep.commune();
      if (commune && commune.codeInsee !== session.commune.codeInsee)
        noter(
          'authentification',
          'echec',
          `La carte ouvre la boîte de ${session.commune.libelle} (${session.commune.codeInsee}), mais Registre est paramétré pour ${commune.nom} (${commune.codeInsee}).`,
        );
      else
        noter(
          'authentification',
          'ok',
          `Authentifié sur la boîte ${session.commune.libelle} : ${session.agent.delegation ? 'officier délégué, peut répondre' : 'agent sans délégation, ne peut pas signer de réponse'}.`,
        );
    } catch (e) {
      noter('authentification', 'echec', `Authentification refusée : ${message(e)}`);
    }
  }
  return { ok: etapes.every((e) => e.statut === 'ok'), etapes };
}
