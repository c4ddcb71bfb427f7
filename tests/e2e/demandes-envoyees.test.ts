import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlateformeDemarree } from '../../sandbox';
import type { CartesTest } from '../fixtures/cartes/provisionner';
import { jourParisPlus } from '../../shared/domain/echeances';
import { pdftotext } from '../support/texte-pdf';
import { demonterBancOfficier, monterBancOfficier } from './bac-a-sable';
import { appelerApi, capturer, contenuTelecharge, ouvrirSession, verifierAccessibilite } from './outils-ui';
import { preparerPosteOfficier } from './poste-officier';

/**
 * Requests sent to another commune, in Chromium, through the harness, against the sandbox
 * platform with a SoftHSM2 officer card: the officer writes a request for a marriage file (a
 * refusal keeps everything typed, each reason under its field), signs it in the batch with the
 * card's PIN, sends it with "Mettre à jour"; the sandbox's simulated commune (Toulouse) answers
 * with a signed answer; the next sync brings it, verified; it is read as an extract with what the
 * verification established, printed, saved as PDF (pdftotext reads it). An answer altered after
 * its signature is quarantined with its reason and never offered for reading.
 */
let dossier: string;
let cartes: CartesTest;
let plateforme: PlateformeDemarree;

beforeAll(async () => {
  ({ dossier, cartes, plateforme } = await monterBancOfficier('e2e-envoyees-'));
});
afterAll(() => demonterBancOfficier({ dossier, plateforme }));

/** A Paris calendar day `n` days from now, as typed (jj/mm/aaaa) and as stored (aaaa-mm-jj). */
function jour(n: number) {
  // Paris, as the app counts: a UTC day would differ from 23:00 to midnight UTC (failure seen in CI).
  const iso = jourParisPlus(new Date(), n);
  return { iso, fr: iso.split('-').reverse().join('/') };
}

