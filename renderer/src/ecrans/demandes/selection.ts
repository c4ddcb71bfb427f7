import type { ResumeDemande } from '../../../../shared/contract/demandes';
import type { IssueDemande } from '../../../../shared/contract/rapprochement';

const OUVERTS = ['recue', 'en_cours', 'a_echeance', 'en_retard'];

/** The requests "Traiter à la suite" opens one after the other: nothing sent for them yet. */
export const aTraiter = (d: Pick<ResumeDemande, 'cycle' | 'etat'>) =>
  (d.cycle === 'recue' || d.cycle === 'en_cours') && OUVERTS.includes(d.etat);

/** Only a request still to answer, matched "sûr" and up to date, takes the P shortcut. */
export const repondable = (d: ResumeDemande, i: IssueDemande | undefined) =>
  i?.issue === 'sur' && !i.perime && d.cycle !== 'repondue' && OUVERTS.includes(d.etat);
