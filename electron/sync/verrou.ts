/**
 * "Never two syncs at once": a single-flight lock. A second request while one runs joins the
 * running one (the user pressing "Mettre à jour" during an automatic sync gets its result)
 * instead of starting a parallel one that would race on the same requests and answers.
 */
export class UneSeuleALaFois<T> {
  private encours: Promise<T> | null = null;

  get occupe(): boolean {
    return this.encours !== null;
  }

  /** Runs `tache` unless one is already running, in which case returns the running one. */
  executer(tache: () => Promise<T>): { promesse: Promise<T>; rejoint: boolean } {
    if (this.encours) return { promesse: this.encours, rejoint: true };
    const p = (async () => {
      try {
        return await tache();
      } finally {
        this.encours = null;
      }
    })();
    this.encours = p;
    return { promesse: p, rejoint: false };
  }

  /** Waits for the running task, if any (used when closing the app). */
  async attendre(): Promise<void> {
    try {
      await this.encours;
    } catch {
      // the running task reports its own failure
    }
  }
}
