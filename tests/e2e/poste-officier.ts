import type { CartesTest } from '../fixtures/cartes/provisionner';
import type { HarnaisDeTest } from './harnais';
import { appelerApi } from './outils-ui';

/**
 * The commune of the test cards (Aussillon) and the card settings: their PKCS#11 library, and by
 * default trust in both test authorities (the signature and the agents' authentication ones).
 */
export async function reglerCommuneEtCarte(
  h: HarnaisDeTest,
  cartes: CartesTest,
  o: { confiancePem?: string } = {},
): Promise<void> {
  await appelerApi(h, 'parametres.enregistrerCommune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  await appelerApi(h, 'carte.enregistrerParametres', {
    bibliotheque: cartes.bibliotheque,
    confiancePem: o.confiancePem ?? `${cartes.caPem}\n${cartes.caAgentsPem}`,
  });
}

/**
 * The officer's workstation as the answering scenarios and the officer's bench need it, set
 * through the contract before the page opens: the commune of the test cards (Aussillon), the
 * card settings trusting the bench's authorities, the acts given, a card session opened with
 * the officer's PIN, and the platform's address (no automatic sync: the scenario decides).
 */
export async function preparerPosteOfficier(
  h: HarnaisDeTest,
  o: { cartes: CartesTest; urlPlateforme: string; actes?: unknown[]; confiancePem?: string },
): Promise<void> {
  const { cartes } = o;
  await reglerCommuneEtCarte(h, cartes, { confiancePem: o.confiancePem });
  for (const acte of o.actes ?? []) await appelerApi(h, 'registre.enregistrer', { acte });
  const etat = await appelerApi<{ lecteurs: { carte: { id: string; label: string } | null }[] }>(h, 'carte.etat', {});
  const jeton = etat.lecteurs.find((l) => l.carte?.label === cartes.cartes.officier.label)?.carte;
  if (!jeton) throw new Error(`carte ${cartes.cartes.officier.label} absente`);
  await appelerApi(h, 'carte.connecter', { jetonId: jeton.id, pin: cartes.cartes.officier.pin });
  await appelerApi(h, 'sync.enregistrerParametres', {
    plateforme: { url: o.urlPlateforme },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
}

export const AUSSILLON = { commune: 'Aussillon', codeInsee: '81021', departement: '81' };

/** A birth act of Aussillon (the test cards' commune), for `registre.enregistrer`. */
export function naissance(
  numero: number,
  annee: number,
  jour: string,
  nom: string,
  prenom: string,
  pere: string,
  mere: string,
) {
  return {
    type: 'naissance' as const,
    annee,
    numero,
    dateActe: jour,
    dateEvenement: jour,
    lieuEvenement: AUSSILLON,
    personnes: [
      {
        role: 'titulaire' as const,
        nom,
        prenoms: [prenom],
        sexe: 'F' as const,
        dateNaissance: jour,
        lieuNaissance: AUSSILLON,
      },
      { role: 'pere' as const, nom, prenoms: [pere], sexe: 'M' as const },
      { role: 'mere' as const, nom: 'CAZALS', prenoms: [mere], sexe: 'F' as const },
    ],
    mentions: [],
  };
}
/** What a requester declares for that act, exactly as the register holds it (`/v1/admin/.../demandes`). */
export function declaration(acte: ReturnType<typeof naissance>, demandeur: 'notaire' | 'interieur') {
  const [titulaire, pere, mere] = acte.personnes;
  return {
    specimen: false,
    demandeur: {
      type: demandeur,
      libelle: demandeur === 'notaire' ? 'Étude de Maître Lefèvre, Castres' : 'Préfecture du Tarn',
      reference: `REF-${acte.numero}`,
    },
    typeActe: 'naissance',
    personne: {
      nom: titulaire.nom,
      prenoms: titulaire.prenoms,
      sexe: titulaire.sexe,
      dateNaissance: acte.dateEvenement,
      lieuNaissance: AUSSILLON,
    },
    pere: { nom: pere.nom, prenoms: pere.prenoms },
    mere: { nom: mere.nom, prenoms: mere.prenoms },
  };
}
