import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demarrerPlateforme, type PlateformeDemarree } from '../../sandbox';
import { provisionnerCartes, type CartesTest } from '../fixtures/cartes/provisionner';
import { adminBacASable } from './bac-a-sable';
import { reglerCommuneEtCarte } from './poste-officier';
import type { HarnaisDeTest } from './harnais';
import { appelerApi, capturer, ouvrirSession, verifierAccessibilite } from './outils-ui';

/**
 * The card decides how often the PIN is asked, in Chromium through the harness, with the
 * sandbox platform and two SoftHSM2 officer cards: OFFICIER-0001 (one login signs the batch)
 * signs three answers with ONE PIN entry; OFFICIER-QS-0005 (CKA_ALWAYS_AUTHENTICATE) signs three
 * with THREE entries, the dialog coming back at once ("signature 2 sur 3"); a wrong PIN stops
 * the batch, says what was signed and what remains, and the tries left are said before the
 * next entry. The six answers signed by either card are sent and receipted by the sandbox.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;
const admin = adminBacASable(() => plateforme);
const AUSSILLON = { commune: 'Aussillon', codeInsee: '81021', departement: '81' };
const NOMS = ['ABADIE', 'BARDOU', 'CASTEL', 'DELMAS', 'ESCANDE', 'FOURNIER', 'GALY', 'HUC'];

function acte(i: number) {
  const jour = `19${80 + i}-0${(i % 9) + 1}-1${i % 9}`;
  return {
    type: 'naissance' as const,
    annee: 1980 + i,
    numero: 10 + i,
    dateActe: jour,
    dateEvenement: jour,
    lieuEvenement: AUSSILLON,
    personnes: [
      {
        role: 'titulaire' as const,
        nom: NOMS[i],
        prenoms: ['Léa'],
        sexe: 'F' as const,
        dateNaissance: jour,
        lieuNaissance: AUSSILLON,
      },
      { role: 'pere' as const, nom: NOMS[i], prenoms: ['Louis'], sexe: 'M' as const },
      { role: 'mere' as const, nom: 'CAZALS', prenoms: ['Anne'], sexe: 'F' as const },
    ],
    mentions: [],
  };
}

function demande(i: number) {
  const a = acte(i);
  return {
    specimen: false,
    demandeur: { type: 'interieur', libelle: 'Préfecture du Tarn', reference: `REF-PIN-${i}` },
    typeActe: 'naissance',
    personne: { nom: NOMS[i], prenoms: ['Léa'], sexe: 'F', dateNaissance: a.dateEvenement, lieuNaissance: AUSSILLON },
    pere: { nom: NOMS[i], prenoms: ['Louis'] },
    mere: { nom: 'CAZALS', prenoms: ['Anne'] },
  };
}

beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-signature-pin-'));
  cartes = await provisionnerCartes(dossier, { seulement: ['officier', 'officierQs'] });
  process.env.REGISTRE_PKCS11 = cartes.bibliotheque;
  plateforme = await demarrerPlateforme({ ancres: [cartes.caPem] });
  const agents = [cartes.cartes.officier, cartes.cartes.officierQs!].map((o) => ({
    nom: `${o.titulaire.prenom} ${o.titulaire.nom}`,
    delegation: true,
    certificats: [o.certificats.authentification, o.certificats.signature],
  }));
  await admin('POST', '/v1/admin/communes', { codeInsee: '81021', agents });
  for (let i = 0; i < NOMS.length; i++)
    await admin('POST', '/v1/admin/communes/81021/demandes', { demande: demande(i) });
});
afterAll(async () => {
  delete process.env.REGISTRE_PKCS11;
  await plateforme?.arreter();
  fs.rmSync(dossier, { recursive: true, force: true });
});

async function connecter(h: HarnaisDeTest, label: string, pin: string): Promise<void> {
  await appelerApi(h, 'carte.deconnecter', {});
  const etat = await appelerApi<{ lecteurs: { carte: { id: string; label: string } | null }[] }>(h, 'carte.etat', {});
  const jeton = etat.lecteurs.find((l) => l.carte?.label === label)!.carte!;
  await appelerApi(h, 'carte.connecter', { jetonId: jeton.id, pin });
}

/** Positive answers to the requests of `noms`, drafted from the matched act (what other tests do by keyboard). */
async function preparer(h: HarnaisDeTest, noms: string[]): Promise<void> {
  const { demandes } = await appelerApi<{ demandes: { id: number; personne: { nom: string } }[] }>(
    h,
    'demandes.lister',
    { limite: 100 },
  );
  for (const nom of noms) {
    const d = demandes.find((x) => x.personne.nom === nom)!;
    let acteId: number | undefined;
    await expect
      .poll(async () => {
        const a = await appelerApi<{ rapprochement: { candidats: { acteId: number }[] } }>(h, 'reponses.apercu', {
          demandeId: d.id,
        });
        acteId = a.rapprochement.candidats[0]?.acteId;
        return acteId !== undefined;
      })
      .toBe(true);
    await appelerApi(h, 'reponses.preparerPositive', { demandeId: d.id, acteId });
  }
}

/** Types `pin` in the open PIN dialog and submits it. */
async function saisir(page: Page, pin: string): Promise<void> {
  const dialogue = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
  const champ = dialogue.getByLabel('Code PIN');
  await expect.poll(() => champ.isEnabled()).toBe(true);
  await champ.fill(pin);
  await page.keyboard.press('Enter');
}

