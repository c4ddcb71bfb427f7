/**
 * The COMEDEC model (pure: no Node, no DOM): versions, zod schemas of the exchange documents,
 * and the reasons a document is refused. The XML reader and writer stay in electron/comedec/.
 */
export * from './versions';
export * from './schemas';
export * from './motifs';
