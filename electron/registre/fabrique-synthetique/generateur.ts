import type { Acte, Mention, Personne, Sexe, TypeActe } from '../../../shared/domain/acte';
import { dateFrancaise, dernierJour, isoDe, jourDe, premierJour } from './calendrier';
import { Hasard } from './hasard';
import { LieuxSynthetiques } from './lieux';
import { ecrireNom, FabriqueNoms, personne } from './personnes';

export interface OptionsRegistre {
  /** Number of acts. */
  actes: number;
  /** Same seed, same register. */
  graine?: number;
  /** Last year of the register (default 2024: every date is in the past, whatever today is). */
  anneeFin?: number;
  /** Number of years covered (default 100). */
  annees?: number;
  /** INSEE code of the register's commune (default Albi, 81004). */
  commune?: string;
}

/**
 * Share of each act type in a French commune's register over a century: about as many
 * deaths as births where the maternity is, fewer marriages.
 */
const PARTS: [TypeActe, number][] = [
  ['naissance', 0.45],
  ['mariage', 0.17],
  ['deces', 0.38],
];
const PART_NON_INDEXES = 0.015;
const AN = 365.25;
const DEBUT_PACS = jourDe('1999-11-15');

/**
 * A realistic synthetic register, act by act, in the register's order (year, type, number),
 * so that a million acts never sit in memory. Every act passes `validerActe`.
 */
export function* genererActes(options: OptionsRegistre): Generator<Acte> {
  const h = new Hasard(options.graine ?? 1);
  const anneeFin = options.anneeFin ?? 2024;
  const annees = options.annees ?? 100;
  const lieux = new LieuxSynthetiques(options.commune ?? '81004');
  const noms = new FabriqueNoms();
  const fabrique = new FabriqueActes(h, noms, lieux, dernierJour(anneeFin));
  for (const { annee, type, nombre } of planifier(options.actes, anneeFin - annees + 1, anneeFin)) {
    for (let numero = 1; numero <= nombre; numero++) yield fabrique.acte(type, annee, numero);
  }
}

/** How many acts of each type each year: slightly more in recent years (the town grew). */
function planifier(total: number, debut: number, fin: number): { annee: number; type: TypeActe; nombre: number }[] {
  const cases: { annee: number; type: TypeActe; exact: number; nombre: number }[] = [];
  let somme = 0;
  for (let a = debut; a <= fin; a++) somme += 1 + (0.5 * (a - debut)) / (fin - debut + 1);
  for (let a = debut; a <= fin; a++) {
    const poids = (1 + (0.5 * (a - debut)) / (fin - debut + 1)) / somme;
    for (const [type, part] of PARTS) {
      const exact = total * poids * part;
      cases.push({ annee: a, type, exact, nombre: Math.floor(exact) });
    }
  }
  // Largest remainders: the register has exactly `total` acts.
  let reste = total - cases.reduce((s, c) => s + c.nombre, 0);
  for (const c of [...cases].sort((x, y) => y.exact - y.nombre - (x.exact - x.nombre))) {
    if (reste-- <= 0) break;
    c.nombre++;
  }
  return cases.filter((c) => c.nombre > 0);
}

class FabriqueActes {
  constructor(
    private readonly h: Hasard,
    private readonly noms: FabriqueNoms,
    private readonly lieux: LieuxSynthetiques,
    private readonly finRegistre: number,
  ) {}

  acte(type: TypeActe, annee: number, numero: number): Acte {
    const base = { type, annee, numero, origine: 'import' as const };
    if (this.h.oui(PART_NON_INDEXES)) {
      return {
        ...base,
        dateActe: null,
        dateEvenement: null,
        lieuEvenement: null,
        personnes: [],
        mentions: [],
        indexe: false,
      };
    }
    const jourEvenement = this.h.entier(premierJour(annee), dernierJour(annee));
    const dateEvenement = isoDe(jourEvenement);
    // Births and deaths are declared within days (the act stays in the year's register);
    // a marriage act is drawn up at the celebration.
    const delai = type === 'mariage' ? 0 : this.h.entier(0, 3);
    const dateActe = isoDe(Math.min(jourEvenement + delai, dernierJour(annee)));
    const capitales = this.h.oui(0.7);
    const contenu =
      type === 'naissance'
        ? this.naissance(jourEvenement, capitales)
        : type === 'mariage'
          ? this.mariage(jourEvenement, capitales)
          : this.deces(jourEvenement, capitales);
    return { ...base, dateActe, dateEvenement, lieuEvenement: this.lieux.evenement(), ...contenu, indexe: true };
  }

