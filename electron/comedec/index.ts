/**
 * The COMEDEC room's public face: the exchange format's reader and writer, with the model
 * (shared/comedec) they check documents against. Other rooms and the sandbox import from here.
 */
export * from './format';
