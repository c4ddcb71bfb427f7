import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireDemandeEmise } from '../../../electron/comedec/format';
import type { DemandeEnvoyee, SaisieDemandeEnvoyee } from '../../../shared/contract/demandes-envoyees';
import { jourParisPlus } from '../../../shared/domain/echeances';
import { appelant, appTemporaire, refuseur } from '../../support/app-temporaire';
import { lignesPdf, pdftotext } from '../../support/texte-pdf';
import { monterBanc, type Banc } from '../sync/outils/banc';

/**
 * Requests sent to another commune, through the contract as the screens call it, against the
 * sandbox platform over HTTP with a SoftHSM2 officer card and a real SQLite base: written and
 * checked, signed in the signing batch, sent by the sync, receipted, answered by the simulated
 * commune; the answer verified and read as an extract, as text and as PDF. A tampered answer
 * is quarantined with its reason and never shown; a receipted request past its last day is late.
 */
const decalage = { ms: 0 };
const app = appTemporaire({ horloge: { maintenant: () => new Date(Date.now() + decalage.ms) } });
const appeler = appelant(app);
let banc: Banc;

const refus = refuseur(app);

/** A Paris calendar day from today, as the app counts (a UTC day differs from 23:00 to midnight UTC). */
const jour = (decalageJours: number) => jourParisPlus(new Date(), decalageJours);

function saisie(reference: string, modif: Partial<SaisieDemandeEnvoyee> = {}): SaisieDemandeEnvoyee {
  return {
    motif: 'dossier_mariage',
    destinataire: { codeInsee: '31555' },
    reference,
    dateProcedure: jour(40),
    typeActe: 'naissance',
    personne: {
      nom: 'Roussel',
      prenoms: ['Paul', 'Marie'],
      sexe: 'M',
      dateNaissance: '1985-11-02',
      lieuNaissance: { commune: 'Toulouse', codeInsee: '31555', departement: '31' },
    },
    pere: { nom: 'ROUSSEL', prenoms: ['Louis'] },
    mere: { nom: 'CAZALS', prenoms: ['Anne'] },
    ...modif,
  };
}

const lister = () => appeler<DemandeEnvoyee[]>('demandesEnvoyees.lister', {});
const trouver = async (reference: string) => (await lister()).find((d) => d.reference === reference)!;

async function signer(documentSignatureId: number) {
  const r = await appeler('signature.signerLot', {
    ids: [documentSignatureId],
    pin: banc.cartes.cartes.officier.pin,
  });
  expect(r).toMatchObject({ signes: 1 });
}