  private naissance(jour: number, capitales: boolean): Pick<Acte, 'personnes' | 'mentions'> {
    const h = this.h;
    const sexe: Sexe = h.oui(0.51) ? 'M' : 'F';
    const nomPere = this.noms.nom(h);
    const nomMere = this.noms.nom(h);
    const avecPere = h.oui(0.92);
    const annee = new Date(jour * 86_400_000).getUTCFullYear();
    let nomEnfant = avecPere ? nomPere : nomMere;
    // Since 2005 parents may give both names, joined by a hyphen.
    if (avecPere && annee >= 2005 && h.oui(0.1) && nomPere !== nomMere) nomEnfant = `${nomPere}-${nomMere}`;
    const lieu = this.lieux.evenement();
    const personnes: Personne[] = [
      personne('titulaire', ecrireNom(nomEnfant, capitales), this.noms.prenoms(h, sexe), {
        sexe,
        dateNaissance: isoDe(jour),
        lieuNaissance: lieu,
      }),
    ];
    if (avecPere) personnes.push(this.parent('pere', nomPere, 'M', jour, 20, 50, capitales));
    if (h.oui(0.98)) personnes.push(this.parent('mere', nomMere, 'F', jour, 17, 44, capitales));
    const enfant = personnes[0];
    return { personnes, mentions: this.mentionsDeNaissance(jour, enfant) };
  }

  private parent(
    role: 'pere' | 'mere',
    nom: string,
    sexe: Sexe,
    jourEnfant: number,
    ageMin: number,
    ageMax: number,
    capitales: boolean,
  ): Personne {
    const h = this.h;
    return personne(role, ecrireNom(nom, capitales), this.noms.prenoms(h, sexe), {
      dateNaissance: h.oui(0.7)
        ? isoDe(jourEnfant - Math.floor(h.entier(ageMin, ageMax) * AN) - h.entier(0, 300))
        : null,
      lieuNaissance: h.oui(0.5) ? this.lieux.naissance(h) : null,
      profession: h.oui(0.6) ? this.noms.profession(h, sexe) : null,
    });
  }

  private mariage(jour: number, capitales: boolean): Pick<Acte, 'personnes' | 'mentions'> {
    const h = this.h;
    const annee = new Date(jour * 86_400_000).getUTCFullYear();
    // Marriage is open to couples of the same sex since 2013.
    const memeSexe = annee >= 2013 && h.oui(0.03);
    const sexe1: Sexe = memeSexe && h.oui(0.5) ? 'F' : 'M';
    const sexe2: Sexe = memeSexe ? sexe1 : 'F';
    const nom1 = this.noms.nom(h);
    const nom2 = this.noms.nom(h);
    const personnes: Personne[] = [
      this.epoux('epoux1', nom1, sexe1, jour, capitales),
      this.epoux('epoux2', nom2, sexe2, jour, capitales),
    ];
    for (const [role, nom, sexe] of [
      ['pere_epoux1', nom1, 'M'],
      ['mere_epoux1', this.noms.nom(h), 'F'],
      ['pere_epoux2', nom2, 'M'],
      ['mere_epoux2', this.noms.nom(h), 'F'],
    ] as const) {
      if (!h.oui(0.85)) continue;
      personnes.push(
        personne(role, ecrireNom(nom, capitales), this.noms.prenoms(h, sexe), {
          profession: h.oui(0.5) ? this.noms.profession(h, sexe) : null,
        }),
      );
    }
    const mentions: Mention[] = [];
    if (h.oui(0.15)) {
      const jourDivorce = jour + h.entier(2, 25) * 365;
      if (jourDivorce <= this.finRegistre) {
        mentions.push({
          type: 'divorce',
          date: isoDe(jourDivorce),
          texte: `Divorcés par jugement du tribunal judiciaire du ${dateFrancaise(isoDe(jourDivorce))}.`,
        });
      }
    }
    return { personnes, mentions };
  }

