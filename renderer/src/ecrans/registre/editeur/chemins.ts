/**
 * Read and immutable write of a value in the form by its dotted key ("personnes.pere.nom",
 * "mentions.2.texte"): the same keys the error messages use, so a field, its value and its
 * error are named once.
 */
export function lireChemin(objet: unknown, chemin: string): unknown {
  let courant: unknown = objet;
  for (const segment of chemin.split('.')) {
    if (courant === null || typeof courant !== 'object') return undefined;
    courant = (courant as Record<string, unknown>)[segment];
  }
  return courant;
}

export function ecrireChemin<T>(objet: T, chemin: string, valeur: unknown): T {
  const [tete, ...reste] = chemin.split('.');
  const source = objet as unknown;
  if (Array.isArray(source)) {
    const copie = [...source];
    const i = Number(tete);
    copie[i] = reste.length ? ecrireChemin(copie[i], reste.join('.'), valeur) : valeur;
    return copie as T;
  }
  const enregistrement = (source ?? {}) as Record<string, unknown>;
  return {
    ...enregistrement,
    [tete]: reste.length ? ecrireChemin(enregistrement[tete], reste.join('.'), valeur) : valeur,
  } as T;
}

/** DOM id of a field's input, so the first field in error can take the focus. */
export function idChamp(cle: string): string {
  return `champ-${cle.replace(/\./g, '-')}`;
}
