import fs from 'node:fs';
import path from 'node:path';
import { erreurs } from '../shared/errors';
import { BIBLIOTHEQUE_SOFTHSM2, provisionnerCartes, type CartesTest } from './cartes-essai/provisionner';
import type { PlateformeDemarree } from './demarrage';
import { lancerPlateforme } from './lanceur';

/**
 * `registre sandbox --demo`: everything a newcomer needs to see a request arrive, without curl:
 * SoftHSM2 test cards (an officer with delegation, an agent without, an expired card, an EC
 * officer), the platform trusting their CA, the commune's mailbox with its officers, a day of
 * requests, then what to type next.
 */
export interface OptionsDemo {
  dossierCartes: string;
  port: number;
  base: string;
  demandes: number;
  json: boolean;
}

export async function lancerDemo(o: OptionsDemo): Promise<{ plateforme: PlateformeDemarree; cartes: CartesTest }> {
  if (!fs.existsSync(BIBLIOTHEQUE_SOFTHSM2))
    throw erreurs.introuvable(
      'Bibliothèque SoftHSM2 (paquet softhsm2 : apt-get install softhsm2)',
      BIBLIOTHEQUE_SOFTHSM2,
    );
  const cartes = await provisionnerCartes(path.resolve(o.dossierCartes));
  const ancre = path.join(cartes.dossier, 'ca-test.pem');
  // What Registre's trust list needs: the root and the agents' CA, in one file to paste.
  const confiance = path.join(cartes.dossier, 'confiance.pem');
  fs.writeFileSync(confiance, `${cartes.caPem.trim()}\n${cartes.caAgentsPem.trim()}\n`);
  const plateforme = await lancerPlateforme({
    port: o.port,
    base: o.base,
    ancres: [ancre],
    formation: false,
    json: false,
    silencieux: true,
  });
  const admin = async (chemin: string, corps: unknown) => {
    const r = await fetch(`${plateforme.url}${chemin}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${plateforme.jetonAdmin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(corps),
    });
    // 409: the commune is already registered (a second demo on the same base).
    if (!r.ok && r.status !== 409) throw erreurs.plateformeInjoignable(`${chemin} : ${r.status}`);
  };
  const agents = (['officier', 'officierEc', 'agent', 'expiree'] as const).map((nom) => {
    const c = cartes.cartes[nom];
    return {
      nom: `${c.titulaire.prenom} ${c.titulaire.nom}`,
      delegation: c.role === 'officier',
      certificats: [c.certificats.authentification, ...(c.certificats.signature ? [c.certificats.signature] : [])],
    };
  });
  await admin('/v1/admin/communes', { codeInsee: cartes.commune.codeInsee, agents });
  await admin(`/v1/admin/communes/${cartes.commune.codeInsee}/demandes/generer`, {
    nombre: o.demandes,
    graine: Date.now() % 100_000,
  });

  const officier = cartes.cartes.officier;
  const info = {
    url: plateforme.url,
    jetonAdmin: plateforme.jetonAdmin,
    commune: cartes.commune,
    demandes: o.demandes,
    softhsm2Conf: cartes.conf,
    bibliotheque: cartes.bibliotheque,
    confiance,
    cartes: Object.fromEntries(
      Object.entries(cartes.cartes).map(([nom, c]) => [nom, { label: c.label, pin: c.pin, codeDeblocage: c.soPin }]),
    ),
  };
  if (o.json) process.stdout.write(`${JSON.stringify(info)}\n`);
  else
    process.stdout.write(
      [
        `Plateforme bac à sable démarrée : ${plateforme.url}  (jeton d’administration : ${plateforme.jetonAdmin})`,
        `Commune inscrite : ${cartes.commune.nom} (${cartes.commune.codeInsee}), ${cartes.commune.libelle} ; ${o.demandes} demandes en attente.`,
        `Cartes d’essai SoftHSM2 dans ${cartes.dossier} :`,
        ...Object.values(cartes.cartes).map(
          (c) =>
            `  ${c.label.padEnd(16)} ${c.role === 'officier' ? 'officier délégué ' : 'agent sans délég.'} PIN ${c.pin}  code de déblocage ${c.soPin}`,
        ),
        '',
        'Ensuite, dans un autre terminal :',
        `  SOFTHSM2_CONF=${cartes.conf} REGISTRE_PKCS11=${cartes.bibliotheque} npm run web`,
        'puis, dans Registre :',
        `  1. Paramètres : commune ${cartes.commune.nom}, code INSEE ${cartes.commune.codeInsee}, département ${cartes.commune.departement} ;`,
        `  2. Cartes > Réglages : ajoutez à la liste de confiance les certificats de ${info.confiance} ;`,
        `  3. Demandes > Paramètres de synchronisation : adresse ${plateforme.url} ;`,
        `  4. Cartes : « Ouvrir une session » avec la carte ${officier.label} (PIN ${officier.pin}) ;`,
        '  5. Demandes : « Mettre à jour ».',
        'Ctrl+C pour arrêter la plateforme.',
        '',
      ].join('\n'),
    );
  return { plateforme, cartes };
}
