import { useState } from 'react';
import {
  Button,
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Agent } from '../../../../../shared/contract/annuaire';
import { RolesAgent, type RoleAgent } from '../../../../../shared/domain/droits-agent';
import { api } from '../../../api';
import { Section } from '../../../composants/Section';
import {
  AGENT_VIDE,
  ChampsAgent,
  ChampsDelegation,
  DELEGATION_VIDE,
  depuisDelegation,
  versAgent,
  versDelegation,
  type Erreurs,
  type SaisieDelegation,
} from './champs';
import { formaterDate, LIBELLES_QUALITE, LIBELLES_ROLE } from './libelles';
import { useAnnuaire, useEditionVerrouillee } from './store';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  roles: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  journal: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function delegation(a: Agent): string {
  const d = a.delegation;
  if (!d) return '—';
  return `${LIBELLES_QUALITE[d.qualite]}, arrêté ${d.reference} du ${formaterDate(d.arreteLe)}${d.fin ? `, jusqu’au ${formaterDate(d.fin)}` : ''}`;
}

/** First start: the first officer's card session creates the directory. */
function CreationAnnuaire() {
  const executer = useAnnuaire((e) => e.executer);
  const [agent, setAgent] = useState(AGENT_VIDE);
  const [deleg, setDeleg] = useState<SaisieDelegation>({ ...DELEGATION_VIDE, qualite: 'maire' });
  const [erreurs, setErreurs] = useState<Erreurs>({});
  const creer = () => {
    const e: Erreurs = {};
    const entree = { agent: versAgent(agent, e), delegation: versDelegation(deleg, e) };
    setErreurs(e);
    if (Object.keys(e).length === 0) void executer(() => api.appeler('annuaire.creer', entree), 'Annuaire créé.');
  };
  return (
    <Section
      id="titre-creer-annuaire"
      titre="Créer l’annuaire"
      description="Vous en serez l’officier de l’état civil et le responsable cartes ; votre carte y est enregistrée."
    >
      <ChampsAgent prefixe="creation" valeur={agent} erreurs={erreurs} surChangement={setAgent} />
      <ChampsDelegation prefixe="creation" valeur={deleg} erreurs={erreurs} surChangement={setDeleg} />
      <div>
        <Button appearance="primary" onClick={creer}>
          Créer l’annuaire
        </Button>
      </div>
    </Section>
  );
}

function AjoutAgent({ verrouille }: { verrouille: boolean }) {
  const executer = useAnnuaire((e) => e.executer);
  const [agent, setAgent] = useState(AGENT_VIDE);
  const [erreurs, setErreurs] = useState<Erreurs>({});
  const ajouter = async () => {
    const e: Erreurs = {};
    const saisie = versAgent(agent, e);
    setErreurs(e);
    if (Object.keys(e).length) return;
    const ok = await executer(
      () => api.appeler('annuaire.enregistrerAgent', { ...saisie, id: null }),
      `${saisie.prenoms} ${saisie.nom} ajouté à l’annuaire, avec le rôle d’agent.`,
    );
    if (ok) setAgent(AGENT_VIDE);
  };
  return (
    <Section
      id="titre-ajout-agent"
      titre="Ajouter un agent"
      description="Il reçoit le rôle d’agent : il prépare, il ne signe pas."
    >
      <ChampsAgent prefixe="ajout" valeur={agent} erreurs={erreurs} surChangement={setAgent} />
      <div>
        <Button appearance="primary" disabled={verrouille} onClick={() => void ajouter()}>
          Ajouter l’agent
        </Button>
      </div>
    </Section>
  );
}

