import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lireReponse } from '../../../electron/comedec/format';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { Rapprocheur } from '../../../electron/demandes';
import { ServiceReponses, type Identite } from '../../../electron/demandes/reponses';
import { lireDemandeARepondre } from '../../../electron/demandes/reponses/stockage';
import { horlogeFixe } from '../../../electron/horloge';
import { DepotParametres } from '../../../electron/parametres/depot';
import { DepotActes } from '../../../electron/registre/depot';
import { DepotSignature } from '../../../electron/signature';
import { boiteReponses } from '../../../electron/sync/stockage/brouillons';
import { creerBrouillon } from '../../../electron/sync/stockage/envois';
import { ActeSchema } from '../../../shared/domain/acte';
import { RegistreError } from '../../../shared/errors';
import { acteConnu, ajouterActes, demandeConnue, recevoir } from '../../integration/rapprochement/outils';

/**
 * The answers service over a real SQLite database (migrations, outbox, signing state,
 * matching): the life cycle of a draft and the guard, without a card (the integration test
 * signs with a SoftHSM2 card and sends to the sandbox platform).
 */
let db: Base;
let service: ServiceReponses;
let qui: Identite | null;
const horloge = horlogeFixe('2025-03-04T09:00:00.000Z');
let acteId: number;
let ids: number[];
let modifiees: number[][];

beforeEach(() => {
  horloge.regler('2025-03-04T09:00:00.000Z');
  db = ouvrirBase(':memory:');
  const parametres = new DepotParametres(() => db, horloge);
  parametres.ecrire('commune', {
    nom: 'Albi',
    codeInsee: '81004',
    departement: '81',
    emailFonctionnel: 'etat-civil@albi.fr',
  });
  [acteId] = ajouterActes(db, acteConnu, { type: 'naissance', annee: 1990, numero: 5, personnes: [], indexe: false });
  ids = recevoir(
    db,
    demandeConnue(2, {}, 'DEM-1'),
    demandeConnue(2, { nom: 'ZYGMUNT', prenoms: ['Ottilie'], dateNaissance: '1991-07-01' }, 'DEM-2'),
    demandeConnue(2, { nom: 'ZYGMUNT', prenoms: ['Ottilie'], dateNaissance: '1990-07-01' }, 'DEM-3'),
  );
  qui = { nom: 'Jeanne OFFICIER', certificat: 'a'.repeat(64) };
  modifiees = [];
  service = new ServiceReponses({
    db: () => db,
    horloge,
    parametres,
    rapprocherMaintenant: (id) =>
      new Rapprocheur(db, horloge).rapprocher(lireDemandeARepondre(db, id).donnees).resultat,
    // the register room's store itself (its own rules are tested with its service)
    indexerActe: (acte, idPlateforme) => {
      const depot = new DepotActes(db);
      const { id } = depot.enregistrer(
        { ...acte, indexe: true, demandeOrigine: idPlateforme },
        '2025-03-04T09:00:00.000Z',
      );
      return depot.lire(id)!;
    },
    identite: () => qui,
    boite: boiteReponses(horloge),
    apresModification: (demandeIds) => modifiees.push(demandeIds),
  });
});
afterEach(() => db.close());

function erreurDe(f: () => unknown): RegistreError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegistreError) return e;
    throw e;
  }
  throw new Error('aucune erreur');
}

const cycle = (id: number) => db.prepare('SELECT cycle FROM demandes WHERE id = ?').pluck().get(id);

