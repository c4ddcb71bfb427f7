import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  construireDemandeEmise,
  construireReponse,
  espaceDeNoms,
  lireAccuse,
  lireDemande,
  lireReponse,
  type DemandeEmiseSaisie,
} from '../../../electron/comedec/format';
import { analyserCertificat, depuisPem } from '../../../electron/signature/certificats';
import { Confiance } from '../../../electron/signature/confiance';
import { verifierXades } from '../../../electron/signature/xades-verifier';
import { demarrerPlateforme } from '../../../sandbox';
import { boite, envoyer, identiteCarte, monterBanc, sessionAvec, signer, tenterSession, type Banc } from './outils';

const AUSSILLON = { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' };
const JOUR = 24 * 3600 * 1000;

function emise(destinataire: string, modif: Partial<DemandeEmiseSaisie> = {}): string {
  return construireDemandeEmise({
    version: 2,
    id: `EMI-${randomUUID()}`,
    emettrice: AUSSILLON,
    destinataire: { codeInsee: destinataire },
    motif: 'dossier_mariage',
    reference: `MAR-2024-${randomUUID().slice(0, 4)}`,
    typeReference: 'dossier_mariage',
    echeanceProcedure: '2024-06-15',
    emiseLe: new Date().toISOString(),
    typeActe: 'naissance',
    personne: {
      nom: 'ROUSSEL',
      prenoms: ['Paul'],
      sexe: 'M',
      dateNaissance: '1985-11-02',
      lieuNaissance: { commune: 'Toulouse', codeInsee: '31555' },
    },
    pere: { nom: 'ROUSSEL', prenoms: ['Henri'] },
    mere: { nom: 'MARTY', prenoms: ['Anne'] },
    ...modif,
  });
}

describe('plateforme bac à sable : demandes émises vers une autre commune', () => {
  let b: Banc;
  let jeton: string;
  beforeAll(async () => {
    // Without `autoriteSimulation`: the platform's own PKI signs for the simulated communes.
    b = await monterBanc('sandbox-emises', {}, ['officier', 'officierEc']);
    jeton = await sessionAvec(b, 'officier');
  });
  afterAll(async () => {
    await b?.arreter();
  });

  const emettre = (xml: string, cle: string, j = jeton) =>
    envoyer(b.p.url, '/v1/demandes-emises', { jeton: j, corps: xml, cle });

  it('vers une commune simulée : accusé, puis réponse signée par son officier, vérifiable (XAdES, chaîne vers l’AC de la plateforme)', async () => {
    const xml = await signer(b, 'officier', emise('31555'));
    const r = await emettre(xml, 'emise-1');
    expect(r.statut).toBe(201);
    const accuse = lireAccuse(r.texte);
    expect(accuse.objet).toBe('demande_emise');
    const rejeu = await emettre(xml, 'emise-1');
    expect(rejeu.statut).toBe(200);
    expect(rejeu.texte).toBe(r.texte);

    const liste = (await envoyer(b.p.url, '/v1/boite/reponses', { jeton })).json as {
      reponses: { demandeId: string; xml: string }[];
    };
    const recue = liste.reponses.find((x) => x.demandeId === accuse.demandeId)!;
    expect(recue).toBeDefined();
    const rep = lireReponse(recue.xml);
    expect(rep.commune).toEqual({ codeInsee: '31555', libelle: 'MAIRIE-31-TOULOUSE' });
    expect(rep.resultat.nature).toBe('positive');
    if (rep.resultat.nature === 'positive') {
      expect(rep.resultat.forme).toBe('copie_integrale');
      expect(rep.resultat.acte.personnes[0]).toMatchObject({ nom: 'ROUSSEL', prenoms: ['Paul'] });
    }
    const autorites = (await envoyer(b.p.url, '/v1/autorites')).json as { communesSimulees: string[] };
    const racine = autorites.communesSimulees[autorites.communesSimulees.length - 1];
    const v = await verifierXades(recue.xml, {
      confiance: new Confiance(depuisPem(racine)),
      racineAttendue: { nomLocal: 'reponse', espaceNoms: espaceDeNoms(2) },
      maintenant: b.horloge.maintenant(),
    });
    expect(v.signataire.uniteOrganisation).toBe('31555');
    expect(v.nature).toBe('carte');
    // Not trusted by the cards' trust list (another PKI): verification fails there.
    await expect(
      verifierXades(recue.xml, {
        confiance: new Confiance(depuisPem(b.cartes.caPem)),
        racineAttendue: { nomLocal: 'reponse', espaceNoms: espaceDeNoms(2) },
        maintenant: b.horloge.maintenant(),
      }),
    ).rejects.toThrow(/confiance/);
    // Tampered: refused.
    await expect(
      verifierXades(recue.xml.replace('ROUSSEL', 'ROUSSET'), {
        confiance: new Confiance(depuisPem(racine)),
        racineAttendue: { nomLocal: 'reponse', espaceNoms: espaceDeNoms(2) },
        maintenant: b.horloge.maintenant(),
      }),
    ).rejects.toThrow();

    const ack = await envoyer(b.p.url, '/v1/boite/reponses/acquittements', {
      jeton,
      json: { ids: [accuse.demandeId] },
    });
    expect(ack.json).toEqual({ acquittees: [accuse.demandeId], inconnues: [] });
    const apres = (await envoyer(b.p.url, '/v1/boite/reponses', { jeton })).json as { reponses: unknown[] };
    expect(apres.reponses).toHaveLength(0);
    const suivi = (await envoyer(b.p.url, `/v1/demandes-emises/${accuse.demandeId}`, { jeton })).json;
    expect(suivi).toMatchObject({ etat: 'repondue', destinataire: '31555' });
  });

  it('délai de réponse simulé : en attente, puis répondue quand l’horloge avance', async () => {
    await b.admin('PUT', '/v1/admin/simulation', { delaiReponseMs: 2 * JOUR });
    try {
      const r = await emettre(await signer(b, 'officier', emise('34172')), 'emise-delai');
      const { demandeId } = lireAccuse(r.texte);
      expect(
        ((await envoyer(b.p.url, `/v1/demandes-emises/${demandeId}`, { jeton })).json as { etat: string }).etat,
      ).toBe('en_attente');
      b.horloge.avancer(2 * JOUR + 1000);
      jeton = await sessionAvec(b, 'officier');
      const suivi = (await envoyer(b.p.url, `/v1/demandes-emises/${demandeId}`, { jeton })).json as {
        etat: string;
        xml: string;
      };
      expect(suivi.etat).toBe('repondue');
      expect(lireReponse(suivi.xml).commune.libelle).toBe('MAIRIE-34-MONTPELLIER');
    } finally {
      await b.admin('PUT', '/v1/admin/simulation', { delaiReponseMs: 0 });
    }
  });

  it('acte non détenu par la commune simulée : réponse négative signée', async () => {
    await b.admin('PUT', '/v1/admin/simulation', { proportionNonDetenus: 1 });
    try {
      const r = await emettre(await signer(b, 'officier', emise('69123')), 'emise-neg');
      const { demandeId } = lireAccuse(r.texte);
      const suivi = (await envoyer(b.p.url, `/v1/demandes-emises/${demandeId}`, { jeton })).json as { xml: string };
      expect(lireReponse(suivi.xml).resultat).toMatchObject({ nature: 'negative', motif: 'acte_non_detenu' });
    } finally {
      await b.admin('PUT', '/v1/admin/simulation', { proportionNonDetenus: 0 });
    }
  });

  it('vers une commune inscrite : arrive dans SA boîte (demandeur commune), son officier répond, l’émettrice reçoit la réponse', async () => {
    const r = await emettre(
      await signer(b, 'officier', emise('81004', { version: 1, typeReference: null, echeanceProcedure: null })),
      'vers-albi',
    );
    expect(r.statut).toBe(201);
    const { demandeId } = lireAccuse(r.texte);
    const jetonAlbi = await sessionAvec(b, 'officierEc');
    const e = (await boite(b, jetonAlbi)).find((x) => x.id === demandeId)!;
    const d = lireDemande(e.xml);
    expect(d.demandeur).toMatchObject({ type: 'commune', libelle: 'MAIRIE-81-AUSSILLON' });
    expect(d.destinataire.codeInsee).toBe('81004');
    const reponse = construireReponse({
      version: 2,
      id: `REP-${randomUUID()}`,
      demandeId,
      commune: { codeInsee: '81004', libelle: 'MAIRIE-81-ALBI' },
      emiseLe: b.horloge.maintenant().toISOString(),
      resultat: { nature: 'negative', motif: 'acte_non_detenu', commentaire: null },
    });
    const rep = await envoyer(b.p.url, `/v1/demandes/${demandeId}/reponse`, {
      jeton: jetonAlbi,
      corps: await signer(b, 'officierEc', reponse),
      cle: 'albi-1',
    });
    expect(rep.statut).toBe(201);
    const suivi = (await envoyer(b.p.url, `/v1/demandes-emises/${demandeId}`, { jeton })).json as {
      etat: string;
      xml: string;
    };
    expect(suivi.etat).toBe('repondue');
    const v = await verifierXades(suivi.xml, {
      confiance: new Confiance(depuisPem(b.cartes.caPem)),
      racineAttendue: { nomLocal: 'reponse', espaceNoms: espaceDeNoms(2) },
      maintenant: b.horloge.maintenant(),
    });
    expect(v.signataire.empreinte).toBe(analyserCertificat(b.ouvertes.officierEc!.signature!.analyse.der).empreinte);
  });

  it('AC des communes simulées = AC agents de test : la réponse se vérifie avec la liste de confiance des cartes', async () => {
    const { racine, agents } = b.cartes.autorites;
    const p = await demarrerPlateforme({
      ancres: [b.cartes.caPem],
      horloge: b.horloge,
      autoriteSimulation: {
        certificat: analyserCertificat(new Uint8Array(agents.certificat.rawData)),
        cle: agents.cles.privateKey,
        superieures: [racine.pem],
      },
    });
    try {
      const o = b.ouvertes.officier!;
      const certs = [o.auth.analyse, o.signature!.analyse].map((c) => c.x509.toString('pem'));
      const ins = await fetch(`${p.url}/v1/admin/communes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${p.jetonAdmin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          codeInsee: '81021',
          agents: [{ nom: 'Jeanne MARTIN', delegation: true, certificats: certs }],
        }),
      });
      expect(ins.status).toBe(201);
      const j = ((await tenterSession(p.url, identiteCarte(o))).json as { jeton: string }).jeton;
      const r = await envoyer(p.url, '/v1/demandes-emises', {
        jeton: j,
        corps: await signer(b, 'officier', emise('31555')),
        cle: 'ac-test-1',
      });
      const { demandeId } = lireAccuse(r.texte);
      const suivi = (await envoyer(p.url, `/v1/demandes-emises/${demandeId}`, { jeton: j })).json as { xml: string };
      const v = await verifierXades(suivi.xml, {
        confiance: new Confiance(depuisPem(b.cartes.caPem)),
        racineAttendue: { nomLocal: 'reponse', espaceNoms: espaceDeNoms(2) },
        maintenant: b.horloge.maintenant(),
      });
      expect(v.chaine.map((c) => c.titulaire)).toEqual([
        expect.stringContaining('31555'),
        'Registre AC Agents de test',
        'Registre AC Racine de test',
      ]);
    } finally {
      await p.arreter();
    }
  });

  it('refus : destinataire inconnu, émettrice usurpée, non signée, mauvaise clé', async () => {
    expect((await emettre(await signer(b, 'officier', emise('99999')), 'inconnu-1')).motif).toBe(
      'destinataire_inconnu',
    );
    const usurpee = emise('31555', { emettrice: { codeInsee: '81004', libelle: 'MAIRIE-81-ALBI' } });
    expect((await emettre(await signer(b, 'officier', usurpee), 'usurpee-1')).motif).toBe('mauvaise_commune');
    expect((await emettre(emise('31555'), 'nue-1')).motif).toBe('signature_invalide');
    const signee = await signer(b, 'officier', emise('31555'));
    expect((await emettre(signee, 'emise-1')).motif).toBe('cle_idempotence_reutilisee');
  });
});
