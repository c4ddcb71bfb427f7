/** Places as officers write them: one normaliser for import, the act editor, matching and search. */
export { construireIndexCommunes, type CommuneIndexee, type EntreeCog, type IndexCommunes } from './communes';
export { comparerLieux, memeLieu, normaliserLieu, type LieuNormalise, type RelationLieux } from './normalise';
export { lireEcriture, type LieuEcrit } from './ecriture';
export { cleNom, cleSansArticle } from './noms';
export { clePays } from './pays';
export { communeDesignee, verifierLieu, type VerificationLieu } from './verification';
