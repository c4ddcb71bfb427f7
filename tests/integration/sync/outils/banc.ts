import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { construireReponse, formeAttendue, type Demande } from '../../../../electron/comedec/format';
import type { Base } from '../../../../electron/db/connexion';
import type { Horloge } from '../../../../electron/horloge';
import { CodePin, DepotSignature, ServiceCarte, signerLot } from '../../../../electron/signature';
import { creerBrouillon } from '../../../../electron/sync/stockage/envois';
import type { App } from '../../../../electron/app';
import { appelant } from '../../../support/app-temporaire';
import { demarrerPlateforme, type OptionsDemarrage, type PlateformeDemarree } from '../../../../sandbox';
import { provisionnerCartes, type CartesTest } from '../../../fixtures/cartes/provisionner';

/**
 * The real test bench of the sync engine: SoftHSM2 agent cards (tests/fixtures/cartes), the
 * sandbox platform over HTTP on loopback with the commune's mailbox and its agents registered,
 * and helpers that do what the officer does (prepare answers, sign them with the card).
 */
export interface Banc {
  cartes: CartesTest;
  plateforme: PlateformeDemarree;
  admin<T = unknown>(methode: string, chemin: string, corps?: unknown): Promise<T>;
  arreter(): Promise<void>;
}

export async function monterBanc(
  dossier: string,
  options: Partial<OptionsDemarrage> & { cartes?: CartesTest } = {},
): Promise<Banc> {
  const cartes =
    options.cartes ?? (await provisionnerCartes(path.join(dossier, 'cartes'), { seulement: ['officier', 'agent'] }));
  const plateforme = await demarrerPlateforme({ ancres: [cartes.caPem], ...options });
  const admin = async <T>(methode: string, chemin: string, corps?: unknown): Promise<T> => {
    const r = await fetch(`${plateforme.url}${chemin}`, {
      method: methode,
      headers: { Authorization: `Bearer ${plateforme.jetonAdmin}`, 'Content-Type': 'application/json' },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    });
    const texte = await r.text();
    if (!r.ok) throw new Error(`admin ${methode} ${chemin} : ${r.status} ${texte.slice(0, 300)}`);
    return JSON.parse(texte) as T;
  };
  const { officier, agent } = cartes.cartes;
  await admin('POST', '/v1/admin/communes', {
    codeInsee: cartes.commune.codeInsee,
    agents: [
      {
        nom: `${officier.titulaire.prenom} ${officier.titulaire.nom}`,
        delegation: true,
        certificats: [officier.certificats.authentification, officier.certificats.signature],
      },
      ...(agent
        ? [
            {
              nom: `${agent.titulaire.prenom} ${agent.titulaire.nom}`,
              delegation: false,
              certificats: [agent.certificats.authentification],
            },
          ]
        : []),
    ],
  });
  return { cartes, plateforme, admin, arreter: () => plateforme.arreter() };
}

/** The card service with the officer's card connected (the PIN typed once, as at the counter). */
export async function carteConnectee(
  cartes: CartesTest,
  horloge: Horloge,
  dossierFormation: string,
  nom: 'officier' | 'agent' = 'officier',
): Promise<ServiceCarte> {
  const service = new ServiceCarte({
    horloge,
    parametres: () => ({
      bibliotheque: cartes.bibliotheque,
      mode: 'reelle',
      confiancePem: `${cartes.caPem}\n${cartes.caAgentsPem}`,
    }),
    dossierFormation,
  });
  const carte = cartes.cartes[nom];
  const jeton = service.rafraichir().lecteurs.find((l) => l.carte?.label === carte.label)?.carte;
  if (!jeton) throw new Error(`carte ${carte.label} absente`);
  const pin = CodePin.depuisTexte(carte.pin);
  try {
    await service.connecter(jeton.id, pin);
  } finally {
    pin.effacer();
  }
  return service;
}

/**
 * What the officer does for every request still without an answer: a draft answer (positive,
 * in the form the requester needs, with an act made from the declared data), put in the outbox.
 */
export function preparerReponses(
  db: Base,
  horloge: Horloge,
  commune: { codeInsee: string; libelle: string },
  limite = -1,
): number {
  const sans = db
    .prepare(
      `SELECT d.id, d.donnees FROM demandes d
       WHERE NOT EXISTS (SELECT 1 FROM envois e WHERE e.demande_id = d.id AND e.nature = 'reponse' AND e.etat <> 'rejete')
       ORDER BY d.id LIMIT ?`,
    )
    .all(limite) as { id: number; donnees: string }[];
  for (const l of sans) {
    const d = JSON.parse(l.donnees) as Demande;
    const id = `REP-${randomUUID()}`;
    const xml = construireReponse({
      version: d.version,
      id,
      demandeId: d.id,
      commune,
      emiseLe: horloge.maintenant().toISOString(),
      resultat: {
        nature: 'positive',
        forme: formeAttendue(d.demandeur.type),
        acte: {
          type: d.typeActe,
          annee: 1990,
          numero: (l.id % 900) + 1,
          dateActe: '1990-05-02',
          dateEvenement: d.evenement?.date ?? d.personne.dateNaissance ?? '1990-05-01',
          lieuEvenement: { commune: 'Aussillon', codeInsee: '81021', departement: '81', pays: null },
          personnes: [
            {
              role: d.typeActe === 'mariage' ? 'epoux1' : 'titulaire',
              nom: d.personne.nom,
              prenoms: d.personne.prenoms.length ? d.personne.prenoms : ['X'],
              sexe: d.personne.sexe,
            },
          ],
          mentions: [],
        },
      },
    });
    creerBrouillon(db, horloge, { nature: 'reponse', demandeId: l.id, sens: 'positive', documentId: id, xml });
  }
  return sans.length;
}

/** Signs every pending document with the connected card (one PIN for the batch). */
export async function signerTout(db: Base, horloge: Horloge, service: ServiceCarte, pin: string) {
  const code = CodePin.depuisTexte(pin);
  try {
    return await signerLot({
      depot: new DepotSignature(() => db, horloge),
      signateur: service.signataire(code),
      horloge,
    });
  } finally {
    code.effacer();
  }
}

/**
 * What an officer sets up first, through the contract: the commune of the test cards
 * (Aussillon) and the card settings trusting the bench's CA. The sync settings differ by test.
 */
export async function reglerCommuneEtCarte(app: Pick<App, 'repartir'>, banc: Banc): Promise<void> {
  const appeler = appelant(app);
  const { cartes } = banc;
  await appeler('parametres.enregistrerCommune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  await appeler('carte.enregistrerParametres', {
    bibliotheque: cartes.bibliotheque,
    mode: 'reelle',
    confiancePem: `${cartes.caPem}\n${cartes.caAgentsPem}`,
  });
}
