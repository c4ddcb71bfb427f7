import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with one plain line "N passed, N failed, N skipped", readable by any CI. */
export default class RapportFinal implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, erreurs: ReadonlyArray<unknown>): void {
    let passes = 0;
    let echecs = erreurs.length;
    let ignores = 0;
    for (const m of modules) {
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) echecs++;
      for (const t of m.children.allTests()) {
        const etat = t.result().state;
        if (etat === 'passed') passes++;
        else if (etat === 'failed') echecs++;
        else ignores++;
      }
    }
    process.stdout.write(`\n${passes} passed, ${echecs} failed, ${ignores} skipped\n`);
  }
}
