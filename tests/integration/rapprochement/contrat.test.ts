import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enveloppe } from '../../../shared/contract';
import type { EtatRapprochement, IssueDemande } from '../../../shared/contract/rapprochement';
import { appelant, appTemporaire } from '../../support/app-temporaire';
import { acteConnu, ajouterActes, demandeConnue, recevoir } from './outils';

/** The contract calls of matching, through the app's dispatcher (as both transports call it). */
describe('contrat : rapprochement.*', () => {
  let app: ReturnType<typeof appTemporaire>;
  beforeEach(() => {
    app = appTemporaire();
  });
  afterEach(() => app.detruire());

  // `app` is made again for each test: the helper reaches the current one at each call
  const appeler = appelant({ repartir: (n, e) => app.repartir(n, e) });

  it('les demandes en attente sont rapprochées en arrière-plan ; lire donne candidats, comparaison, issue', async () => {
    const db = app.contexte.db();
    const [acte] = ajouterActes(db, acteConnu);
    const [exacte, sansActe] = recevoir(
      db,
      demandeConnue(2, {}, 'DEM-1'),
      demandeConnue(2, { nom: 'ZYGOMAR', dateNaissance: '1950-01-01' }, 'DEM-2'),
    );
    // The register says it changed (the acts above): app.ts runs matching after it. (After a
    // reception: tests/integration/sync/cycle.test.ts, with a real sync.)
    app.contexte.registreModifie({ raison: 'import' });
    let issues: IssueDemande[] = [];
    for (let i = 0; i < 100 && (issues.length === 0 || !issues.every((x) => x.issue)); i++) {
      await new Promise((r) => setTimeout(r, 20));
      issues = await appeler<IssueDemande[]>('rapprochement.issues', { demandeIds: [exacte, sansActe] });
    }
    expect(issues).toEqual([
      { demandeId: exacte, issue: 'sur', score: 100, perime: false },
      { demandeId: sansActe, issue: 'aucun', score: null, perime: false },
    ]);
    const etat = await appeler<EtatRapprochement>('rapprochement.lire', { demandeId: exacte });
    expect(etat.resultat.issue).toBe('sur');
    expect(etat.resultat.candidats[0]).toMatchObject({ acteId: acte, concordant: true });
    expect(etat.resultat.candidats[0].comparaisons.find((c) => c.champ === 'nom')).toMatchObject({
      verdict: 'identique',
      libelle: 'Nom',
    });
  });

  it('lire refait un résultat périmé par un changement du registre ; relancer refait toujours', async () => {
    const db = app.contexte.db();
    const [id] = recevoir(db, demandeConnue(2, { prenoms: ['Éloïse'] }, 'DEM-5'));
    const avant = await appeler<EtatRapprochement>('rapprochement.lire', { demandeId: id });
    expect(avant.resultat.issue).toBe('aucun');
    ajouterActes(db, acteConnu);
    app.contexte.registreModifie({ raison: 'saisie' });
    const apres = await appeler<EtatRapprochement>('rapprochement.lire', { demandeId: id });
    expect(apres.resultat.issue).toBe('sur');
    expect(apres.resultat.explication).toContain('prénom manquant');
    const relance = await appeler<EtatRapprochement>('rapprochement.relancer', { demandeId: id });
    expect(relance.resultat.issue).toBe('sur');
  });

  it('demande inconnue : erreur « introuvable » en français ; entrée invalide refusée', async () => {
    const e = (await app.repartir('rapprochement.lire', { demandeId: 999 })) as Enveloppe<unknown>;
    expect(e).toMatchObject({ ok: false, erreur: { code: 'introuvable', message: 'Demande introuvable (999).' } });
    const invalide = (await app.repartir('rapprochement.issues', { demandeIds: [-1] })) as Enveloppe<unknown>;
    expect(invalide).toMatchObject({ ok: false, erreur: { code: 'saisie_invalide' } });
  });
});
