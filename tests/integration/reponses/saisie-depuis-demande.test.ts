import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActeSchema } from '../../../shared/domain/acte';
import { preRemplirActe } from '../../../shared/domain/acte-depuis-demande';
import { appelantType, appTemporaire, refuseur } from '../../support/app-temporaire';
import { monterBanc, reglerCommuneEtCarte, type Banc } from '../sync/outils/banc';

/**
 * "Saisir l'acte" through the contract, as the answering dialog and the editor make it: a request
 * the register cannot match (the act is on paper only) is received from the sandbox platform;
 * the act is pre-filled from the declaration, corrected as the paper register says, saved with
 * its origin; matching runs again and gives "sûr", and the positive answer is drafted from the
 * saved act. A request whose act is known only by its number completes that act. A refused save
 * leaves the register as it was.
 */
const app = appTemporaire();
let banc: Banc;

const appeler = appelantType(app);
const refus = refuseur(app);

const AUSSILLON = { commune: 'Aussillon', codeInsee: '81021', departement: '81' };

function declaration(nom: string, prenoms: string[], dateNaissance: string, reference: string) {
  return {
    specimen: false,
    demandeur: { type: 'notaire', libelle: 'Étude de Maître Lefèvre, Castres', reference },
    typeActe: 'naissance',
    personne: { nom, prenoms, sexe: 'F', dateNaissance, lieuNaissance: AUSSILLON },
    pere: { nom, prenoms: ['Wojciech'] },
    mere: { nom: 'LARROQUE', prenoms: ['Anne'] },
  };
}

const demandes: Record<string, { id: number; idPlateforme: string }> = {};
let nonIndexeId = 0;

