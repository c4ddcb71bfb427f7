import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateLongue } from '../../../shared/domain/dates';
import { jourParis } from '../../../shared/domain/echeances';
import { pdftotext } from '../../support/texte-pdf';
import { appAvecCartes, type AppCartes } from '../signature/outils';
import { PREMIERE_OFFICIERE } from './outils';

/**
 * The directory's records as the renderer asks for them, on a real SQLite directory and real
 * SoftHSM2 cards, read back with poppler's pdftotext: the handover record names the agent and
 * only the last 4 characters of the identity document's number; the destruction record says
 * when, which card, why and who; the card-fault sheet is filled from the live card session,
 * with or without a directory.
 */
let t: AppCartes;
const aujourdhui = () => dateLongue(jourParis(new Date()));
const NUMERO_PIECE = '19AB 12345';

function texte(r: { pdfBase64: string }): string {
  const octets = Buffer.from(r.pdfBase64, 'base64');
  expect(octets.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const lu = pdftotext(octets);
  if (lu === null) throw new Error('pdftotext (poppler-utils) est requis');
  // -layout keeps columns apart with runs of spaces, and long lines wrap: one space is enough to read
  return lu.replace(/\s+/g, ' ');
}

async function connecter(carte: 'officier' | 'agent') {
  const c = t.cartes.cartes[carte];
  await t.appeler('carte.connecter', { jetonId: await t.jetonId(c.label), pin: c.pin });
}

beforeAll(async () => {
  t = await appAvecCartes({ seulement: ['officier', 'agent'] });
  await t.appeler('parametres.enregistrerCommune', {
    nom: 'Saint-Affrique-les-Montagnes',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@mairie.test',
  });
});
afterAll(() => t?.detruire());

describe('procès-verbaux et fiche de dysfonctionnement en PDF', () => {
  it('sans annuaire, la fiche de dysfonctionnement se remplit depuis la session de carte', async () => {
    await connecter('officier');
    const r = await t.appeler('annuaire.ficheDysfonctionnement', { jetonId: null });
    expect(r.nomFichier).toMatch(/^fiche-dysfonctionnement-carte-\d{4}-\d{2}-\d{2}\.pdf$/);
    const s = texte(r);
    expect(s).toContain('FICHE DE CONTRÔLE D’UNE CARTE EN DYSFONCTIONNEMENT');
    expect(s).toContain('Saint-Affrique-les-Montagnes');
    expect(s).toContain(t.cartes.bibliotheque);
    expect(s).toContain('OFFICIER-0001');
    expect(s).toContain('AGENT-0002'); // the other reader is seen too
    const etat = await t.appeler('carte.etat', {});
    const jeton = etat.lecteurs.find((l) => l.carte?.label === 'OFFICIER-0001')!.carte!;
    expect(s).toContain(`Modèle : ${jeton.modele}`);
    expect(s).toContain(`Numéro de série : ${jeton.serie}`);
    expect(s).toContain('Essais de PIN : plusieurs essais restants');
    for (const c of etat.session!.certificats) {
      expect(s).toContain(`Numéro de série : ${c.serie}`);
      expect(s).toContain(`au ${dateLongue(jourParis(c.fin))} (valide)`);
    }
    expect(s).toContain('Session ouverte : oui');
    expect(s).toContain('inconnu (pas d’annuaire, ou carte non enregistrée)');
  });

  it('le procès-verbal de remise nomme l’agent et seulement les 4 derniers caractères de sa pièce', async () => {
    await t.appeler('annuaire.creer', PREMIERE_OFFICIERE);
    const durand = await t.appeler('annuaire.enregistrerAgent', {
      nom: 'DURAND',
      prenoms: 'Paul Émile',
      dateNaissance: '1990-11-02',
      fonction: 'Agent d’accueil',
      email: null,
    });
    const carte = await t.appeler('annuaire.enregistrerCarte', {
      agentId: durand.id,
      jetonId: await t.jetonId('AGENT-0002'),
      pieceIdentite: { nature: 'passeport', numero: NUMERO_PIECE },
    });
    const r = await t.appeler('annuaire.procesVerbalRemise', { carteId: carte.id });
    expect(r.nomFichier).toBe(`pv-remise-carte-${carte.id}.pdf`);
    const s = texte(r);
    expect(s).toContain('PROCÈS-VERBAL DE REMISE D’UNE CARTE AGENT');
    expect(s).toContain(`Le ${aujourdhui()}, à Saint-Affrique-les-Montagnes`);
    expect(s).toContain('Nom : DURAND');
    expect(s).toContain('Prénoms : Paul Émile');
    expect(s).toContain('Date de naissance : 2 novembre 1990');
    expect(s).toContain('Nature : passeport');
    expect(s).toContain('Numéro : se terminant par 2345');
    expect(s).not.toMatch(/19AB|12345/);
    expect(s).toContain('Remise par : Jeanne MARTIN');
    expect(s).toContain(`numéro de série ${carte.authentification!.serie}`);
    // the two signature boxes
    expect(s).toMatch(/Le titulaire de la carte +Le responsable cartes/);
    expect(s).toMatch(/Paul Émile DURAND +Jeanne MARTIN/);
    // the whole number was never stored, nor is any name in the file's metadata
    const brut = Buffer.from(r.pdfBase64, 'base64').toString('latin1');
    expect(brut).not.toMatch(/DURAND|12345/);
  });

  it('le procès-verbal de remise de la première carte, sans pièce notée, laisse la pièce à remplir', async () => {
    const martin = (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === 'MARTIN')!;
    const s = texte(await t.appeler('annuaire.procesVerbalRemise', { carteId: martin.cartes[0].id }));
    expect(s).toContain('Nom : MARTIN');
    expect(s).toMatch(/Nature : …+/);
  });

  it('le procès-verbal de destruction : date, carte, motif, qui ; refusé pour une carte en service', async () => {
    const durand = (await t.appeler('annuaire.listerAgents', {})).find((a) => a.nom === 'DURAND')!;
    const carteId = durand.cartes[0].id;
    await expect(t.appeler('annuaire.procesVerbalDestruction', { carteId })).rejects.toMatchObject({
      code: 'conflit',
      message: expect.stringContaining('elle ne se détruit pas'),
    });
    await t.appeler('annuaire.changerEtatCarte', { carteId, action: 'revoquer', motif: 'casse' });
    const r = await t.appeler('annuaire.procesVerbalDestruction', { carteId });
    expect(r.nomFichier).toBe(`pv-destruction-carte-${carteId}-${jourParis(new Date())}.pdf`);
    const s = texte(r);
    expect(s).toContain('PROCÈS-VERBAL DE DESTRUCTION D’UNE CARTE AGENT');
    expect(s).toContain(`Date : ${aujourdhui()}`);
    expect(s).toContain(`Carte n° : ${carteId}`);
    expect(s).toContain('Motif : carte révoquée (casse)');
    expect(s).toContain('Détruite par : Jeanne MARTIN');
    expect(s).toContain('Nom : DURAND');
    expect(s).not.toMatch(/2345/); // the identity document belongs to the handover only
  });

  it('avec l’annuaire, la fiche d’une carte présente nomme son titulaire, lue sans PIN', async () => {
    const s = texte(await t.appeler('annuaire.ficheDysfonctionnement', { jetonId: await t.jetonId('AGENT-0002') }));
    expect(s).toContain('Étiquette : AGENT-0002');
    expect(s).toContain('Titulaire selon l’annuaire : Paul Émile DURAND');
    expect(s).toContain('Session ouverte : non');
    expect(s).toContain('Certificat (authentification)');
    await expect(t.appeler('annuaire.ficheDysfonctionnement', { jetonId: 'absent' })).rejects.toMatchObject({
      code: 'introuvable',
    });
  });
});
