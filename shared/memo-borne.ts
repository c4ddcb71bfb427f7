/**
 * Results remembered up to a fixed number of keys. When full, the memory starts again:
 * simpler and cheaper than an LRU, and the keys worth remembering (the few thousand names a
 * register repeats, the few certificates of a batch) come back at once. Bounded so that a
 * huge import or a long session keeps a flat memory.
 */
export class MemoBorne<K, V> {
  private readonly valeurs = new Map<K, V>();

  constructor(private readonly taille: number) {}

  /** The value remembered for `cle`, computed by `calculer` the first time (a throw is not remembered). */
  obtenir(cle: K, calculer: (cle: K) => V): V {
    if (this.valeurs.has(cle)) return this.valeurs.get(cle) as V;
    const valeur = calculer(cle);
    if (this.valeurs.size >= this.taille) this.valeurs.clear();
    this.valeurs.set(cle, valeur);
    return valeur;
  }

  get nombre(): number {
    return this.valeurs.size;
  }
}

/** `f` with its results remembered in a `MemoBorne` of `taille` keys. Do not mutate what it returns. */
export function memoiser<K, V>(taille: number, f: (cle: K) => V): (cle: K) => V {
  const memo = new MemoBorne<K, V>(taille);
  return (cle) => memo.obtenir(cle, f);
}