beforeAll(async () => {
  banc = await monterBanc(path.join(app.dossier, 'banc'));
  await appeler('parametres.enregistrerCommune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  // The simulated communes' officers are issued by the sandbox's own CA: trusted like the agents' one.
  await appeler('carte.enregistrerParametres', {
    bibliotheque: banc.cartes.bibliotheque,
    mode: 'reelle',
    confiancePem: [
      banc.cartes.caPem,
      banc.cartes.caAgentsPem,
      ...banc.plateforme.plateforme.autoritesSimulation(),
    ].join('\n'),
  });
  await appeler('sync.enregistrerParametres', {
    plateforme: { url: banc.plateforme.url },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
});
afterAll(async () => {
  app.detruire();
  await banc?.arreter();
});

async function connecter(qui: 'officier' | 'agent') {
  const carte = banc.cartes.cartes[qui]!;
  const etat = await appeler('carte.etat', {});
  const jeton = etat.lecteurs.find((l: { carte: { label: string } | null }) => l.carte?.label === carte.label)?.carte;
  await appeler('carte.connecter', { jetonId: jeton.id, pin: carte.pin });
}

describe('demandes envoyées aux autres communes', () => {
  it('sans session de carte, rien n’est rédigé ; une saisie fausse est refusée champ par champ, en français', async () => {
    expect((await refus('demandesEnvoyees.preparer', saisie('MAR-0'))).code).toBe('session_requise');
    await connecter('officier');
    const vide = await refus('demandesEnvoyees.preparer', {
      ...saisie(''),
      destinataire: undefined,
      personne: { ...saisie('x').personne, nom: ' ', prenoms: [] },
    });
    expect(vide.code).toBe('saisie_invalide');
    const raisons = Object.fromEntries(
      (vide.details!.erreurs as { champ: string; raison: string }[]).map((e) => [e.champ, e.raison]),
    );
    expect(raisons).toMatchObject({
      reference: 'référence du dossier à renseigner',
      destinataire: 'choisissez la commune de destination dans la liste',
      'personne.nom': 'nom de la personne à renseigner',
      'personne.prenoms': 'au moins un prénom de la personne à renseigner',
    });
    const regles = await refus('demandesEnvoyees.preparer', {
      ...saisie('MAR-0', { destinataire: { codeInsee: '81021' }, dateProcedure: jour(-3) }),
    });
    expect(regles.message).toMatch(/la commune de destination est la vôtre.*la date de la procédure est déjà passée/);
    const inconnue = await refus(
      'demandesEnvoyees.preparer',
      saisie('MAR-0', { destinataire: { codeInsee: '99999' } }),
    );
    expect(inconnue.message).toMatch(/^Aucune commune n’a le code INSEE 99999 : choisissez-la dans la liste/);
    expect(await lister()).toEqual([]);
  });

  it('rédigée, signée dans le lot, envoyée, reçue par la commune, répondue : la réponse vérifiée se lit en extrait et en PDF', async () => {
    const d = await appeler<DemandeEnvoyee>('demandesEnvoyees.preparer', saisie('MAR-2026-01'));
    expect(d).toMatchObject({
      etat: 'brouillon',
      motif: 'dossier_mariage',
      destinataire: { codeInsee: '31555', nom: 'Toulouse', departement: '31' },
      personne: 'Paul Marie ROUSSEL, né le 2 novembre 1985',
      prepareePar: expect.stringContaining('MARTIN'),
      reponse: null,
      refus: [],
    });
    await signer(d.documentSignatureId!);
    expect((await trouver('MAR-2026-01')).etat).toBe('signee');

    expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', acceptees: 1 });
    const accusee = await trouver('MAR-2026-01');
    expect(accusee).toMatchObject({ etat: 'accusee', recepisse: expect.stringMatching(/^AR-/) });
    expect(accusee.idPlateforme).toBeTruthy();
    // The last day: the receipt + 20 Paris days (the wedding is later).
    expect(accusee.jourLimite).toBe(jour(20));
    const emise = banc.plateforme.plateforme.db
      .prepare('SELECT xml FROM demandes_emises WHERE id = ?')
      .pluck()
      .get(accusee.idPlateforme) as string;
    expect(lireDemandeEmise(emise)).toMatchObject({
      emettrice: { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' },
      destinataire: { codeInsee: '31555' },
      motif: 'dossier_mariage',
      typeReference: 'dossier_mariage',
      echeanceProcedure: jour(40),
      personne: { nom: 'Roussel', prenoms: ['Paul', 'Marie'], dateNaissance: '1985-11-02' },
      pere: { nom: 'ROUSSEL', prenoms: ['Louis'] },
    });

    // The simulated commune answers at once: the next sync brings it, verified.
    await appeler('sync.maintenant', {});
    const repondue = await trouver('MAR-2026-01');
    expect(repondue).toMatchObject({
      etat: 'repondue',
      reponse: { sens: 'positive', signataire: expect.stringMatching(/Officier simulé 31555/) },
    });
    const lue = await appeler('demandesEnvoyees.reponse', { id: d.id });
    expect(lue.verification).toMatchObject({
      signataire: expect.stringMatching(/Officier simulé 31555/),
      titre: 'Officier de l etat civil',
      communeCertificat: '31555',
      communeReponse: { codeInsee: '31555', libelle: 'MAIRIE-31-TOULOUSE' },
      delegation: expect.stringMatching(/officier de l’état civil délégué/),
    });
    expect(lue.titre).toBe('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
    expect(lue.texte).toContain('Mairie de Toulouse (31)');
    expect(lue.texte).toContain('Paul Marie ROUSSEL');
    expect(lue.texte).toMatch(/Signature XAdES vérifiée à la réception le/);

    const pdf = await appeler<{ nomFichier: string; pdfBase64: string }>('demandesEnvoyees.reponsePdf', { id: d.id });
    expect(pdf.nomFichier).toBe('reponse-acte-de-naissance-MAR-2026-01.pdf');
    const octets = Buffer.from(pdf.pdfBase64, 'base64');
    const lignes = (await lignesPdf(octets)).join('\n');
    expect(lignes).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
    const texte = pdftotext(octets);
    if (texte !== null) {
      expect(texte).toContain('Mairie de Toulouse');
      expect(texte).toMatch(/Officier simulé 31555/);
    }
  });

  it('une réponse altérée après sa signature va en quarantaine avec sa raison, et n’est jamais présentée', async () => {
    await connecter('officier');
    const d = await appeler<DemandeEnvoyee>(
      'demandesEnvoyees.preparer',
      saisie('PACS-2026-07', { motif: 'dossier_pacs' }),
    );
    await signer(d.documentSignatureId!);
    await appeler('sync.maintenant', {});
    const { idPlateforme } = await trouver('PACS-2026-07');
    const p = banc.plateforme.plateforme.db;
    const xml = p.prepare('SELECT reponse_xml FROM demandes_emises WHERE id = ?').pluck().get(idPlateforme) as string;
    expect(xml).toContain('ROUSSEL');
    // The register's data changed after the officer signed: the digest no longer holds.
    p.prepare('UPDATE demandes_emises SET reponse_xml = ? WHERE id = ?').run(
      xml.replace(/ROUSSEL/g, 'ROUSSET'),
      idPlateforme,
    );
    expect(await appeler('sync.maintenant', {})).toMatchObject({ statut: 'reussie', quarantaine: 1 });
    const apres = await trouver('PACS-2026-07');
    expect(apres).toMatchObject({ etat: 'accusee', reponse: null });
    expect(apres.refus).toEqual([
      {
        motif: 'signature_invalide',
        raison: expect.stringMatching(/^Signature invalide : /),
        recueLe: expect.any(String),
      },
    ]);
    expect((await refus('demandesEnvoyees.reponse', { id: d.id })).code).toBe('introuvable');
    expect((await refus('demandesEnvoyees.reponsePdf', { id: d.id })).code).toBe('introuvable');
  });

  it('un agent sans délégation prépare la demande, mais seul un officier délégué la signe', async () => {
    await connecter('agent');
    const d = await appeler<DemandeEnvoyee>('demandesEnvoyees.preparer', saisie('MAR-AGENT'));
    expect(d.prepareePar).toContain(banc.cartes.cartes.agent!.titulaire.nom);
    const r = await app.repartir('signature.signerLot', {
      ids: [d.documentSignatureId!],
      pin: banc.cartes.cartes.agent!.pin,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.erreur.message).toMatch(/seul un officier de l’état civil délégué peut signer/);
    expect((await trouver('MAR-AGENT')).etat).toBe('brouillon');
    await connecter('officier');
    await appeler('demandesEnvoyees.abandonner', { id: d.id });
  });

  it('un brouillon s’abandonne (la ligne reste), une demande signée non ; reçue et sans réponse après son dernier jour, elle est en retard', async () => {
    await connecter('officier');
    const a = await appeler<DemandeEnvoyee>('demandesEnvoyees.preparer', saisie('MAR-ABANDON'));
    await appeler('demandesEnvoyees.abandonner', { id: a.id });
    expect(await trouver('MAR-ABANDON')).toMatchObject({ etat: 'abandonnee', documentSignatureId: null });
    expect((await refus('demandesEnvoyees.abandonner', { id: a.id })).code).toBe('transition_refusee');

    // The wedding in 10 days: it sets the last day, earlier than the 20 days.
    await appeler('sync.maintenant', {});
    banc.plateforme.plateforme.reglerSimulation({ delaiReponseMs: 30 * 24 * 3600 * 1000 });
    const r = await appeler<DemandeEnvoyee>(
      'demandesEnvoyees.preparer',
      saisie('MAR-RETARD', { dateProcedure: jour(10) }),
    );
    await signer(r.documentSignatureId!);
    expect((await refus('demandesEnvoyees.abandonner', { id: r.id })).code).toBe('transition_refusee');
    await appeler('sync.maintenant', {});
    expect(await trouver('MAR-RETARD')).toMatchObject({ etat: 'accusee', jourLimite: jour(10), joursRestants: 10 });
    decalage.ms = 11 * 24 * 3600 * 1000;
    try {
      expect(await trouver('MAR-RETARD')).toMatchObject({ etat: 'en_retard', joursRestants: -1 });
      // an answered request is never late
      expect((await trouver('MAR-2026-01')).etat).toBe('repondue');
    } finally {
      decalage.ms = 0;
    }
  });
  it('un brouillon se modifie sur place (même document, rien de perdu sur une saisie fausse) ; signé, il est figé', async () => {
    await connecter('officier');
    const d = await appeler<DemandeEnvoyee>('demandesEnvoyees.preparer', saisie('MAR-BROUILLON'));
    expect(await appeler('demandesEnvoyees.saisie', { id: d.id })).toMatchObject({
      reference: 'MAR-BROUILLON',
      destinataire: { codeInsee: '31555' },
      personne: { prenoms: ['Paul', 'Marie'] },
    });
    const contenu = () =>
      app.contexte
        .db()
        .prepare('SELECT contenu FROM documents_signature WHERE id = ?')
        .pluck()
        .get(d.documentSignatureId) as string;
    const avant = contenu();

    // A bad input: refused field by field, the draft as it was (row and document to sign).
    const faux = await refus('demandesEnvoyees.modifier', {
      id: d.id,
      ...saisie('', { destinataire: { codeInsee: '81021' } }),
    });
    expect(faux.code).toBe('saisie_invalide');
    expect(faux.details!.erreurs).toEqual([{ champ: 'reference', raison: 'référence du dossier à renseigner' }]);
    const regle = await refus('demandesEnvoyees.modifier', {
      id: d.id,
      ...saisie('MAR-BROUILLON-2', { destinataire: { codeInsee: '81021' } }),
    });
    expect(regle.message).toMatch(/^La commune de destination est la vôtre/);
    expect(await trouver('MAR-BROUILLON')).toMatchObject({ etat: 'brouillon', destinataire: { codeInsee: '31555' } });
    expect(contenu()).toBe(avant);

    // Another commune, another reference: the same draft, the same document to sign, drafted anew.
    const modifiee = await appeler<DemandeEnvoyee>('demandesEnvoyees.modifier', {
      id: d.id,
      ...saisie('MAR-BROUILLON-2', { destinataire: { codeInsee: '33063' } }),
    });
    expect(modifiee).toMatchObject({
      id: d.id,
      etat: 'brouillon',
      reference: 'MAR-BROUILLON-2',
      destinataire: { codeInsee: '33063', nom: 'Bordeaux', departement: '33' },
      documentSignatureId: d.documentSignatureId,
    });
    expect((await lister()).filter((x) => x.id === d.id)).toHaveLength(1);
    const redigee = lireDemandeEmise(contenu());
    expect(redigee).toMatchObject({ destinataire: { codeInsee: '33063' }, reference: 'MAR-BROUILLON-2' });
    expect(redigee.id).toBe(lireDemandeEmise(avant).id);
    expect(await appeler('demandesEnvoyees.saisie', { id: d.id })).toMatchObject({ reference: 'MAR-BROUILLON-2' });

    // Signed: frozen. The refusal is typed and says why, in French; nothing changed.
    await signer(d.documentSignatureId!);
    const fige = await refus('demandesEnvoyees.modifier', { id: d.id, ...saisie('MAR-TROP-TARD') });
    expect(fige).toMatchObject({
      code: 'transition_refusee',
      message: 'Cette demande est signée, à envoyer : elle ne peut plus être modifiée.',
      details: { de: 'signee', vers: 'brouillon' },
    });
    expect(await trouver('MAR-BROUILLON-2')).toMatchObject({ etat: 'signee', destinataire: { codeInsee: '33063' } });
    expect(await trouver('MAR-TROP-TARD')).toBeUndefined();

    // An abandoned draft is not changed either.
    const a = await appeler<DemandeEnvoyee>('demandesEnvoyees.preparer', saisie('MAR-ABANDON-2'));
    await appeler('demandesEnvoyees.abandonner', { id: a.id });
    expect((await refus('demandesEnvoyees.modifier', { id: a.id, ...saisie('MAR-ABANDON-3') })).code).toBe(
      'transition_refusee',
    );
  });
});
