import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireReponse } from '../../../electron/comedec/format';
import { appelantType, appTemporaire, refuseur } from '../../support/app-temporaire';
import { monterBanc, reglerCommuneEtCarte, type Banc } from '../sync/outils/banc';

/**
 * Answering requests through the contract, as the screens will: the sandbox platform over HTTP,
 * a SoftHSM2 officer card, a real SQLite register. Requests arrive; a "sûr" one is answered
 * positively from the register's act; a negative answer meets the guard (a candidate exists)
 * and is confirmed in the card holder's name; a specimen is answered and marked (never counted); the batch is
 * signed with one PIN and sent; the receipts come back to the requests. Then an answer to a
 * request the platform has purged comes back rejected, with its reason in French.
 */
const app = appTemporaire();
let banc: Banc;

const appeler = appelantType(app);
const refus = refuseur(app);

const AUSSILLON = { commune: 'Aussillon', codeInsee: '81021', departement: '81' };

const acteA = {
  type: 'naissance' as const,
  annee: 1987,
  numero: 42,
  dateActe: '1987-03-13',
  dateEvenement: '1987-03-12',
  lieuEvenement: AUSSILLON,
  personnes: [
    {
      role: 'titulaire' as const,
      nom: 'NDIAYE',
      prenoms: ['Marie-Hélène', 'Zoé'],
      sexe: 'F' as const,
      dateNaissance: '1987-03-12',
      lieuNaissance: AUSSILLON,
    },
    { role: 'pere' as const, nom: 'NDIAYE', prenoms: ['Amadou'], sexe: 'M' as const, profession: 'maçon' },
    { role: 'mere' as const, nom: 'CAZALS', prenoms: ['Françoise'], sexe: 'F' as const, profession: 'institutrice' },
  ],
  mentions: [
    { type: 'mariage' as const, date: '2012-06-30', texte: 'Mariée à Castres le 30 juin 2012 avec Louis ROUSSEL.' },
  ],
};

const acteB = {
  type: 'naissance' as const,
  annee: 1992,
  numero: 7,
  dateActe: '1992-10-02',
  dateEvenement: '1992-10-01',
  lieuEvenement: AUSSILLON,
  personnes: [
    {
      role: 'titulaire' as const,
      nom: 'FABRE',
      prenoms: ['Julien'],
      sexe: 'M' as const,
      dateNaissance: '1992-10-01',
      lieuNaissance: AUSSILLON,
    },
    { role: 'pere' as const, nom: 'FABRE', prenoms: ['Michel'], sexe: 'M' as const },
    { role: 'mere' as const, nom: 'ESCANDE', prenoms: ['Odile'], sexe: 'F' as const },
  ],
  mentions: [],
};

type Acte = typeof acteA | typeof acteB;

/** A request as a citizen declared it, for one of the acts above (or for someone absent). */
function declaration(acte: Acte, demandeur: 'notaire' | 'interieur', specimen = false, nom?: string) {
  const [titulaire, pere, mere] = acte.personnes;
  return {
    specimen,
    demandeur: {
      type: demandeur,
      libelle: demandeur === 'notaire' ? 'Étude de Maître Lefèvre, Castres' : 'Préfecture du Tarn',
      reference: `REF-${acte.numero}-${nom ?? 'x'}`,
    },
    typeActe: 'naissance',
    personne: {
      nom: nom ?? titulaire.nom,
      prenoms: titulaire.prenoms,
      sexe: titulaire.sexe,
      dateNaissance: titulaire.dateNaissance,
      lieuNaissance: AUSSILLON,
    },
    pere: { nom: pere.nom, prenoms: pere.prenoms },
    mere: { nom: mere.nom, prenoms: mere.prenoms },
  };
}

const demandeIds: Record<string, number> = {};
const evenements: [string, unknown][] = [];
let acteIdA = 0;
let acteIdB = 0;

