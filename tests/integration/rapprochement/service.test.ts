import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusEvenements } from '../../../electron/contrat/bus';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotRapprochements, ServiceRapprochement } from '../../../electron/demandes';
import { horlogeFixe } from '../../../electron/horloge';
import { remplirRegistre } from '../../../electron/registre/synthetique';
import { dossierTemporaire } from '../../support/app-temporaire';
import { acteConnu, ajouterActes, demandeConnue, recevoir } from './outils';

/** Background matching on a real database: requests stored by the sync engine's own code. */
describe('rapprochement en arrière-plan', () => {
  let dossier: ReturnType<typeof dossierTemporaire>;
  let db: Base;
  let bus: BusEvenements;
  let service: ServiceRapprochement;
  let evenements: { nom: string; charge: unknown }[];

  beforeEach(() => {
    dossier = dossierTemporaire('registre-rapprochement-');
    db = ouvrirBase(path.join(dossier.chemin, 'registre.db'));
    remplirRegistre(db, { actes: 1500, graine: 3 }, '2025-01-01T00:00:00.000Z');
    bus = new BusEvenements();
    evenements = [];
    bus.abonner((nom, charge) => evenements.push({ nom, charge }));
    service = new ServiceRapprochement({ db: () => db, bus, horloge: horlogeFixe('2025-03-01T09:00:00.000Z') });
  });

  afterEach(async () => {
    await service.arreter();
    db.close();
    dossier.detruire();
  });

  const issue = (id: number) => new DepotRapprochements(db).issue(id);

  it('au démarrage, chaque demande en attente est rapprochée, résultat stocké, écrans prévenus', async () => {
    ajouterActes(db, acteConnu);
    const [exacte, bruitee, inconnue] = recevoir(
      db,
      demandeConnue(2, {}, 'DEM-1'),
      demandeConnue(1, { nom: 'TREGUER', dateNaissance: '1987-12-03' }, 'DEM-2'),
      demandeConnue(2, { nom: 'ZYGOMAR', prenoms: ['Ulrich'], dateNaissance: '1912-07-01', sexe: 'M' }, 'DEM-3'),
    );
    service.demarrer();
    await service.attendre();
    expect(issue(exacte)).toMatchObject({ issue: 'sur', score: 100, perime: false });
    expect(issue(bruitee)?.issue).toBe('a_verifier');
    expect(issue(inconnue)).toMatchObject({ issue: 'aucun', score: null });
    const stocke = new DepotRapprochements(db).lire(exacte)!;
    expect(stocke.resultat.candidats[0].comparaisons.length).toBeGreaterThan(5);
    expect(stocke.calculeLe).toBe('2025-03-01T09:00:00.000Z');
    const faits = evenements
      .filter((e) => e.nom === 'rapprochement.modifie')
      .flatMap((e) => (e.charge as { demandeIds: number[] }).demandeIds);
    expect(faits.sort()).toEqual([exacte, bruitee, inconnue].sort());
  });

  it('à l’arrivée de demandes (après une réception) puis quand le registre change', async () => {
    service.demarrer();
    await service.attendre();
    const [id] = recevoir(db, demandeConnue(2, {}, 'DEM-10'));
    // What app.ts runs after a reception (sync.apresReception).
    service.planifier();
    await service.attendre();
    expect(issue(id)?.issue).toBe('aucun');

    // The act is keyed in: what app.ts runs after a register change, the request is redone.
    const [acte] = ajouterActes(db, acteConnu);
    service.registreModifie();
    await service.attendre();
    expect(issue(id)).toMatchObject({ issue: 'sur', perime: false });
    expect(new DepotRapprochements(db).lire(id)!.resultat.candidats[0].acteId).toBe(acte);
  });

  it('une demande déjà répondue n’est pas refaite quand le registre change', async () => {
    const [id] = recevoir(db, demandeConnue(2, {}, 'DEM-20'));
    service.demarrer();
    await service.attendre();
    expect(issue(id)?.issue).toBe('aucun');
    db.prepare("UPDATE demandes SET cycle = 'repondue', sens_reponse = 'negative' WHERE id = ?").run(id);
    ajouterActes(db, acteConnu);
    service.registreModifie();
    await service.attendre();
    expect(issue(id)).toMatchObject({ issue: 'aucun', perime: false });
  });

  it('une demande illisible n’arrête ni ne bloque les autres', async () => {
    ajouterActes(db, acteConnu);
    const [illisible, bonne] = recevoir(db, demandeConnue(2, {}, 'DEM-30'), demandeConnue(2, {}, 'DEM-31'));
    db.prepare('UPDATE demandes SET donnees = \'{"typeActe":"naissance"}\' WHERE id = ?').run(illisible);
    service.demarrer();
    await service.attendre();
    expect(issue(illisible)).toBeNull();
    expect(issue(bonne)?.issue).toBe('sur');
    expect(() => service.rapprocherMaintenant(illisible)).toThrow(/Erreur interne/);
  });

  it('arrêté, le service n’écoute plus', async () => {
    service.demarrer();
    await service.arreter();
    const [id] = recevoir(db, demandeConnue(2, {}, 'DEM-40'));
    service.planifier();
    service.registreModifie();
    await service.attendre();
    expect(issue(id)).toBeNull();
  });

  it('les événements du bus sont pour l’interface : ils ne lancent pas le rapprochement', async () => {
    service.demarrer();
    await service.attendre();
    const [id] = recevoir(db, demandeConnue(2, {}, 'DEM-50'));
    bus.emettre('demandes.nouvelles', { nombre: 1, specimens: 0, quarantaine: 0, jourLimitePlusProche: null });
    bus.emettre('registre.modifie', { raison: 'import' });
    bus.emettre('sync.progression', { synchroId: 1, phase: 'terminee', fait: 1, total: 1, message: 'fini' });
    await service.attendre();
    expect(issue(id)).toBeNull();
  });
});