/** What a signing batch does to the document (the integration test signs with the card). */
function signer(documentId: number): void {
  const depot = new DepotSignature(() => db, horloge);
  const lot = depot.creerLot(1);
  const doc = depot.reserver(documentId, lot);
  if (!doc) throw new Error('document non réservé');
  depot.enregistrerSigne(documentId, lot, {
    xml: doc.contenu.replace('</reponse>', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></reponse>'),
    certificat: 'b'.repeat(64),
    nature: 'carte',
    signeLe: horloge.maintenant(),
  });
}

describe('saisir l’acte depuis la demande', () => {
  const declare = (id: number) => {
    const d = lireDemandeARepondre(db, id).donnees;
    return ActeSchema.parse({
      type: 'naissance',
      annee: 1991,
      numero: 77,
      dateEvenement: d.personne.dateNaissance,
      lieuEvenement: d.personne.lieuNaissance,
      personnes: [
        { role: 'titulaire', nom: d.personne.nom, prenoms: d.personne.prenoms, sexe: d.personne.sexe },
        { role: 'pere', nom: d.pere!.nom, prenoms: d.pere!.prenoms },
        { role: 'mere', nom: d.mere!.nom, prenoms: d.mere!.prenoms },
      ],
    });
  };

  it('l’acte saisi est gardé avec sa demande, le rapprochement le trouve et la réponse positive est préparée depuis lui', () => {
    expect(service.apercu(ids[1]).rapprochement.issue).toBe('aucun');
    const r = service.indexerDepuisDemande(ids[1], declare(ids[1]));
    expect(r.acte).toMatchObject({ annee: 1991, numero: 77, indexe: true, demandeOrigine: 'DEM-2' });
    expect(r.issue).toBe('sur');
    expect(r.sansReponse).toBeNull();
    expect(r.reponse).toMatchObject({ sens: 'positive', etat: 'brouillon', acte: { acteId: r.acte.id, numero: 77 } });
  });

  it('sans session de carte : l’acte reste enregistré, la réponse n’est pas préparée et la raison est dite', () => {
    qui = null;
    const r = service.indexerDepuisDemande(ids[1], declare(ids[1]));
    expect(new DepotActes(db).lire(r.acte.id!)).toMatchObject({ numero: 77, demandeOrigine: 'DEM-2' });
    expect(r.reponse).toBeNull();
    expect(r.sansReponse).toMatch(/^L’acte est enregistré, mais la réponse positive n’est pas préparée : .*carte/);
    expect(db.prepare('SELECT count(*) FROM envois').pluck().get()).toBe(0);
  });

  it('un acte qui ne ressort pas du rapprochement : enregistré, mais aucune réponse préparée depuis lui', () => {
    const autre = {
      ...declare(ids[1]),
      personnes: [{ ...declare(ids[1]).personnes[0], nom: 'BERTRAND', prenoms: ['Luc'] }],
    };
    const r = service.indexerDepuisDemande(ids[1], ActeSchema.parse(autre));
    expect(r.issue).toBe('aucun');
    expect(r.reponse).toBeNull();
    expect(r.sansReponse).toMatch(/ne ressort pas du rapprochement/);
  });
});

describe('service des réponses sur une vraie base', () => {
  it('positive « sûre » : brouillon dans la boîte d’envoi, à signer, avec qui l’a préparée ; la demande passe « en cours »', () => {
    const apercu = service.apercu(ids[0]);
    expect(apercu.rapprochement.issue).toBe('sur');
    expect(apercu.garde.aConfirmer.map((c) => c.acteId)).toEqual([acteId]);
    expect(apercu.formeAttendue).toBe('copie_integrale');
    expect(apercu.reponse).toBeNull();

    const r = service.preparer(ids[0], { sens: 'positive', acteId });
    expect(r).toMatchObject({
      etat: 'brouillon',
      sens: 'positive',
      forme: 'copie_integrale',
      prepareePar: 'Jeanne OFFICIER',
      acte: { acteId, annee: 1987, numero: 9001 },
    });
    expect(r.texte).toContain('Éloïse Marthe QUÉRÉ-VASSEUR');
    expect(r.differences.find((c) => c.champ === 'nom')?.verdict).toBe('identique');
    const contenu = new DepotSignature(() => db, horloge).lire(r.documentSignatureId as number).contenu;
    expect(contenu).toBe(r.xml);
    expect(lireReponse(r.xml).demandeId).toBe('DEM-1');
    expect(cycle(ids[0])).toBe('en_cours');
    expect(service.lister({ etats: ['brouillon'], limite: 10 }).map((x) => [x.demandeId, x.prepareePar])).toEqual([
      [ids[0], 'Jeanne OFFICIER'],
    ]);
    expect(service.apercu(ids[0]).reponse?.xml).toBe(r.xml);
    expect(erreurDe(() => service.preparer(ids[0], { sens: 'positive', acteId })).message).toMatch(/déjà préparée/);
  });

  it('négative malgré un candidat : confirmation requise, puis enregistrée au nom du titulaire de la carte ; sans session, refusée', () => {
    const negative = (acteIds: number[] | null) => ({
      sens: 'negative' as const,
      motif: 'acte_non_detenu' as const,
      commentaire: null,
      confirmation: acteIds ? { acteIds } : null,
    });
    expect(erreurDe(() => service.preparer(ids[0], negative(null))).code).toBe('confirmation_requise');
    qui = null;
    expect(erreurDe(() => service.preparer(ids[0], negative([acteId]))).code).toBe('session_requise');
    // nothing was written by the refusals
    expect(db.prepare('SELECT count(*) FROM envois').pluck().get()).toBe(0);
    expect(cycle(ids[0])).toBe('recue');
    qui = { nom: 'Jeanne OFFICIER', certificat: 'a'.repeat(64) };
    const r = service.preparer(ids[0], negative([acteId]));
    expect(r.confirmations).toEqual([
      {
        acteId,
        designation: 'acte de naissance n° 9001 de 1987 (Éloïse Marthe QUÉRÉ-VASSEUR)',
        confirmeePar: 'Jeanne OFFICIER',
        confirmeeLe: '2025-03-04T09:00:00.000Z',
      },
    ]);
    expect(lireReponse(r.xml).resultat).toEqual({ nature: 'negative', motif: 'acte_non_detenu', commentaire: null });
    // changed into a positive answer: the confirmation no longer applies
    const p = service.modifier(ids[0], { sens: 'positive', acteId });
    expect(p.confirmations).toEqual([]);
    expect(p.sens).toBe('positive');
    expect(lireReponse(p.xml).id).toBe(lireReponse(r.xml).id);
  });

  it('aucun candidat : négative sans confirmation ; un acte de l’année non indexé la bloque (« indexez l’acte »)', () => {
    const r = service.preparer(ids[1], {
      sens: 'negative',
      motif: 'acte_non_detenu',
      commentaire: 'Aucun acte à ce nom.',
      confirmation: null,
    });
    expect(r.confirmations).toEqual([]);
    const e = erreurDe(() =>
      service.preparer(ids[2], { sens: 'negative', motif: 'acte_non_detenu', commentaire: null, confirmation: null }),
    );
    expect(e.code).toBe('acte_a_indexer');
    expect(e.details).toMatchObject({ actes: [{ type: 'naissance', annee: 1990, numero: 5 }] });
    expect(service.apercu(ids[2]).garde.aIndexer.map((a) => a.numero)).toEqual([5]);
  });

  it('signée, une réponse est figée : ni modifiée ni abandonnée (cycle de la réponse, puis déclencheur de la base)', () => {
    const r = service.preparer(ids[0], { sens: 'positive', acteId });
    signer(r.documentSignatureId as number);
    expect(service.apercu(ids[0]).reponse?.etat).toBe('signee');
    const m = erreurDe(() =>
      service.modifier(ids[0], {
        sens: 'negative',
        motif: 'acte_non_detenu',
        commentaire: null,
        confirmation: { acteIds: [acteId] },
      }),
    );
    expect(m).toMatchObject({
      code: 'transition_refusee',
      message: 'Cette réponse est signée : elle ne peut plus être modifiée.',
    });
    expect(erreurDe(() => service.abandonner(ids[0])).code).toBe('transition_refusee');
    expect(() =>
      db.prepare('UPDATE documents_signature SET contenu = ? WHERE id = ?').run('<x/>', r.documentSignatureId),
    ).toThrow(/déjà signé/);
    expect(erreurDe(() => boiteReponses(horloge).abandonner(db, r.envoiId as number)).message).toMatch(/déjà signée/);
  });

  it('abandonner un brouillon : il quitte la boîte d’envoi, la trace reste ; une nouvelle réponse peut être préparée', () => {
    const r = service.preparer(ids[1], {
      sens: 'negative',
      motif: 'acte_non_detenu',
      commentaire: null,
      confirmation: null,
    });
    service.abandonner(ids[1]);
    expect(db.prepare('SELECT count(*) FROM envois').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM documents_signature WHERE id = ?').pluck().get(r.documentSignatureId)).toBe(
      0,
    );
    expect(db.prepare('SELECT envoi_id, abandonnee_le FROM reponses_preparees').get()).toEqual({
      envoi_id: null,
      abandonnee_le: '2025-03-04T09:00:00.000Z',
    });
    expect(service.apercu(ids[1]).reponse).toBeNull();
    expect(erreurDe(() => service.abandonner(ids[1])).code).toBe('introuvable');
    expect(
      service.preparer(ids[1], {
        sens: 'negative',
        motif: 'donnees_insuffisantes',
        commentaire: null,
        confirmation: null,
      }).motif,
    ).toBe('donnees_insuffisantes');
  });

  it('mise de côté avec un commentaire : pas de réponse tant qu’elle y est ; reprise, elle se répond', () => {
    expect(service.mettreDeCote(ids[1], '  Attendre le registre papier. ')).toEqual({
      commentaire: 'Attendre le registre papier.',
      par: 'Jeanne OFFICIER',
      le: '2025-03-04T09:00:00.000Z',
    });
    expect(service.apercu(ids[1]).deCote?.commentaire).toBe('Attendre le registre papier.');
    expect(erreurDe(() => service.mettreDeCote(ids[1], 'encore')).code).toBe('conflit');
    expect(
      erreurDe(() =>
        service.preparer(ids[1], { sens: 'negative', motif: 'acte_non_detenu', commentaire: null, confirmation: null }),
      ).message,
    ).toMatch(/mise de côté/);
    service.reprendre(ids[1]);
    expect(service.apercu(ids[1]).deCote).toBeNull();
    expect(erreurDe(() => service.reprendre(ids[1])).code).toBe('conflit');
    service.preparer(ids[1], { sens: 'negative', motif: 'acte_non_detenu', commentaire: null, confirmation: null });
  });

  it('carte retirée (pas de session) : préparer, modifier, abandonner, mettre de côté et reprendre refusés, rien d’écrit', () => {
    const brouillon = service.preparer(ids[1], {
      sens: 'negative',
      motif: 'acte_non_detenu',
      commentaire: null,
      confirmation: null,
    });
    service.mettreDeCote(ids[2], 'Attendre le registre papier.');
    qui = null;
    const refus = [
      () => service.preparer(ids[0], { sens: 'positive', acteId }),
      () => service.modifier(ids[1], { sens: 'positive', acteId }),
      () => service.abandonner(ids[1]),
      () => service.mettreDeCote(ids[0], 'plus tard'),
      () => service.reprendre(ids[2]),
    ];
    for (const f of refus) expect(erreurDe(f).code).toBe('session_requise');
    // reading goes on, and nothing moved
    expect(service.apercu(ids[1]).reponse?.xml).toBe(brouillon.xml);
    expect(service.apercu(ids[2]).deCote?.commentaire).toBe('Attendre le registre papier.');
    expect(cycle(ids[0])).toBe('recue');
  });

  it('demande purgée : aucune réponse, la raison en français', () => {
    horloge.regler('2025-03-24T08:00:00.000Z');
    const e = erreurDe(() => service.preparer(ids[0], { sens: 'positive', acteId }));
    expect(e).toMatchObject({ code: 'conflit', details: { motif: 'demande_purgee' } });
    expect(e.message).toMatch(/^Demande purgée : la réponse ne compte plus/);
    expect(service.apercu(ids[0]).purgee).toBe(true);
  });

  it('l’acte corrigé dans le registre après la rédaction : le brouillon le dit ; rédigé à nouveau, il reprend l’acte corrigé', () => {
    service.preparer(ids[0], { sens: 'positive', acteId });
    expect(service.apercu(ids[0]).reponse?.acteModifieDepuis).toBe(false);
    const depot = new DepotActes(db);
    const acte = depot.lire(acteId);
    if (!acte) throw new Error('acte absent');
    horloge.regler('2025-03-05T09:00:00.000Z');
    const mention = {
      type: 'divorce' as const,
      date: '2024-11-02',
      texte: 'Divorcée par jugement du 2 novembre 2024.',
    };
    depot.enregistrer({ ...acte, mentions: [...acte.mentions, mention] }, horloge.maintenant().toISOString());
    expect(service.apercu(ids[0]).reponse?.acteModifieDepuis).toBe(true);
    const r = service.modifier(ids[0], { sens: 'positive', acteId });
    expect(r.acteModifieDepuis).toBe(false);
    expect(r.xml).toContain('Divorcée par jugement du 2 novembre 2024.');
  });

  it('chaque changement est annoncé une fois, après coup, pour les listes des écrans', () => {
    service.preparer(ids[1], { sens: 'negative', motif: 'acte_non_detenu', commentaire: null, confirmation: null });
    service.modifier(ids[1], {
      sens: 'negative',
      motif: 'donnees_insuffisantes',
      commentaire: 'x',
      confirmation: null,
    });
    service.abandonner(ids[1]);
    service.mettreDeCote(ids[1], 'plus tard');
    service.reprendre(ids[1]);
    // a refusal announces nothing
    expect(() => service.abandonner(ids[1])).toThrow();
    expect(modifiees).toEqual([[ids[1]], [ids[1]], [ids[1]], [ids[1]], [ids[1]]]);
  });

  it('une réponse déjà dans la boîte d’envoi par une autre voie : refus typé, rien d’écrit', () => {
    creerBrouillon(db, horloge, {
      nature: 'reponse',
      demandeId: ids[1],
      sens: 'negative',
      documentId: 'REP-autre',
      xml: '<reponse/>',
    });
    const e = erreurDe(() =>
      service.preparer(ids[1], { sens: 'negative', motif: 'acte_non_detenu', commentaire: null, confirmation: null }),
    );
    expect(e).toMatchObject({
      code: 'conflit',
      message: 'Une réponse à cette demande est déjà dans la boîte d’envoi.',
    });
    expect(db.prepare('SELECT count(*) FROM reponses_preparees').pluck().get()).toBe(0);
  });
});