beforeAll(async () => {
  banc = await monterBanc(path.join(app.dossier, 'banc'));
  app.bus.abonner((nom, charge) => evenements.push([nom, charge]));
  await reglerCommuneEtCarte(app, banc);
  await appeler('sync.enregistrerParametres', {
    plateforme: { url: banc.plateforme.url },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
  acteIdA = (await appeler('registre.enregistrer', { acte: acteA })).id as number;
  acteIdB = (await appeler('registre.enregistrer', { acte: acteB })).id as number;
  const deposer = async (cle: string, demande: unknown) => {
    const { id } = await banc.admin<{ id: string }>('POST', '/v1/admin/communes/81021/demandes', { demande });
    return [cle, id] as const;
  };
  const plateforme = Object.fromEntries([
    await deposer('sure', declaration(acteA, 'notaire')),
    await deposer('candidat', declaration(acteB, 'interieur')),
    await deposer('specimen', declaration(acteA, 'interieur', true)),
    // someone the register does not hold: a negative answer with nothing to confirm
    await deposer('purgee', {
      ...declaration(acteB, 'notaire', false, 'ZYGMUNT'),
      personne: {
        nom: 'ZYGMUNT',
        prenoms: ['Ottilie'],
        sexe: 'F',
        dateNaissance: '1995-05-05',
        lieuNaissance: AUSSILLON,
      },
      pere: { nom: 'ZYGMUNT', prenoms: ['Wojciech'] },
      mere: { nom: 'LARROQUE', prenoms: ['Anne'] },
    }),
  ]) as Record<string, string>;
  await connecter();
  expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', recues: 4 });
  const { demandes } = await appeler('demandes.lister', { limite: 10 });
  for (const [cle, idPlateforme] of Object.entries(plateforme))
    demandeIds[cle] = demandes.find((d) => d.idPlateforme === idPlateforme)?.id as number;
});
afterAll(async () => {
  app.detruire();
  await banc?.arreter();
});

async function connecter() {
  const { officier } = banc.cartes.cartes;
  const etat = await appeler('carte.etat', {});
  const jeton = etat.lecteurs.find((l) => l.carte?.label === officier.label)?.carte;
  if (!jeton) throw new Error('carte de l’officier absente');
  await appeler('carte.connecter', { jetonId: jeton.id, pin: officier.pin });
}

describe('répondre aux demandes, de la réception à l’accusé de réception', () => {
  it('une demande « sûre » : réponse positive rédigée depuis l’acte, copie intégrale pour le notaire, mentions comprises', async () => {
    const apercu = await appeler('reponses.apercu', { demandeId: demandeIds.sure });
    expect(apercu.rapprochement.issue).toBe('sur');
    expect(apercu.rapprochement.candidats[0]).toMatchObject({
      acteId: acteIdA,
      designation: 'acte de naissance n° 42 de 1987 (Marie-Hélène Zoé NDIAYE)',
    });
    expect(apercu.formeAttendue).toBe('copie_integrale');

    const r = await appeler('reponses.preparerPositive', {
      demandeId: demandeIds.sure,
      acteId: apercu.rapprochement.candidats[0].acteId,
    });
    expect(r).toMatchObject({ etat: 'brouillon', sens: 'positive', forme: 'copie_integrale', specimen: false });
    expect(r.prepareePar).toContain(banc.cartes.cartes.officier.titulaire.nom);
    const lue = lireReponse(r.xml);
    if (lue.resultat.nature !== 'positive') throw new Error('positive attendue');
    expect(lue.resultat.acte).toMatchObject({ annee: 1987, numero: 42 });
    expect(lue.resultat.acte.mentions).toEqual([
      { type: 'mariage', date: '2012-06-30', texte: acteA.mentions[0].texte },
    ]);
    expect(lue.resultat.acte.personnes.find((p) => p.role === 'mere')?.profession).toBe('institutrice');
    expect(r.texte).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
    expect(r.texte).toContain('Mariée à Castres');
    expect(r.differences.every((c) => c.verdict === 'identique' || c.verdict === 'absent')).toBe(true);
    expect(evenements).toContainEqual(['reponses.modifiees', { demandeIds: [demandeIds.sure] }]);
  });

  it('une réponse négative alors que le registre tient un candidat : la garde le nomme, la confirmation est enregistrée au nom de l’officier', async () => {
    const e = await refus('reponses.preparerNegative', { demandeId: demandeIds.candidat, motif: 'acte_non_detenu' });
    expect(e.code).toBe('confirmation_requise');
    expect(e.message).toContain('acte de naissance n° 7 de 1992 (Julien FABRE)');
    expect(e.details).toMatchObject({ candidats: [{ acteId: acteIdB, type: 'naissance', annee: 1992, numero: 7 }] });

    const r = await appeler('reponses.preparerNegative', {
      demandeId: demandeIds.candidat,
      motif: 'acte_non_detenu',
      commentaire: 'Homonyme : la personne est née à Mazamet.',
      confirmation: { acteIds: [acteIdB] },
    });
    expect(r).toMatchObject({ sens: 'negative', motif: 'acte_non_detenu', etat: 'brouillon' });
    expect(r.confirmations).toEqual([
      expect.objectContaining({
        acteId: acteIdB,
        designation: 'acte de naissance n° 7 de 1992 (Julien FABRE)',
        confirmeePar: expect.stringContaining(banc.cartes.cartes.officier.titulaire.nom),
      }),
    ]);
    expect(r.texte).toContain('Commentaire : Homonyme');
  });

  it('une demande spécimen se répond de même, marquée comme telle (extrait avec filiation pour l’Intérieur)', async () => {
    const r = await appeler('reponses.preparerPositive', { demandeId: demandeIds.specimen, acteId: acteIdA });
    expect(r).toMatchObject({ specimen: true, forme: 'extrait_avec_filiation' });
    expect(r.texte.split('\n')[0]).toMatch(/^DEMANDE SPÉCIMEN/);
    expect(r.texte).not.toContain('institutrice');
  });

  it('les trois brouillons attendent la signature avec qui les a préparés ; un seul PIN signe le lot ; figés ensuite', async () => {
    const aSigner = await appeler('reponses.lister', { etats: ['brouillon'] });
    expect(aSigner.map((r) => r.demandeId).sort()).toEqual(
      [demandeIds.sure, demandeIds.candidat, demandeIds.specimen].sort(),
    );
    expect(aSigner.every((r) => r.prepareePar?.includes(banc.cartes.cartes.officier.titulaire.nom))).toBe(true);

    const lot = await appeler('signature.signerLot', {
      ids: aSigner.map((r) => r.documentSignatureId as number),
      pin: banc.cartes.cartes.officier.pin,
    });
    expect(lot).toMatchObject({ total: 3, signes: 3, echecs: 0, interrompu: false });

    const e = await refus('reponses.modifier', {
      demandeId: demandeIds.sure,
      reponse: { sens: 'negative', motif: 'acte_non_detenu', confirmation: { acteIds: [acteIdA] } },
    });
    expect(e).toMatchObject({
      code: 'transition_refusee',
      message: 'Cette réponse est signée : elle ne peut plus être modifiée.',
    });
    expect((await refus('reponses.abandonner', { demandeId: demandeIds.sure })).code).toBe('transition_refusee');
    const signee = (await appeler('reponses.apercu', { demandeId: demandeIds.sure })).reponse;
    expect(signee?.etat).toBe('signee');
    expect(signee?.xml).toContain('ds:Signature');
  });

  it('la boîte d’envoi part ; les accusés de réception de la plateforme reviennent aux demandes', async () => {
    expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', acceptees: 3, rejetees: 0 });
    const acceptees = await appeler('reponses.lister', { etats: ['acceptee'] });
    expect(acceptees).toHaveLength(3);
    expect(acceptees.every((r) => r.recepisse?.startsWith('AR-'))).toBe(true);
    for (const cle of ['sure', 'candidat', 'specimen']) {
      expect(await appeler('demandes.lire', { id: demandeIds[cle] })).toMatchObject({ cycle: 'accusee' });
      expect((await appeler('reponses.apercu', { demandeId: demandeIds[cle] })).reponse?.etat).toBe('acceptee');
    }
    const { reponses } = await banc.admin<{ reponses: unknown[] }>('GET', '/v1/admin/communes/81021/reponses');
    expect(reponses).toHaveLength(3);
    // the specimen was answered, signed and sent like the others: listed and marked, never counted
    const accusees = await appeler('demandes.lister', { etats: ['accusee'] });
    expect(accusees.total).toBe(3);
    expect(accusees.demandes.find((d) => d.id === demandeIds.specimen)?.specimen).toBe(true);
    expect(accusees).toMatchObject({ specimens: 1, compteurs: { accusee: 2 } });
    expect(accusees.facettes.demandeurs).toMatchObject({ notaire: 1, interieur: 1 });
    expect((await appeler('demandes.compteurs', {})).accusee).toBe(2);
  });

  it('une réponse à une demande purgée par la plateforme revient rejetée : « demande purgée : la réponse ne compte plus »', async () => {
    const r = await appeler('reponses.preparerNegative', { demandeId: demandeIds.purgee, motif: 'acte_non_detenu' });
    await appeler('signature.signerLot', {
      ids: [r.documentSignatureId as number],
      pin: banc.cartes.cartes.officier.pin,
    });
    await banc.admin('PUT', '/v1/admin/horloge', { avancerMs: 24 * 24 * 3600 * 1000 });
    expect(await appeler('sync.maintenant', {})).toMatchObject({ acceptees: 0, rejetees: 1 });

    const [rejetee] = await appeler('reponses.lister', { etats: ['rejetee'] });
    expect(rejetee).toMatchObject({ demandeId: demandeIds.purgee, etat: 'rejetee' });
    expect(rejetee.rejet).toMatchObject({
      motif: 'demande_purgee',
      raison: 'demande purgée : la réponse ne compte plus',
      quoiFaire: expect.stringMatching(/refaire sa demande/),
    });
    const apercu = await appeler('reponses.apercu', { demandeId: demandeIds.purgee });
    expect(apercu.reponse).toBeNull();
    expect(apercu.rejetees.map((x) => x.rejet?.motif)).toEqual(['demande_purgee']);
    expect(apercu.cycle).toBe('en_cours');
  });
});
