import type { RejetImport } from '../../../shared/contract/registre';
import { erreurs } from '../../../shared/errors';
import { preparerActe } from '../acte-prepare';
import { ajouterAuLot, type ValeurLot } from '../lot-actes';
import { ClesVues } from './cles-vues';
import { detecterFormat, type FormatCsv } from './detection';
import { analyserEntete } from './entete';
import { lireCsv, type LigneCsv } from './flux';
import { LecteurLignes, type ErreurColonne } from './ligne-vers-acte';
import { EcrivainRejets } from './rejets';

/**
 * The reading half of the CSV import, run in its own thread (travailleur-lecture.ts): reads
 * the file, checks every row, refuses bad rows and duplicates (rejects file), prepares the
 * good acts for the store and hands them over in batches (lot-actes.ts). It never touches
 * the database: the writing thread does only that, at the same time.
 */

export interface OptionsLecture {
  fichierCsv: string;
  fichierRejets: string;
  aujourdhui: string;
  /** How many rejects the report lists (all of them are in the file). */
  rejetsDansRapport: number;
  /** Acts per batch. */
  tailleLot: number;
}

export interface AvanceeLecture {
  octetsLus: number;
  lignesLues: number;
  lignesRejetees: number;
}

export type MessageLecture =
  | ({ type: 'lot'; lot: ValeurLot[]; mots: string[] } & AvanceeLecture)
  | ({ type: 'progression' } & AvanceeLecture)
  | ({
      type: 'fin';
      rejets: RejetImport[];
      fichierRejets: string | null;
      format: FormatCsv;
    } & AvanceeLecture);

/** Words already handed over: a bound keeps memory flat on a file of all-different names. */
const MOTS_ENVOYES_MAX = 200_000;
const INTERVALLE_PROGRESSION_MS = 100;

export async function lireEnLots(
  o: OptionsLecture,
  envoyer: (m: MessageLecture) => void,
  /** Called before each batch is sent: waits (blocking) until the writer has room for it. */
  attendrePlace: () => void,
): Promise<void> {
  const format = await detecterFormat(o.fichierCsv);
  const cles = new ClesVues();
  const motsEnvoyes = new Set<string>();
  const premiersRejets: RejetImport[] = [];
  const avancee: AvanceeLecture = { octetsLus: 0, lignesLues: 0, lignesRejetees: 0 };
  let lecteur: LecteurLignes | null = null;
  let rejets: EcrivainRejets | null = null;
  let lot: ValeurLot[] = [];
  let nombre = 0;
  let mots: string[] = [];
  let derniereProgression = 0;

  const envoyerLot = () => {
    if (nombre === 0) return;
    attendrePlace();
    envoyer({ type: 'lot', lot, mots, ...avancee });
    lot = [];
    nombre = 0;
    mots = [];
    derniereProgression = performance.now();
  };

  const rejeter = (ligne: LigneCsv, erreursLigne: ErreurColonne[]) => {
    avancee.lignesRejetees++;
    const colonne = [...new Set(erreursLigne.map((e) => e.colonne))].join(', ');
    const raison =
      erreursLigne.length === 1
        ? erreursLigne[0].raison
        : erreursLigne.map((e) => `${e.colonne} : ${e.raison}`).join(' ; ');
    if (premiersRejets.length < o.rejetsDansRapport) premiersRejets.push({ ligne: ligne.ligne, colonne, raison });
    rejets!.ecrire(
      ligne.champs,
      `ligne ${ligne.ligne} — ${erreursLigne.map((e) => `${e.colonne} : ${e.raison}`).join(' ; ')}`,
    );
    // The writer learns at once that the rejects file is this import's: it removes it if the import fails.
    if (avancee.lignesRejetees === 1) envoyer({ type: 'progression', ...avancee });
  };

  const surLigne = (ligne: LigneCsv) => {
    if (!lecteur) {
      const entete = analyserEntete(ligne.champs);
      lecteur = new LecteurLignes(entete, { aujourdhui: o.aujourdhui });
      rejets = new EcrivainRejets(o.fichierRejets, format, ligne.champs, entete.motifRejet);
      return;
    }
    avancee.lignesLues++;
    const lu = lecteur.lire(ligne.champs);
    if (lu.erreurs) rejeter(ligne, lu.erreurs);
    else {
      const acte = lu.acte;
      const premiere = cles.noter(acte.type, acte.annee, acte.numero, ligne.ligne);
      if (premiere !== null) {
        rejeter(ligne, [
          {
            colonne: 'numero',
            raison: `doublon : le même acte (type, année, numéro) figure déjà à la ligne ${premiere} de ce fichier`,
          },
        ]);
      } else {
        const prepare = preparerActe(acte);
        ajouterAuLot(lot, prepare);
        nombre++;
        for (const m of prepare.mots) {
          if (motsEnvoyes.has(m)) continue;
          if (motsEnvoyes.size >= MOTS_ENVOYES_MAX) motsEnvoyes.clear();
          motsEnvoyes.add(m);
          mots.push(m);
        }
        if (nombre >= o.tailleLot) envoyerLot();
      }
    }
    // The first line is shown at once (a dialog saying "Démarrage…" for seconds looks stuck);
    // then about ten a second, also when every row is refused and no batch goes out.
    if (avancee.lignesLues === 1 || (avancee.lignesLues & 255) === 0) {
      const t = performance.now();
      if (avancee.lignesLues === 1 || t - derniereProgression >= INTERVALLE_PROGRESSION_MS) {
        derniereProgression = t;
        envoyer({ type: 'progression', ...avancee });
      }
    }
  };

  try {
    await lireCsv(o.fichierCsv, format, { surLigne, surOctets: (n) => (avancee.octetsLus = n) });
    if (!lecteur) throw erreurs.importInvalide('Le fichier ne contient aucune ligne (ni en-tête ni acte).');
    envoyerLot();
  } catch (e) {
    (rejets as EcrivainRejets | null)?.supprimer();
    throw e;
  } finally {
    (rejets as EcrivainRejets | null)?.fermer();
  }
  envoyer({
    type: 'fin',
    rejets: premiersRejets,
    fichierRejets: (rejets as EcrivainRejets | null)?.chemin ?? null,
    format,
    ...avancee,
  });
}