  private epoux(role: 'epoux1' | 'epoux2', nom: string, sexe: Sexe, jourMariage: number, capitales: boolean): Personne {
    const h = this.h;
    const age = h.oui(0.8) ? h.entier(20, 35) : h.entier(18, 70);
    return personne(role, ecrireNom(nom, capitales), this.noms.prenoms(h, sexe), {
      sexe,
      dateNaissance: isoDe(jourMariage - Math.floor(age * AN) - h.entier(1, 300)),
      lieuNaissance: this.lieux.naissance(h),
      profession: h.oui(0.8) ? this.noms.profession(h, sexe) : null,
    });
  }

  private deces(jour: number, capitales: boolean): Pick<Acte, 'personnes' | 'mentions'> {
    const h = this.h;
    const sexe: Sexe = h.oui(0.5) ? 'M' : 'F';
    const x = h.reel();
    const age = x < 0.03 ? h.entier(0, 17) : x < 0.2 ? h.entier(18, 64) : h.entier(65, 103);
    const nom = this.noms.nom(h);
    const defunt = personne('titulaire', ecrireNom(nom, capitales), this.noms.prenoms(h, sexe), {
      sexe,
      dateNaissance: h.oui(0.92) ? isoDe(jour - Math.floor(age * AN) - h.entier(1, 300)) : null,
      lieuNaissance: h.oui(0.85) ? this.lieux.naissance(h) : null,
      profession: age >= 18 && h.oui(0.5) ? this.noms.profession(h, sexe) : null,
    });
    const personnes: Personne[] = [defunt];
    if (h.oui(0.6)) personnes.push(personne('pere', ecrireNom(nom, capitales), this.noms.prenoms(h, 'M')));
    if (h.oui(0.6)) personnes.push(personne('mere', ecrireNom(this.noms.nom(h), capitales), this.noms.prenoms(h, 'F')));
    if (age >= 25 && h.oui(0.5)) {
      personnes.push(
        personne('conjoint', ecrireNom(this.noms.nom(h), capitales), this.noms.prenoms(h, sexe === 'M' ? 'F' : 'M')),
      );
    }
    return { personnes, mentions: [] };
  }

  /** Later events written in the margin of a birth act: marriage, divorce, PACS, death... */
  private mentionsDeNaissance(jour: number, enfant: Personne): Mention[] {
    const h = this.h;
    const mentions: Mention[] = [];
    const accord = enfant.sexe === 'F' ? 'e' : '';
    const dans = (ans: number) => jour + Math.floor(ans * AN) + h.entier(0, 300);
    const passe = (j: number) => j <= this.finRegistre;
    const ici = this.lieux.commune.commune;
    if (h.oui(0.04)) {
      const j = dans(h.entier(0, 2));
      if (passe(j))
        mentions.push({
          type: 'rectification',
          date: isoDe(j),
          texte: 'Acte rectifié par décision du procureur de la République : orthographe du nom du père.',
        });
    }
    if (h.oui(0.08)) {
      // The PACS exists since 15 November 1999.
      const j = dans(h.entier(20, 45));
      if (passe(j) && j >= DEBUT_PACS)
        mentions.push({
          type: 'pacs',
          date: isoDe(j),
          texte: `PACS enregistré le ${dateFrancaise(isoDe(j))} à la mairie de ${ici}.`,
        });
    }
    if (h.oui(0.45)) {
      const j = dans(h.entier(20, 40));
      if (passe(j)) {
        const conjoint = `${this.noms.prenoms(h, enfant.sexe === 'F' ? 'M' : 'F')[0]} ${this.noms.nom(h).toLocaleUpperCase('fr-FR')}`;
        mentions.push({
          type: 'mariage',
          date: isoDe(j),
          texte: `Marié${accord} à ${ici} le ${dateFrancaise(isoDe(j))} avec ${conjoint}.`,
        });
        if (h.oui(0.12)) {
          const d = j + h.entier(2, 20) * 365;
          if (passe(d))
            mentions.push({
              type: 'divorce',
              date: isoDe(d),
              texte: `Divorcé${accord} par jugement du ${dateFrancaise(isoDe(d))}.`,
            });
        }
      }
    }
    if (h.oui(0.5)) {
      const j = dans(h.entier(50, 100));
      if (passe(j))
        mentions.push({
          type: 'deces',
          date: isoDe(j),
          texte: `Décédé${accord} à ${ici} le ${dateFrancaise(isoDe(j))}.`,
        });
    }
    return mentions;
  }
}
