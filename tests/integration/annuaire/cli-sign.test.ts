import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registreCli } from '../../support/cli';
import { appAvecCartes, reponseXml, type AppCartes } from '../signature/outils';
import { annuaireAvecAgent, PREMIERE_OFFICIERE } from './outils';

/**
 * `registre sign` applies the app's right to sign (the same wiring, electron/annuaire
 * brancherAnnuaire): with SoftHSM2 cards and a register whose directory was built through the
 * contract, as the card manager does it on screen. A refusal names its check, comes before the
 * PIN, writes nothing, and exits with code 5; without a directory the command signs as before.
 */
let t: AppCartes;
let base: string;
let vide: string;

/** `registre sign` of reponse.xml with the card `label`, its PIN given only when `pin` is. */
function signer(label: string, sortie: string, options: { pin?: string; db?: string | null; env?: object } = {}) {
  const db = options.db === undefined ? base : options.db;
  return registreCli(
    t.app.contexte.dossierDonnees,
    [
      'sign',
      '--in',
      'reponse.xml',
      '--out',
      sortie,
      '--carte',
      label,
      '--bibliotheque',
      t.cartes.bibliotheque,
      ...(db ? ['--db', db] : []),
    ],
    {
      SOFTHSM2_CONF: t.cartes.conf,
      REGISTRE_DONNEES: vide,
      ...(options.pin ? { REGISTRE_PIN: options.pin } : {}),
      ...options.env,
    },
  );
}

const ecrit = (sortie: string) => fs.existsSync(path.join(t.app.contexte.dossierDonnees, sortie));

async function connecter(carte: 'officier' | 'agent') {
  const c = t.cartes.cartes[carte];
  await t.appeler('carte.connecter', { jetonId: await t.jetonId(c.label), pin: c.pin });
}

beforeAll(async () => {
  t = await appAvecCartes();
  base = path.join(t.app.contexte.dossierDonnees, 'registre.db');
  vide = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-sans-base-'));
  fs.writeFileSync(path.join(t.app.contexte.dossierDonnees, 'reponse.xml'), reponseXml(11));
});
afterAll(() => {
  t?.detruire();
  if (vide) fs.rmSync(vide, { recursive: true, force: true });
});

