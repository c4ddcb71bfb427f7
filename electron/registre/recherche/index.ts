/** The search engine's public face. */
import { parConnexion } from '../../db';
import { MoteurRecherche } from './moteur';

export { MoteurRecherche, type DemandeRecherche } from './moteur';
export { analyserRequete, type RequeteAnalysee } from './requete';
// What matching reuses of the search (its vocabulary expansion, FTS expressions and date tokens).
export { ExpanseurVocabulaire } from './expansion';
export { expressionFts, type GroupeFts } from './expression-fts';
export { jetonJour, jetonMois } from './jetons-date';

/** One engine per connection: its prepared statements live as long as the connection. */
export const moteurPour = parConnexion((db) => new MoteurRecherche(db));
