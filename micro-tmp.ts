import { lireCsv } from './electron/registre/import/flux';
import { detecterFormat } from './electron/registre/import/detection';
import { analyserEntete } from './electron/registre/import/entete';
import { LecteurLignes } from './electron/registre/import/ligne-vers-acte';
const [f] = process.argv.slice(2);
const format = await detecterFormat(f);
new LecteurLignes(analyserEntete(['type','annee','numero','nom']), { aujourdhui: '2025-06-01' }).lire(['naissance', '1990', '1', 'x']);
for (let k = 0; k < 3; k++) {
let lecteur: LecteurLignes | null = null;
await lireCsv(f, format, { surOctets() {}, surLigne(l) {
  if (!lecteur) { lecteur = new LecteurLignes(analyserEntete(l.champs), { aujourdhui: '2025-06-01' }); return; }
  lecteur.lire(l.champs);
} });
}