describe('registre sign et l’annuaire des agents', () => {
  it('sans annuaire (premier démarrage) : signe comme avant, et dit que le droit n’a pas été vérifié', async () => {
    const r = await signer(t.cartes.cartes.officier.label, 'premier.xml', { pin: t.cartes.cartes.officier.pin });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Document signé : .*premier\.xml \(certificat de Jeanne MARTIN\)/);
    expect(r.stdout).toContain('Droit de signer non vérifié : la base');
    expect(r.stdout).toContain('n’a pas encore d’annuaire des agents (premier démarrage)');
    // no database at all (none given, none in the data folder): as before too
    const sansBase = await signer(t.cartes.cartes.officier.label, 'sans-base.xml', {
      pin: t.cartes.cartes.officier.pin,
      db: null,
    });
    expect(sansBase.code).toBe(0);
    expect(sansBase.stdout).toContain('Droit de signer non vérifié : aucune base de Registre trouvée (précisez --db)');
    // the agent card, without a signature certificate, is refused by the card itself: code 1, as before
    const agent = await signer(t.cartes.cartes.agent.label, 'agent-avant.xml', { pin: t.cartes.cartes.agent.pin });
    expect(agent.code).toBe(1);
    expect(agent.stderr).toMatch(/ne porte pas de certificat de signature/);
  });

  it('une base introuvable donnée par --db : code 1, rien d’écrit', async () => {
    const r = await signer(t.cartes.cartes.officier.label, 'x.xml', { db: path.join(vide, 'absente.db') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^registre : Base de données introuvable/);
    expect(ecrit('x.xml')).toBe(false);
  });

  it('avec l’annuaire : l’officier délégué signe ; l’agent, la carte révoquée et la carte inconnue sont refusés avant le PIN (code 5)', async () => {
    await connecter('officier');
    await annuaireAvecAgent(t);
    const petit = await t.appeler('annuaire.enregistrerAgent', {
      nom: 'PETIT',
      prenoms: 'Marc',
      dateNaissance: '1985-06-20',
      fonction: 'Agent',
      email: null,
    });
    const carte = await t.appeler('annuaire.enregistrerCarte', {
      agentId: petit.id,
      jetonId: await t.jetonId(t.cartes.cartes.officierEc.label),
    });
    await t.appeler('annuaire.changerEtatCarte', { carteId: carte.id, action: 'revoquer', motif: 'vol' });
    await t.appeler('carte.deconnecter', {});

    const ok = await signer(t.cartes.cartes.officier.label, 'officier.xml', { pin: t.cartes.cartes.officier.pin });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Droit de signer vérifié dans l’annuaire des agents \(.*registre\.db\) : Jeanne MARTIN/);

    // No PIN is given to the refused ones: without the check before it, they would fail asking for it.
    const agent = await signer(t.cartes.cartes.agent.label, 'agent.xml');
    expect(agent).toMatchObject({ code: 5, stdout: '' });
    expect(agent.stderr).toBe(
      'registre : Signature non autorisée : Paul DURAND n’est pas officier de l’état civil : il prépare les réponses, un officier délégué les signe\n',
    );
    const revoquee = await signer(t.cartes.cartes.officierEc.label, 'revoquee.xml');
    expect(revoquee.code).toBe(5);
    expect(revoquee.stderr).toMatch(
      /non autorisée : cette carte est révoquée \(vol\) : elle ne peut plus ouvrir de session/,
    );
    const inconnue = await signer(t.cartes.cartes.expiree.label, 'inconnue.xml');
    expect(inconnue.code).toBe(5);
    expect(inconnue.stderr).toBe(
      'registre : Carte inconnue de l’annuaire : demandez au responsable cartes de l’enregistrer.\n',
    );
    for (const f of ['agent.xml', 'revoquee.xml', 'inconnue.xml']) expect(ecrit(f)).toBe(false);

    // Without --db, the app's own database (its data folder): the same directory, the same refusal.
    const parDefaut = await signer(t.cartes.cartes.agent.label, 'agent-defaut.xml', {
      db: null,
      env: { REGISTRE_DONNEES: t.app.contexte.dossierDonnees },
    });
    expect(parDefaut.code).toBe(5);
    expect(parDefaut.stderr).toMatch(/Paul DURAND n’est pas officier/);
  });

  it('la délégation de l’officier a pris fin : refusée, contrôle nommé, rien d’écrit ; rendue, il signe de nouveau', async () => {
    await connecter('officier');
    const martin = (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === 'MARTIN')!;
    const roles = ['officier', 'responsable_cartes'] as const;
    await t.appeler('annuaire.definirRoles', {
      agentId: martin.id,
      roles: [...roles],
      delegation: { ...PREMIERE_OFFICIERE.delegation, fin: '2026-01-31' },
    });
    await t.appeler('carte.deconnecter', {});
    const r = await signer(t.cartes.cartes.officier.label, 'fin.xml', { pin: t.cartes.cartes.officier.pin });
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('registre : Signature non autorisée : la délégation (A-2026-03) a pris fin le 2026-01-31\n');
    expect(ecrit('fin.xml')).toBe(false);

    await connecter('officier');
    await t.appeler('annuaire.definirRoles', {
      agentId: martin.id,
      roles: [...roles],
      delegation: { ...PREMIERE_OFFICIERE.delegation },
    });
    await t.appeler('carte.deconnecter', {});
    const encore = await signer(t.cartes.cartes.officier.label, 'rendue.xml', { pin: t.cartes.cartes.officier.pin });
    expect(encore.code).toBe(0);
    expect(ecrit('rendue.xml')).toBe(true);
  });
});
