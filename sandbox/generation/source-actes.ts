import { personnesPrincipales, type Acte, type TypeActe } from '../../shared/domain/acte';
import { normaliser } from '../../shared/domain/normalisation';
import { ouvrirBase, type Base } from '../../electron/db';
import { DepotActes, genererActes } from '../../electron/registre';
import type { Hasard } from '../hasard';

/**
 * Where the generator takes the acts a commune holds: the client's register file (opened
 * read-only through the register's own store) or a synthetic register drawn from a seed.
 * `detient` tells whether the commune holds an act of that type, date and main person: the
 * generator uses it to make sure a "not held" request really is not held.
 */
export interface SourceActes {
  echantillon(nombre: number, h: Hasard): Acte[];
  detient(type: TypeActe, dateEvenement: string | null, nom: string): boolean;
  fermer(): void;
}

/** Same act for the platform: same type, same event date, same main surname (normalised). */
function correspond(acte: Acte, type: TypeActe, date: string | null, nom: string): boolean {
  if (acte.type !== type || acte.dateEvenement !== date) return false;
  const cle = normaliser(nom);
  return personnesPrincipales(acte).some((p) => normaliser(p.nom) === cle);
}

export function sourceSynthetique(codeInsee: string, graine: number, taille = 3000): SourceActes {
  const actes = [...genererActes({ actes: taille, graine, commune: codeInsee })].filter((a) => a.indexe);
  const parDate = new Map<string, Acte[]>();
  for (const a of actes) {
    const k = `${a.type}|${a.dateEvenement}`;
    parDate.set(k, [...(parDate.get(k) ?? []), a]);
  }
  return {
    echantillon: (n, h) => Array.from({ length: Math.min(n, actes.length) }, () => h.choix(actes)),
    detient: (type, date, nom) => (parDate.get(`${type}|${date}`) ?? []).some((a) => correspond(a, type, date, nom)),
    fermer: () => undefined,
  };
}

/** The client's register, read-only: never a write, whatever the generator does. */
export function sourceRegistre(fichier: string): SourceActes {
  const db: Base = ouvrirBase(fichier, { lectureSeule: true });
  const depot = new DepotActes(db);
  const max = (db.prepare('SELECT max(id) FROM actes').pluck().get() as number | null) ?? 0;
  const memeDate = db.prepare('SELECT id FROM actes WHERE type = ? AND date_evenement = ?').pluck();
  return {
    echantillon(n, h) {
      const res: Acte[] = [];
      // Ids drawn with the seeded generator (not SQL random()): same seed, same requests.
      for (let essais = 0; res.length < n && max > 0 && essais < n * 20; essais++) {
        const a = depot.lire(h.entier(1, max));
        if (a?.indexe) res.push(a);
      }
      return res;
    },
    detient(type, date, nom) {
      return (memeDate.all(type, date) as number[]).some((id) => {
        const a = depot.lire(id);
        return a ? correspond(a, type, date, nom) : false;
      });
    },
    fermer: () => db.close(),
  };
}
