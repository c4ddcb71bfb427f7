import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enveloppe } from '../../../shared/contract/define';
import type { ActeSaisi } from '../../../shared/domain/acte';
import { horlogeFixe } from '../../../electron/horloge';
import { appTemporaire } from '../../support/app-temporaire';
import { naissance } from './actes-exemples';

type AppTest = ReturnType<typeof appTemporaire>;

describe('service du registre (par le contrat)', () => {
  let app: AppTest;
  let evenements: { nom: string; charge: unknown }[];
  const appeler = async <T>(nom: string, entree: unknown): Promise<Enveloppe<T>> =>
    (await app.repartir(nom, entree)) as Enveloppe<T>;
  const reussir = async <T>(nom: string, entree: unknown): Promise<T> => {
    const r = await appeler<T>(nom, entree);
    if (!r.ok) throw new Error(`${nom} : ${r.erreur.code} ${r.erreur.message}`);
    return r.valeur;
  };
  const nouvelActe = (numero = 42): ActeSaisi => {
    const {
      id: _id,
      creeLe: _c,
      modifieLe: _m,
      ...a
    } = naissance(1987, numero, { nom: 'Dupont', prenoms: ['Jean'], sexe: 'M' }, { mere: ['Martin', ['Anne']] });
    return a;
  };

  beforeEach(() => {
    app = appTemporaire({ horloge: horlogeFixe('2025-03-01T09:00:00Z') });
    evenements = [];
    app.bus.abonner((nom, charge) => evenements.push({ nom, charge }));
  });
  afterEach(() => app.detruire());

  it('enregistre un acte, le relit, le trouve, et prévient le renderer', async () => {
    const enregistre = await reussir<{ id: number; creeLe: string }>('registre.enregistrer', { acte: nouvelActe() });
    expect(enregistre.creeLe).toBe('2025-03-01T09:00:00.000Z');
    expect(evenements).toEqual([{ nom: 'registre.modifie', charge: { raison: 'saisie', ids: [enregistre.id] } }]);
    expect(await reussir('registre.lire', { id: enregistre.id })).toEqual(enregistre);
    const { resultats } = await reussir<{ resultats: { id: number }[] }>('registre.rechercher', {
      texte: 'dupont jean',
    });
    expect(resultats.map((r) => r.id)).toEqual([enregistre.id]);
    expect(await reussir('registre.statistiques', {})).toEqual({
      total: 1,
      naissance: 1,
      mariage: 0,
      deces: 0,
      nonIndexes: 0,
    });
  });

  it('refuse un acte invalide avec la liste des champs, sans rien écrire', async () => {
    const invalide = { ...nouvelActe(), dateEvenement: '2030-01-01', personnes: [] };
    const r = await appeler('registre.enregistrer', { acte: invalide });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreur.code).toBe('saisie_invalide');
    const champs = (r.erreur.details?.erreurs as { champ: string }[]).map((e) => e.champ);
    expect(champs).toEqual(expect.arrayContaining(['dateEvenement', 'personnes.titulaire']));
    expect(await reussir('registre.statistiques', {})).toMatchObject({ total: 0 });
    expect(evenements).toEqual([]);
  });

  it('refuse un nouvel acte qui prendrait la clé d’un acte existant (conflit), sans l’écraser', async () => {
    const premier = await reussir<{ id: number }>('registre.enregistrer', { acte: nouvelActe() });
    const autre = { ...nouvelActe(), personnes: [{ role: 'titulaire', nom: 'Autre', prenoms: ['Paul'], sexe: 'M' }] };
    const r = await appeler('registre.enregistrer', { acte: autre });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreur.code).toBe('conflit');
    expect(r.erreur.message).toBe(
      'L’acte de naissance n° 42 de 1987 existe déjà dans le registre : ouvrez-le pour le corriger.',
    );
    const relu = await reussir<{ personnes: { nom: string }[] }>('registre.lire', { id: premier.id });
    expect(relu.personnes[0].nom).toBe('Dupont');
  });

  it('corriger un acte par son id garde son id ; le déplacer sur la clé d’un autre est refusé', async () => {
    const a = await reussir<ActeSaisi & { id: number }>('registre.enregistrer', { acte: nouvelActe(42) });
    const b = await reussir<ActeSaisi & { id: number }>('registre.enregistrer', { acte: nouvelActe(43) });
    const corrige = await reussir<{ id: number; personnes: { prenoms: string[] }[] }>('registre.enregistrer', {
      acte: { ...a, personnes: [{ ...a.personnes[0], prenoms: ['Jean', 'Marc'] }, ...a.personnes.slice(1)] },
    });
    expect(corrige.id).toBe(a.id);
    expect(corrige.personnes[0].prenoms).toEqual(['Jean', 'Marc']);
    const r = await appeler('registre.enregistrer', { acte: { ...b, numero: 42 } });
    expect(r.ok ? 'ok' : r.erreur.code).toBe('conflit');
    expect(await reussir('registre.statistiques', {})).toMatchObject({ total: 2 });
  });

  it('lire un id inconnu : introuvable', async () => {
    const r = await appeler('registre.lire', { id: 12345 });
    expect(r.ok ? 'ok' : r.erreur.code).toBe('introuvable');
  });

  it('la recherche respecte la limite et le type demandés', async () => {
    for (let n = 1; n <= 5; n++) await reussir('registre.enregistrer', { acte: nouvelActe(n) });
    const { resultats } = await reussir<{ resultats: unknown[] }>('registre.rechercher', {
      texte: 'dupont',
      limite: 3,
    });
    expect(resultats).toHaveLength(3);
    const aucun = await reussir<{ resultats: unknown[] }>('registre.rechercher', { texte: 'dupont', type: 'deces' });
    expect(aucun.resultats).toEqual([]);
  });
});