describe('Demandes envoyées : écrire, signer, envoyer, lire la réponse vérifiée', () => {
  it('aller-retour complet avec une commune simulée, puis une réponse altérée mise en quarantaine', async () => {
    const session = await ouvrirSession({
      avant: (h) =>
        preparerPosteOfficier(h, {
          cartes,
          urlPlateforme: plateforme.url,
          // The simulated communes' officers are issued by the sandbox's CA: trusted like the agents' one.
          confiancePem: [cartes.caPem, cartes.caAgentsPem, ...plateforme.plateforme.autoritesSimulation()].join('\n'),
        }),
    });
    try {
      const { page } = session;
      await page.keyboard.press('Alt+1');
      await page.getByRole('tab', { name: 'Demandes envoyées' }).click();
      await page.getByText('Aucune demande envoyée').waitFor();
      await verifierAccessibilite(page, 'Demandes envoyées (vide)');

      // Writing: a refusal puts each reason under its field, and keeps everything typed.
      await page.getByRole('button', { name: 'Nouvelle demande à une autre commune' }).click();
      const formulaire = page.getByRole('dialog', { name: 'Nouvelle demande à une autre commune' });
      await formulaire.locator('#envoyee-dateNaissance').fill('02/11/1985');
      await formulaire.locator('#envoyee-nom').fill('Roussel');
      await formulaire.getByRole('button', { name: 'Préparer la demande' }).click();
      await formulaire.getByText('Référence du dossier à renseigner.').waitFor();
      await formulaire.getByText('Choisissez la commune de destination dans la liste.').waitFor();
      await formulaire.getByText('Au moins un prénom de la personne à renseigner.').waitFor();
      await verifierAccessibilite(page, 'Demande à une autre commune (refusée)');
      await capturer(page, 'envoyees-formulaire-refus');
      // Closed and opened again: nothing typed is lost.
      await formulaire.getByRole('button', { name: 'Fermer (la saisie est gardée)' }).click();
      await formulaire.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Nouvelle demande à une autre commune' }).click();
      expect(await formulaire.locator('#envoyee-nom').inputValue()).toBe('Roussel');
      expect(await formulaire.locator('#envoyee-dateNaissance').inputValue()).toBe('02/11/1985');

      const mariage = jour(40);
      await formulaire.locator('#envoyee-commune').fill('Toulouse');
      await page.getByRole('option', { name: /^Toulouse \(31\) — 31555/ }).click();
      await formulaire.locator('#envoyee-reference').fill('MAR-2026-042');
      await formulaire.getByRole('textbox', { name: /^Date du mariage/ }).fill(mariage.fr);
      await formulaire.locator('#envoyee-prenoms').fill('Paul, Marie');
      await formulaire.locator('#envoyee-sexe').selectOption('M');
      await formulaire.locator('#envoyee-lieu').fill('Toulouse');
      await page.getByRole('option', { name: /^Toulouse \(31\) — 31555/ }).click();
      await formulaire.getByRole('textbox', { name: 'Nom du père' }).fill('Roussel');
      await formulaire.getByRole('textbox', { name: 'Prénoms du père' }).fill('Louis');
      await formulaire.getByRole('textbox', { name: 'Nom de la mère' }).fill('Cazals');
      await formulaire.getByRole('textbox', { name: 'Prénoms de la mère' }).fill('Anne');
      await capturer(page, 'envoyees-formulaire');
      await formulaire.getByRole('button', { name: 'Préparer la demande' }).click();
      await formulaire.waitFor({ state: 'hidden' });

      // Signed in the batch with the officer's card, one PIN.
      const aSigner = page.getByRole('table', { name: 'Demandes envoyées à signer' });
      await aSigner.getByText('Paul Marie ROUSSEL, né le 2 novembre 1985').waitFor();
      await aSigner.getByText('Dossier de mariage MAR-2026-042').waitFor();
      await page.getByText('Demande prête à signer').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await verifierAccessibilite(page, 'Demandes envoyées à signer');
      await capturer(page, 'envoyees-a-signer');
      await page.getByRole('button', { name: 'Signer la demande' }).click();
      const pin = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
      await pin.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
      await page.keyboard.press('Enter');
      await pin.waitFor({ state: 'hidden' });
      await page.getByText(/1 demande\(s\) signée\(s\)\./).waitFor();

      // Sent: the platform's receipt, the last day for Toulouse to answer (20 days; the wedding is later).
      const suivi = page.getByRole('table', { name: 'Suivi des demandes envoyées' });
      const ligne = suivi.locator('tbody tr').filter({ hasText: 'MAR-2026-042' });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await ligne.getByText('Reçue par la commune').waitFor();
      await ligne.getByText(/^Accusé AR-/).waitFor();
      await ligne.getByText(`Réponse attendue au plus tard le ${jour(20).fr}`).waitFor();

      // The simulated commune answered at once: the next sync brings its answer, verified.
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 20_000 });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await ligne.getByText('Répondue').waitFor();
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 20_000 });
      await verifierAccessibilite(page, 'Suivi des demandes envoyées');
      await capturer(page, 'envoyees-suivi');
      await ligne.getByRole('button', { name: 'Lire la réponse positive' }).click();
      const reponse = page.getByRole('dialog', { name: /^Réponse reçue : COPIE INTÉGRALE D’ACTE DE NAISSANCE/ });
      await reponse.getByText('Signature vérifiée').waitFor();
      const verification = reponse.getByRole('definition');
      await expect
        .poll(() => verification.allTextContents())
        .toEqual(
          expect.arrayContaining([
            'Officier simulé 31555 (Officier de l etat civil)',
            'MAIRIE-31-TOULOUSE (INSEE 31555), certificat de la commune 31555',
            expect.stringMatching(/^officier de l’état civil délégué/),
          ]),
        );
      const texte = reponse.getByLabel('Texte : COPIE INTÉGRALE D’ACTE DE NAISSANCE');
      expect(await texte.textContent()).toContain('Mairie de Toulouse (31)');
      expect(await texte.textContent()).toContain('Paul Marie ROUSSEL');
      await verifierAccessibilite(page, 'Réponse reçue vérifiée');
      await capturer(page, 'envoyees-reponse');

      // Printed: only the extract (the frame and the dialog's chrome are hidden).
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(false);
      // (the dialog itself is hidden: found by its print mark, not by its role)
      const imprime = page.locator('[data-impression]');
      expect(await imprime.isVisible()).toBe(true);
      expect(await imprime.textContent()).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
      await capturer(page, 'envoyees-impression');
      await page.emulateMedia({ media: 'screen' });

      // Saved as PDF for the marriage file.
      const pdf = await contenuTelecharge(page, () =>
        reponse.getByRole('button', { name: 'Enregistrer en PDF' }).click(),
      );
      expect(pdf.nom).toBe('reponse-acte-de-naissance-MAR-2026-042.pdf');
      const lu = pdftotext(pdf.octets)!.replace(/\s+/g, ' ');
      expect(lu).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
      expect(lu).toContain('Mairie de Toulouse (31)');
      expect(lu).toContain('Paul Marie ROUSSEL');
      expect(lu).toMatch(/signée électroniquement le .* par Officier simulé 31555/);
      expect(lu).toContain('Signature XAdES vérifiée à la réception');
      await reponse.getByRole('button', { name: 'Fermer' }).click();
      await reponse.waitFor({ state: 'hidden' });

      // A second request (PACS), whose answer is altered on the platform after its signature.
      const d = await appelerApi<{ documentSignatureId: number }>(session.harnais, 'demandesEnvoyees.preparer', {
        motif: 'dossier_pacs',
        destinataire: { codeInsee: '31555' },
        reference: 'PACS-2026-007',
        dateProcedure: null,
        typeActe: 'naissance',
        personne: { nom: 'ROUSSEL', prenoms: ['Léa'], sexe: 'F', dateNaissance: '1990-06-02' },
      });
      await appelerApi(session.harnais, 'signature.signerLot', {
        ids: [d.documentSignatureId],
        pin: cartes.cartes.officier.pin,
      });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      const pacs = suivi.locator('tbody tr').filter({ hasText: 'PACS-2026-007' });
      await pacs.getByText('Reçue par la commune').waitFor();
      const p = plateforme.plateforme.db;
      const ligneEmise = p
        .prepare("SELECT id, reponse_xml FROM demandes_emises WHERE reference = 'PACS-2026-007'")
        .get() as {
        id: string;
        reponse_xml: string;
      };
      p.prepare('UPDATE demandes_emises SET reponse_xml = ? WHERE id = ?').run(
        ligneEmise.reponse_xml.replace(/Léa/g, 'Lucie'),
        ligneEmise.id,
      );
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 20_000 });
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await pacs.getByText(/^Réponse refusée \(quarantaine\) le .* : Signature invalide : /).waitFor();
      expect(await pacs.getByText('Reçue par la commune').count()).toBe(1);
      expect(await pacs.getByRole('button', { name: /^Lire la réponse/ }).count()).toBe(0);
      await page.getByText('Mise à jour terminée').first().waitFor({ state: 'hidden', timeout: 20_000 });
      await verifierAccessibilite(page, 'Réponse altérée en quarantaine');
      await capturer(page, 'envoyees-quarantaine');
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
  it('un brouillon se rouvre (Entrée ou « Modifier »), se modifie sur place, se supprime après confirmation', async () => {
    const session = await ouvrirSession({
      avant: (h) =>
        preparerPosteOfficier(h, {
          cartes,
          urlPlateforme: plateforme.url,
          confiancePem: [cartes.caPem, cartes.caAgentsPem].join('\n'),
        }),
    });
    try {
      const { page } = session;
      await appelerApi(session.harnais, 'demandesEnvoyees.preparer', {
        motif: 'dossier_mariage',
        destinataire: { codeInsee: '31555' },
        reference: 'MAR-2026-050',
        dateProcedure: jour(40).iso,
        typeActe: 'naissance',
        personne: { nom: 'Roussel', prenoms: ['Paul', 'Marie'], sexe: 'M', dateNaissance: '1985-11-02' },
        mere: { nom: 'Cazals', prenoms: ['Anne'] },
      });
      await page.keyboard.press('Alt+1');
      await page.getByRole('tab', { name: 'Demandes envoyées' }).click();
      const aSigner = page.getByRole('table', { name: 'Demandes envoyées à signer' });
      const ligne = aSigner.locator('tbody tr').filter({ hasText: 'MAR-2026-050' });
      await ligne.waitFor();

      // Enter on the draft's row: the same form, filled with what was written.
      await ligne.focus();
      await page.keyboard.press('Enter');
      const formulaire = page.getByRole('dialog', { name: 'Modifier la demande MAR-2026-050' });
      await formulaire.waitFor();
      expect(await formulaire.locator('#envoyee-reference').inputValue()).toBe('MAR-2026-050');
      expect(await formulaire.locator('#envoyee-commune').inputValue()).toBe('Toulouse');
      expect(await formulaire.locator('#envoyee-prenoms').inputValue()).toBe('Paul, Marie');
      expect(await formulaire.locator('#envoyee-dateNaissance').inputValue()).toBe('02/11/1985');
      expect(await formulaire.getByRole('textbox', { name: /^Date du mariage/ }).inputValue()).toBe(jour(40).fr);
      expect(await formulaire.getByRole('textbox', { name: 'Nom de la mère' }).inputValue()).toBe('Cazals');
      await verifierAccessibilite(page, 'Brouillon de demande envoyée rouvert');

      // Another commune, another reference: saved in place.
      await formulaire.locator('#envoyee-commune').fill('Bordeaux');
      await page.getByRole('option', { name: /^Bordeaux \(33\) — 33063/ }).click();
      await formulaire.locator('#envoyee-reference').fill('MAR-2026-051');
      await capturer(page, 'envoyees-brouillon-modifie');
      await formulaire.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await formulaire.waitFor({ state: 'hidden' });
      const modifiee = aSigner.locator('tbody tr').filter({ hasText: 'MAR-2026-051' });
      await modifiee.getByText('Bordeaux (33)').waitFor();
      await page.getByText('Brouillon modifié').first().waitFor();
      expect(await aSigner.locator('tbody tr').count()).toBe(1);
      expect(await aSigner.getByText('MAR-2026-050').count()).toBe(0);

      // "Modifier" opens it again, as saved.
      await modifiee.getByRole('button', { name: 'Modifier' }).click();
      const encore = page.getByRole('dialog', { name: 'Modifier la demande MAR-2026-051' });
      expect(await encore.locator('#envoyee-commune').inputValue()).toBe('Bordeaux');
      await encore.getByRole('button', { name: 'Fermer (la saisie est gardée)' }).click();
      await encore.waitFor({ state: 'hidden' });

      // Deleting asks first; kept when the officer changes their mind.
      await page.getByText('Brouillon modifié').first().waitFor({ state: 'hidden', timeout: 15_000 });
      await modifiee.getByRole('button', { name: 'Supprimer le brouillon' }).click();
      const confirmation = page.getByRole('alertdialog', { name: 'Supprimer le brouillon ?' });
      await confirmation.getByText(/MAR-2026-051, demande à Bordeaux : elle ne sera ni signée ni envoyée/).waitFor();
      await verifierAccessibilite(page, 'Confirmation de suppression du brouillon');
      await confirmation.getByRole('button', { name: 'Garder le brouillon' }).click();
      await confirmation.waitFor({ state: 'hidden' });
      // (the page is aria-hidden behind the dialog until it has faded out: polled, not read once)
      await expect.poll(() => aSigner.locator('tbody tr').count()).toBe(1);
      await modifiee.getByRole('button', { name: 'Supprimer le brouillon' }).click();
      await confirmation.getByRole('button', { name: 'Supprimer le brouillon' }).click();
      await confirmation.waitFor({ state: 'hidden' });
      await page.getByText('Aucune demande à signer.').waitFor();
      const suivi = page.getByRole('table', { name: 'Suivi des demandes envoyées' });
      await suivi.locator('tbody tr').filter({ hasText: 'MAR-2026-051' }).getByText('Abandonnée').waitFor();
      expect(await suivi.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
      expect(session.erreursPage).toEqual([]);
    } finally {
      await session.fermer();
    }
  });
});
