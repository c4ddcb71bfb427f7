import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provisionnerCartes, type CartesTest } from '../fixtures/cartes/provisionner';
import { pdftotext } from '../support/texte-pdf';
import {
  appelerApi,
  capturer,
  contenuTelecharge,
  ouvrirSession,
  renseignerCommuneParApi,
  verifierAccessibilite,
  type Session,
} from './outils-ui';

// The harness child inherits SOFTHSM2_CONF and REGISTRE_PKCS11: it sees the same SoftHSM2 test cards.
let dossier: string;
let cartes: CartesTest;
beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-annuaire-'));
  cartes = await provisionnerCartes(dossier, { seulement: ['officier', 'agent'] });
  process.env.REGISTRE_PKCS11 = cartes.bibliotheque;
});
afterAll(() => {
  delete process.env.REGISTRE_PKCS11;
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe('Cartes : l’annuaire des agents dans l’interface', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.fermer();
    session = undefined;
  });

  it('le premier officier crée l’annuaire, ajoute un agent, enregistre sa carte (PV de remise) puis la révoque (PV de destruction)', async () => {
    session = await ouvrirSession({
      avant: async (h) => {
        await renseignerCommuneParApi(h);
        await appelerApi(h, 'carte.enregistrerParametres', { confiancePem: cartes.caPem });
      },
    });
    const { page, harnais } = session;
    await page.keyboard.press('Alt+3');
    const officier = page.getByRole('listitem').filter({ hasText: 'Carte OFFICIER-0001' });
    await officier.getByRole('button', { name: 'Ouvrir une session' }).click();
    const dialogue = page.getByRole('alertdialog', { name: 'Code PIN de la carte' });
    await dialogue.getByLabel('Code PIN').fill(cartes.cartes.officier.pin);
    await page.keyboard.press('Enter');
    await officier.getByText('Session ouverte').waitFor();

    // First start: the officer's card session proposes to create the directory.
    await page.getByText(/L’annuaire des agents n’existe pas encore/).waitFor();
    await page.getByRole('button', { name: 'Créer l’annuaire' }).click();
    expect(await page.getByRole('tab', { name: 'Agents et droits' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText(/L’annuaire des agents n’existe pas encore : créez-le/).waitFor();
    const creation = page.getByRole('region', { name: 'Créer l’annuaire' });
    await creation.getByLabel('Nom (comme sur la pièce d’identité)').fill('MARTIN');
    await creation.getByLabel('Prénoms').fill('Jeanne');
    await creation.getByLabel('Date de naissance').fill('14/03/1968');
    await creation.getByLabel('Fonction').fill('Maire');
    await creation.getByLabel('Date de l’arrêté').fill('05/01/2026');
    await creation.getByLabel('Référence de l’arrêté').fill('PV-2026-01');
    await verifierAccessibilite(page, 'Créer l’annuaire');
    await creation.getByRole('button', { name: 'Créer l’annuaire' }).click();
    await page.getByText('Au clavier : Jeanne MARTIN').waitFor();
    const agents = page.getByRole('table', { name: 'Agents de l’annuaire' });
    await agents
      .getByRole('row')
      .filter({ hasText: 'Jeanne MARTIN' })
      .getByText('Officier de l’état civil, Responsable cartes')
      .waitFor();

    // An agent, keyboard only: the form's fields in order, Enter on the button.
    const ajout = page.getByRole('region', { name: 'Ajouter un agent' });
    await ajout.getByLabel('Nom (comme sur la pièce d’identité)').fill('DURAND');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Paul');
    await page.keyboard.press('Tab');
    await page.keyboard.type('02/11/1990');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Agent d’accueil');
    await ajout.getByRole('button', { name: 'Ajouter l’agent' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Paul DURAND ajouté à l’annuaire, avec le rôle d’agent.').waitFor();
    await agents.getByRole('row').filter({ hasText: 'Paul DURAND' }).waitFor();
    await verifierAccessibilite(page, 'Agents et droits');
    await capturer(page, 'annuaire-agents');

    // His rights: made an officer, the arrêté's fields appear; the row and the journal say it.
    await page.getByRole('button', { name: 'Droits de Paul DURAND' }).click();
    const droits = page.getByRole('region', { name: 'Droits de Paul DURAND' });
    await droits.getByRole('checkbox', { name: 'Officier de l’état civil' }).check();
    await droits.getByLabel('Date de l’arrêté').fill('01/02/2026');
    await droits.getByLabel('Référence de l’arrêté').fill('A-2026-07');
    await verifierAccessibilite(page, 'Droits d’un agent');
    await droits.getByRole('button', { name: 'Enregistrer les droits' }).click();
    await page.getByText('Droits de Paul DURAND enregistrés.').waitFor();
    await agents
      .getByRole('row')
      .filter({ hasText: 'Paul DURAND' })
      .getByText('Agent délégué, arrêté A-2026-07 du 01/02/2026')
      .waitFor();
    await page
      .getByRole('list', { name: 'Journal des droits' })
      .getByText(/Rôles : agent → officier de l’état civil, agent/)
      .waitFor();

    // His card, read from the reader without its PIN, then revoked.
    await page.getByRole('tab', { name: 'Cartes des agents' }).click();
    const remise = page.getByRole('region', { name: 'Enregistrer une carte remise' });
    await remise.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'Paul DURAND' });
    const options = await remise
      .getByRole('combobox', { name: 'Carte dans le lecteur' })
      .locator('option')
      .allTextContents();
    const agent = options.findIndex((o) => o.startsWith('AGENT-0002'));
    await remise.getByRole('combobox', { name: 'Carte dans le lecteur' }).selectOption({ index: agent });
    await remise.getByRole('combobox', { name: 'Pièce d’identité présentée' }).selectOption({ label: 'passeport' });
    await remise.getByLabel('Numéro de la pièce').fill('19AB12345');
    await remise.getByRole('button', { name: 'Enregistrer la carte' }).click();
    const tableCartes = page.getByRole('table', { name: 'Cartes des agents' });
    const ligne = tableCartes.getByRole('row').filter({ hasText: 'Paul DURAND' });
    await ligne.getByText('remise à son titulaire').waitFor();
    await verifierAccessibilite(page, 'Cartes des agents');

    // The handover record, saved like an extract: the agent, and only the number's last 4 characters.
    const pvRemise = await contenuTelecharge(page, () =>
      ligne.getByRole('button', { name: /Procès-verbal de remise/ }).click(),
    );
    expect(pvRemise.nom).toMatch(/^pv-remise-carte-\d+\.pdf$/);
    const texteRemise = pdftotext(pvRemise.octets)!.replace(/\s+/g, ' ');
    expect(texteRemise).toContain('PROCÈS-VERBAL DE REMISE D’UNE CARTE AGENT');
    expect(texteRemise).toContain('Nom : DURAND');
    expect(texteRemise).toContain('Numéro : se terminant par 2345');
    expect(texteRemise).not.toContain('19AB');

    const etape = page.getByRole('region', { name: 'Étape de la vie d’une carte' });
    const carteOptions = await etape.getByRole('combobox', { name: 'Carte' }).locator('option').allTextContents();
    await etape
      .getByRole('combobox', { name: 'Carte' })
      .selectOption({ index: carteOptions.findIndex((o) => o.includes('Paul DURAND')) });
    await etape.getByRole('combobox', { name: 'Étape' }).selectOption({ label: 'Révoquer' });
    await etape.getByRole('combobox', { name: 'Motif de la révocation' }).selectOption({ label: 'perte' });
    await etape.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await ligne.getByText('révoquée (perte)').waitFor();
    const pvDestruction = await contenuTelecharge(page, () =>
      ligne.getByRole('button', { name: /Procès-verbal de destruction/ }).click(),
    );
    expect(pdftotext(pvDestruction.octets)!.replace(/\s+/g, ' ')).toContain('Motif : carte révoquée (perte)');
    await capturer(page, 'annuaire-cartes');

    // The revoked card no longer opens a session: said next to it, before any PIN is asked.
    await page.getByRole('tab', { name: 'Ma carte' }).click();
    const carteAgent = page.getByRole('listitem').filter({ hasText: 'Carte AGENT-0002' });
    await carteAgent.getByRole('button', { name: 'Ouvrir une session' }).click();
    await carteAgent
      .getByText('Session non autorisée : cette carte est révoquée (perte) : elle ne peut plus ouvrir de session')
      .waitFor();
    expect(await page.getByRole('alertdialog', { name: 'Code PIN de la carte' }).count()).toBe(0);
    await verifierAccessibilite(page, 'Carte révoquée');
    const etat = await appelerApi<{ lecteurs: { carte: { id: string; label: string } | null }[] }>(
      harnais,
      'carte.etat',
      {},
    );
    const jetonId = etat.lecteurs.find((l) => l.carte?.label === 'AGENT-0002')!.carte!.id;
    await expect(appelerApi(harnais, 'carte.connecter', { jetonId, pin: cartes.cartes.agent.pin })).rejects.toThrow(
      /révoquée/,
    );
    const journal = await appelerApi<{ quoi: string }[]>(harnais, 'annuaire.journal', { limite: 1 });
    expect(journal[0].quoi).toMatch(/révoquée \(perte\)/);

    // The session ends while typing: the directory's editing locks at once, what was typed stays.
    await page.getByRole('tab', { name: 'Agents et droits' }).click();
    const nom = page
      .getByRole('region', { name: 'Ajouter un agent' })
      .getByLabel('Nom (comme sur la pièce d’identité)');
    await nom.fill('BERNARD');
    await appelerApi(harnais, 'carte.deconnecter', {});
    await page.getByText(/Sans session de carte, l’annuaire se consulte/).waitFor();
    expect(await page.getByRole('button', { name: 'Ajouter l’agent' }).isDisabled()).toBe(true);
    expect(await nom.inputValue()).toBe('BERNARD');
    expect(session.erreursPage).toEqual([]);
  });
});