describe('La carte décide combien de fois le PIN est demandé (Chromium, bac à sable, cartes SoftHSM2)', () => {
  it('carte simple : 1 saisie pour 3 réponses ; carte qualifiée : 3 saisies ; un PIN faux arrête le lot', async () => {
    const simple = cartes.cartes.officier;
    const qualifiee = cartes.cartes.officierQs!;
    const session = await ouvrirSession({
      avant: async (h) => {
        await reglerCommuneEtCarte(h, cartes);
        for (let i = 0; i < NOMS.length; i++) await appelerApi(h, 'registre.enregistrer', { acte: acte(i) });
        await appelerApi(h, 'sync.enregistrerParametres', {
          plateforme: { url: plateforme.url },
          planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
        });
        await connecter(h, simple.label, simple.pin);
        await appelerApi(h, 'sync.maintenant', {});
        await preparer(h, NOMS.slice(0, 3));
      },
    });
    try {
      const { page, harnais } = session;
      const dialogue = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      // PIN entries counted where they happen: each one is a `saisir` of this test.
      let saisies = 0;
      const entrer = async (pin: string) => {
        saisies++;
        await saisir(page, pin);
      };

      await page.keyboard.press('Alt+1');
      await page.getByRole('tab', { name: 'Réponses (3 à signer)' }).click();

      // Simple card: one PIN for the three answers.
      await page.getByRole('button', { name: 'Signer les 3 réponses' }).click();
      await dialogue.getByText('pour signer 3 réponses').waitFor();
      await entrer(simple.pin);
      await dialogue.waitFor({ state: 'hidden' });
      await page.getByText(/^3 réponse\(s\) signée\(s\)\./).waitFor();
      expect(saisies).toBe(1);
      await capturer(page, 'signature-pin-simple');

      // Qualified card: the PIN for each signature, the dialog back at once for the next one.
      await connecter(harnais, qualifiee.label, qualifiee.pin);
      await preparer(harnais, NOMS.slice(3, 6));
      await page.getByRole('tab', { name: 'Réponses (3 à signer)' }).click();
      saisies = 0;
      await page.getByRole('button', { name: 'Signer les 3 réponses' }).click();
      for (const n of [1, 2, 3]) {
        await dialogue.getByText(`pour la signature ${n} sur 3`, { exact: false }).waitFor();
        if (n === 2) {
          // behind the modal dialog (hidden from the accessibility tree meanwhile)
          await page
            .getByRole('progressbar', { name: 'Lot de signature : signature 2 sur 3', includeHidden: true })
            .waitFor({ state: 'attached' });
          await verifierAccessibilite(page, 'PIN pour chaque signature');
          await capturer(page, 'signature-pin-par-signature');
        }
        // the dialog stays for the next document: it never closed in between
        expect(await dialogue.isVisible()).toBe(true);
        await entrer(qualifiee.pin);
      }
      await dialogue.waitFor({ state: 'hidden' });
      await page.getByText(/^3 réponse\(s\) signée\(s\)\. Code PIN saisi 3 fois/).waitFor();
      expect(saisies).toBe(3);
      const signes = await appelerApi<{ etat: string; certificat: string }[]>(harnais, 'signature.lister', {
        etat: 'signe',
      });
      expect(signes).toHaveLength(6);
      // Sent with "Mettre à jour": the sandbox accepts the six, whichever card signed them.
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.getByText('6 réponse(s) acceptée(s).', { exact: false }).first().waitFor();
      const envoyees = page.getByRole('table', { name: 'Réponses signées et envoyées' });
      await expect.poll(() => envoyees.getByText(/^Accusé AR-/).count()).toBe(6);
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 15_000 });

      // A wrong PIN stops the batch: what is signed stays, what remains is said.
      await preparer(harnais, NOMS.slice(6, 8));
      await page.getByRole('tab', { name: 'Réponses (2 à signer)' }).click();
      await page.getByRole('button', { name: 'Signer les 2 réponses' }).click();
      await dialogue.getByText('pour la signature 1 sur 2', { exact: false }).waitFor();
      await saisir(page, qualifiee.pin);
      await dialogue.getByText('pour la signature 2 sur 2', { exact: false }).waitFor();
      await saisir(page, '000000');
      await dialogue.waitFor({ state: 'hidden' });
      const compteRendu = page.getByText(
        /^1 réponse\(s\) signée\(s\), 1 toujours à signer\. Lot interrompu : Code PIN incorrect\./,
      );
      await compteRendu.waitFor();
      await page.getByRole('tab', { name: 'Réponses (1 à signer)' }).waitFor();
      await verifierAccessibilite(page, 'Lot arrêté par un PIN faux');
      await capturer(page, 'signature-pin-faux');

      // The tries left are said before the next entry (SoftHSM2 flags the count low).
      await page.getByRole('button', { name: 'Signer la réponse' }).click();
      await dialogue.getByText(/Peu d’essais restants/).waitFor();
      await verifierAccessibilite(page, 'Essais restants avant la saisie');
      await capturer(page, 'signature-pin-essais-restants');
      await page.keyboard.press('Escape');
      await dialogue.waitFor({ state: 'hidden' });
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});