beforeAll(async () => {
  banc = await monterBanc(path.join(app.dossier, 'banc'));
  await reglerCommuneEtCarte(app, banc);
  await appeler('sync.enregistrerParametres', {
    plateforme: { url: banc.plateforme.url },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
  // The 1996 births register: n° 3 was imported by its number only, never keyed in.
  nonIndexeId = (
    await appeler('registre.enregistrer', {
      acte: ActeSchema.parse({ type: 'naissance', annee: 1996, numero: 3, personnes: [], indexe: false }),
    })
  ).id as number;
  const deposer = async (cle: string, demande: unknown) => {
    const { id } = await banc.admin<{ id: string }>('POST', '/v1/admin/communes/81021/demandes', { demande });
    demandes[cle] = { id: 0, idPlateforme: id };
  };
  await deposer('papier', declaration('ZYGMUNT', ['Ottilie'], '1995-05-05', 'REF-1'));
  await deposer('numero', declaration('KOWALSKA', ['Irena'], '1996-02-11', 'REF-2'));
  const { officier } = banc.cartes.cartes;
  const etat = await appeler('carte.etat', {});
  const jeton = etat.lecteurs.find((l) => l.carte?.label === officier.label)?.carte;
  if (!jeton) throw new Error('carte de l’officier absente');
  await appeler('carte.connecter', { jetonId: jeton.id, pin: officier.pin });
  expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', recues: 2 });
  const liste = await appeler('demandes.lister', { limite: 10 });
  for (const d of Object.values(demandes))
    d.id = liste.demandes.find((x) => x.idPlateforme === d.idPlateforme)?.id as number;
});
afterAll(async () => {
  app.detruire();
  await banc?.arreter();
});

/** What the answering dialog does on "Saisir l'acte": the declaration, and the act to complete if any. */
async function preRemplir(demandeId: number, acteId?: number) {
  const d = await appeler('demandes.lire', { id: demandeId });
  const existant = acteId ? await appeler('registre.lire', { id: acteId }) : null;
  return preRemplirActe({ typeActe: d.typeActe, ...d.declaration }, existant);
}

describe('saisir l’acte depuis une demande', () => {
  it('une demande « aucun » : préremplie, corrigée, enregistrée avec son origine ; « sûr » ensuite et la réponse positive préparée depuis l’acte', async () => {
    const { id, idPlateforme } = demandes.papier;
    const avant = await appeler('reponses.apercu', { demandeId: id });
    expect(avant.rapprochement.issue).toBe('aucun');
    expect(avant.garde.aIndexer).toEqual([]);

    const p = await preRemplir(id);
    expect(p).toMatchObject({ type: 'naissance', annee: 1995, numero: null, dateEvenement: '1995-05-05' });
    expect(p.personnes.map((x) => [x.role, x.nom])).toEqual([
      ['titulaire', 'ZYGMUNT'],
      ['pere', 'ZYGMUNT'],
      ['mere', 'LARROQUE'],
    ]);
    // The officer reads the number and the second given name in the paper register.
    const titulaire = { ...p.personnes[0], prenoms: ['Ottilie', 'Maria'] };
    const acte = ActeSchema.parse({
      ...p,
      numero: 18,
      dateActe: '1995-05-06',
      personnes: [titulaire, ...p.personnes.slice(1)],
    });

    const r = await appeler('reponses.indexerActe', { demandeId: id, acte });
    expect(r.acte).toMatchObject({
      annee: 1995,
      numero: 18,
      indexe: true,
      origine: 'demande',
      demandeOrigine: idPlateforme,
    });
    expect(r.issue).toBe('sur');
    expect(r.sansReponse).toBeNull();
    expect(r.reponse).toMatchObject({
      sens: 'positive',
      etat: 'brouillon',
      forme: 'copie_integrale',
      acte: { acteId: r.acte.id, annee: 1995, numero: 18 },
      horsCandidats: false,
    });
    expect(r.reponse?.texte).toContain('Ottilie Maria ZYGMUNT');

    // The register keeps where the act came from; the request shows the act beside it, and the draft.
    expect(await appeler('registre.lire', { id: r.acte.id as number })).toMatchObject({ demandeOrigine: idPlateforme });
    const apres = await appeler('reponses.apercu', { demandeId: id });
    expect(apres.rapprochement.issue).toBe('sur');
    expect(apres.rapprochement.candidats[0]).toMatchObject({ acteId: r.acte.id });
    expect(apres.reponse?.acte?.acteId).toBe(r.acte.id);
  });

  it('un acte connu par son seul numéro : complété (même acte, même numéro), sa provenance notée, la réponse préparée', async () => {
    const { id, idPlateforme } = demandes.numero;
    const avant = await appeler('reponses.apercu', { demandeId: id });
    expect(avant.rapprochement.issue).toBe('aucun');
    expect(avant.garde.aIndexer.map((a) => a.acteId)).toEqual([nonIndexeId]);
    const total = (await appeler('registre.statistiques', {})).total;

    const p = await preRemplir(id, nonIndexeId);
    expect(p).toMatchObject({ id: nonIndexeId, annee: 1996, numero: 3 });
    const r = await appeler('reponses.indexerActe', { demandeId: id, acte: ActeSchema.parse(p) });
    expect(r.acte).toMatchObject({ id: nonIndexeId, numero: 3, indexe: true, demandeOrigine: idPlateforme });
    expect(r.issue).toBe('sur');
    expect(r.reponse?.acte?.acteId).toBe(nonIndexeId);
    expect((await appeler('registre.statistiques', {})).total).toBe(total);
    expect((await appeler('registre.statistiques', {})).nonIndexes).toBe(0);
  });

  it('une saisie refusée (champ invalide, numéro d’un acte déjà indexé) n’écrit rien et dit pourquoi', async () => {
    const { id } = demandes.papier;
    const p = await preRemplir(id);
    const total = (await appeler('registre.statistiques', {})).total;
    const invalide = await refus('reponses.indexerActe', {
      demandeId: id,
      acte: { ...p, numero: 19, personnes: [{ ...p.personnes[0], nom: '' }, ...p.personnes.slice(1)] },
    });
    expect(invalide.code).toBe('saisie_invalide');
    const conflit = await refus('reponses.indexerActe', { demandeId: id, acte: { ...p, numero: 18 } });
    expect(conflit).toMatchObject({ code: 'conflit' });
    expect(conflit.message).toMatch(/déjà indexé dans le registre/);
    expect((await appeler('registre.statistiques', {})).total).toBe(total);
  });

  it('le même appel par l’éditeur ordinaire ne peut pas se dire indexé depuis une demande', async () => {
    const p = await preRemplir(demandes.papier.id);
    const a = await appeler('registre.enregistrer', {
      acte: ActeSchema.parse({ ...p, numero: 40, origine: 'saisie', demandeOrigine: 'FAUX' }),
    });
    expect(a.demandeOrigine).toBeUndefined();
  });
});