function DroitsAgent({ agent, verrouille }: { agent: Agent; verrouille: boolean }) {
  const styles = useStyles();
  const executer = useAnnuaire((e) => e.executer);
  const [roles, setRoles] = useState<RoleAgent[]>(agent.roles);
  const [deleg, setDeleg] = useState(depuisDelegation(agent.delegation));
  const [erreurs, setErreurs] = useState<Erreurs>({});
  const nom = `${agent.prenoms} ${agent.nom}`;
  const enregistrer = () => {
    const e: Erreurs = {};
    const delegation = roles.includes('officier') ? versDelegation(deleg, e) : null;
    setErreurs(e);
    if (Object.keys(e).length) return;
    void executer(
      () => api.appeler('annuaire.definirRoles', { agentId: agent.id, roles, delegation }),
      `Droits de ${nom} enregistrés.`,
    );
  };
  const basculerActif = () => {
    const { id, actif, roles: _r, delegation: _d, cartes: _c, ...saisie } = agent;
    void executer(
      () => api.appeler('annuaire.enregistrerAgent', { ...saisie, id, actif: !actif }),
      actif ? `${nom} désactivé : plus aucun droit.` : `${nom} réactivé.`,
    );
  };
  return (
    <Section
      id="titre-droits"
      titre={`Droits de ${nom}`}
      description="Seul un officier a une délégation, et il en a toujours une."
    >
      <div className={styles.roles} role="group" aria-label="Rôles">
        {RolesAgent.map((r) => (
          <Checkbox
            key={r}
            label={LIBELLES_ROLE[r]}
            checked={roles.includes(r)}
            onChange={(_, d) =>
              setRoles(
                d.checked ? RolesAgent.filter((x) => x === r || roles.includes(x)) : roles.filter((x) => x !== r),
              )
            }
          />
        ))}
      </div>
      {roles.includes('officier') && (
        <ChampsDelegation prefixe={`droits-${agent.id}`} valeur={deleg} erreurs={erreurs} surChangement={setDeleg} />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={verrouille} onClick={enregistrer}>
          Enregistrer les droits
        </Button>
        <Button disabled={verrouille} onClick={basculerActif}>
          {agent.actif ? 'Désactiver l’agent' : 'Réactiver l’agent'}
        </Button>
      </div>
    </Section>
  );
}

/** "Agents et droits": who is at the keyboard, the directory's agents, their roles and delegations, the journal. */
export function OngletAgents() {
  const styles = useStyles();
  const etat = useAnnuaire((e) => e.etat);
  // Card withdrawn (no session): the forms stay, with what was typed, locked until a session returns.
  const verrouille = useEditionVerrouillee();
  const agents = useAnnuaire((e) => e.agents);
  const journal = useAnnuaire((e) => e.journal);
  const [choisi, setChoisi] = useState<number | null>(null);
  if (!etat) return null;
  if (!etat.existe) return etat.poste.peutCreerAnnuaire ? <CreationAnnuaire /> : null;
  const gerer = etat.poste.peutGererAnnuaire || etat.poste.etat === 'consultation';
  const agentChoisi = agents.find((a) => a.id === choisi);
  return (
    <>
      <Section id="titre-agents" titre="Agents">
        <Table size="small" aria-label="Agents de l’annuaire">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Agent</TableHeaderCell>
              <TableHeaderCell>Fonction</TableHeaderCell>
              <TableHeaderCell>Rôles</TableHeaderCell>
              <TableHeaderCell>Délégation</TableHeaderCell>
              <TableHeaderCell>Actif</TableHeaderCell>
              {gerer && <TableHeaderCell>Droits</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {agents.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  {a.prenoms} {a.nom}
                </TableCell>
                <TableCell>{a.fonction}</TableCell>
                <TableCell>{a.roles.map((r) => LIBELLES_ROLE[r]).join(', ')}</TableCell>
                <TableCell>{delegation(a)}</TableCell>
                <TableCell>{a.actif ? 'oui' : 'non'}</TableCell>
                {gerer && (
                  <TableCell>
                    <Button size="small" onClick={() => setChoisi(a.id)} aria-label={`Droits de ${a.prenoms} ${a.nom}`}>
                      Droits…
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!gerer && <Text>Seuls le responsable cartes et son délégué modifient l’annuaire.</Text>}
        {gerer && verrouille && (
          <Text>
            Sans session de carte, l’annuaire se consulte : ouvrez votre session pour le modifier ; ce qui est saisi
            reste.
          </Text>
        )}
      </Section>
      {gerer && agentChoisi && (
        <DroitsAgent
          key={`${agentChoisi.id}-${agentChoisi.roles.join()}`}
          agent={agentChoisi}
          verrouille={verrouille}
        />
      )}
      {gerer && <AjoutAgent verrouille={verrouille} />}
      <Section
        id="titre-journal"
        titre="Journal des droits"
        description="Qui a changé quoi, et quand ; le plus récent d’abord."
      >
        <ul className={styles.journal} aria-label="Journal des droits">
          {journal.map((j) => (
            <li key={j.id}>
              {new Date(j.le).toLocaleString('fr-FR')} — {j.par}
              {j.agent ? ` (${j.agent})` : ''} : {j.quoi}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
