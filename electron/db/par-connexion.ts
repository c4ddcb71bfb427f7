import type { Base } from './connexion';

/**
 * One object per connection, built on first use: prepared statements and in-memory state
 * live as long as the connection they were prepared on. Keyed weakly so that a connection a
 * restore has replaced takes its objects with it; the new connection gets new ones.
 */
export function parConnexion<T>(fabriquer: (db: Base) => T): (db: Base) => T {
  const objets = new WeakMap<Base, T>();
  return (db) => {
    let objet = objets.get(db);
    if (objet === undefined) {
      objet = fabriquer(db);
      objets.set(db, objet);
    }
    return objet;
  };
}
