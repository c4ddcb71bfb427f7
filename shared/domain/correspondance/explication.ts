import type { TypeActe } from '../acte';
import { libelleNature } from './libelles';
import { estAnodin } from './score';
import type { Candidat, ComparaisonChamp } from './types';

/** French sentences that explain a matching outcome to the officer. */

const deType: Record<TypeActe, string> = { naissance: 'de naissance', mariage: 'de mariage', deces: 'de décès' };

export function libelleActe(c: Pick<Candidat, 'type' | 'annee' | 'numero'>): string {
  return `l’acte ${deType[c.type]} n° ${c.numero} de ${c.annee}`;
}

function valeurs(c: ComparaisonChamp): string {
  return `« ${c.demande ?? '—'} » demandé, « ${c.registre ?? '—'} » au registre`;
}

/** "Nom — faute de frappe (une lettre ou un chiffre) : « DUPOND » demandé, « DUPONT » au registre". */
export function decrireChamp(c: ComparaisonChamp): string {
  const nature = c.verdict === 'different' ? 'différent' : c.natures.map((n) => libelleNature[n]).join(', ');
  return `${c.libelle} — ${nature} : ${valeurs(c)}`;
}

/** What the request left out among the fields that identify the act ("la date de naissance"). */
function identiteNonDeclaree(c: Candidat): string[] {
  const compare = (champ: ComparaisonChamp['champ']) =>
    c.comparaisons.some((x) => x.champ === champ && x.verdict !== 'absent');
  const manque: string[] = [];
  if (!compare('nom')) manque.push('le nom');
  if (!compare('prenoms')) manque.push('les prénoms');
  if (c.type === 'naissance' ? !compare('dateNaissance') : !compare('dateEvenement') && !compare('dateNaissance'))
    manque.push(
      c.type === 'naissance' ? 'la date de naissance' : `la date ${c.type === 'mariage' ? 'du mariage' : 'du décès'}`,
    );
  return manque;
}

/** The fields that keep a candidate from being sure, described. */
export function champsAVerifier(c: Candidat): string[] {
  return c.comparaisons.filter((x) => !estAnodin(x)).map(decrireChamp);
}

/** Harmless variants, named so the officer sees what was tolerated. */
export function variantesAnodines(c: Candidat): string[] {
  return c.comparaisons.filter((x) => x.verdict === 'variante' && estAnodin(x)).map(decrireChamp);
}

/**
 * `ecartes`: acts of the same day (twins) whose given names share none with the request's,
 * set aside because the act agrees with every field to the letter: named, so the officer sees them.
 */
export function expliquerSur(c: Candidat, ecartes: readonly Candidat[] = []): string {
  const tolerees = variantesAnodines(c);
  const debut = `Un seul acte correspond : ${libelleActe(c)}.`;
  const phrase =
    tolerees.length === 0
      ? `${debut} Tous les champs déclarés sont identiques au registre.`
      : `${debut} Les champs déclarés sont identiques au registre, à l’écriture ou à un prénom manquant près : ${tolerees.join(' ; ')}.`;
  const jumeaux = ecartes.map((e) => {
    const prenoms = e.comparaisons.find((x) => x.champ === 'prenoms')?.registre ?? '—';
    return `${libelleActe(e)} (prénoms « ${prenoms} »)`;
  });
  if (jumeaux.length === 0) return phrase;
  return `${phrase} Écarté${jumeaux.length > 1 ? 's' : ''}, de même date mais aux prénoms entièrement différents (un jumeau ?) : ${jumeaux.join(' ; ')}.`;
}

export function expliquerAucun(type: TypeActe, nonIndexes: { annee: number | null; nombre: number } | null): string {
  const debut = `Aucun acte ${deType[type]} du registre ne correspond à cette demande.`;
  if (!nonIndexes)
    return `${debut} Si l’acte est détenu mais pas encore indexé, indexez-le avant de répondre que l’acte n’est pas détenu.`;
  const periode = nonIndexes.annee ? ` de ${nonIndexes.annee}` : '';
  if (nonIndexes.nombre > 0) {
    const n = nonIndexes.nombre;
    return (
      `${debut} ${n} acte${n > 1 ? 's' : ''} ${deType[type]}${periode} ${n > 1 ? 'ne sont' : 'n’est'} pas encore indexé${n > 1 ? 's' : ''} : ` +
      `l’acte demandé peut en faire partie. Indexez-${n > 1 ? 'les' : 'le'} avant de répondre que l’acte n’est pas détenu.`
    );
  }
  return `${debut} Tous les actes ${deType[type]}${periode} sont indexés : l’acte n’est vraisemblablement pas détenu par la commune.`;
}

/** Two acts with the same date and the same parents: twins, told apart by given names and sex. */
function jumeauxPossibles(a: Candidat, b: Candidat): boolean {
  const egal = (champ: ComparaisonChamp['champ']) => {
    const x = a.comparaisons.find((c) => c.champ === champ)?.registre ?? null;
    const y = b.comparaisons.find((c) => c.champ === champ)?.registre ?? null;
    return x !== null && x === y;
  };
  return a.type === 'naissance' && egal('dateNaissance') && (egal('mere.nom') || egal('pere.nom'));
}

export function expliquerAVerifier(type: TypeActe, candidats: readonly Candidat[]): string {
  const details = candidats.map((c) => {
    const ecarts = champsAVerifier(c);
    const manque = identiteNonDeclaree(c);
    const pourquoi = ecarts.length
      ? `à vérifier : ${ecarts.join(' ; ')}`
      : manque.length
        ? `les champs comparés concordent, mais la demande ne donne pas ${manque.join(', ')}`
        : 'concorde avec tous les champs déclarés';
    return `${libelleActe(c)} (score ${c.score}), ${pourquoi}`;
  });
  if (candidats.length === 1) return `Un acte correspond en partie : ${details[0]}.`;
  const phrases = [
    `${candidats.length} actes ${deType[type]} peuvent correspondre : vérifiez lequel est l’acte demandé.`,
  ];
  if (jumeauxPossibles(candidats[0], candidats[1]))
    phrases.push('Même date de naissance et mêmes parents : des jumeaux ? Comparez les prénoms et le sexe.');
  const concordants = candidats.filter((c) => c.concordant).length;
  if (concordants > 1)
    phrases.push(`${concordants} actes concordent avec tous les champs déclarés (acte en double, ou homonymes).`);
  return `${phrases.join(' ')} ${details.map((d) => `— ${d}.`).join(' ')}`;
}
