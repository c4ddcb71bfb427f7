/** The search engine's public face. */
import { parConnexion } from '../../db/par-connexion';
import { MoteurRecherche } from './moteur';

export { MoteurRecherche, type DemandeRecherche } from './moteur';
export { analyserRequete, type RequeteAnalysee } from './requete';

/** One engine per connection: its prepared statements live as long as the connection. */
export const moteurPour = parConnexion((db) => new MoteurRecherche(db));
