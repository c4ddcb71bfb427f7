import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { MotifsCommande, type MotifCommande } from '../../../../../shared/domain/cout-cartes';
import { MotifsRevocation, TRANSITIONS_CARTE, type MotifRevocation } from '../../../../../shared/domain/cycle-carte';
import {
  LIBELLES_PIECE_IDENTITE,
  NaturesPieceIdentite,
  type NaturePieceIdentite,
} from '../../../../../shared/domain/piece-identite';
import { api } from '../../../api';
import { Section } from '../../../composants/Section';
import {
  alerteCarte,
  coutCarte,
  etatCarte,
  formaterDate,
  formaterMontantHt,
  LIBELLES_ACTION,
  LIBELLES_MOTIF_COMMANDE,
  LIBELLES_MOTIF_REVOCATION,
} from './libelles';
import { useAnnuaire, useEditionVerrouillee } from './store';
import { ChoixCartePresente } from './ChoixCartePresente';
import { DocumentsCarte, FicheDysfonctionnement } from './DocumentsCarte';

const useStyles = makeStyles({
  ligne: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
});

type Action = keyof typeof LIBELLES_ACTION;

function ChoixAgent(p: { id: string; valeur: string; surChangement(v: string): void }) {
  const agents = useAnnuaire((e) => e.agents);
  return (
    <Field label="Agent" required>
      <Select id={p.id} value={p.valeur} onChange={(_, d) => p.surChangement(d.value)}>
        <option value="">Choisir…</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.prenoms} {a.nom}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function ChoixMotifCommande(p: { valeur: MotifCommande; surChangement(v: MotifCommande): void }) {
  return (
    <Field label="Motif de la commande">
      <Select value={p.valeur} onChange={(_, d) => p.surChangement(d.value as MotifCommande)}>
        {MotifsCommande.map((m) => (
          <option key={m} value={m}>
            {LIBELLES_MOTIF_COMMANDE[m]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The card present in a reader is handed over to an agent: its public certificates name it. */
function RemiseCarte({ verrouille }: { verrouille: boolean }) {
  const styles = useStyles();
  const executer = useAnnuaire((e) => e.executer);
  const [agent, setAgent] = useState('');
  const [jeton, setJeton] = useState('');
  const [motif, setMotif] = useState<MotifCommande>('premiere');
  const [nature, setNature] = useState<NaturePieceIdentite | ''>('');
  const [numero, setNumero] = useState('');
  // Only its last 4 characters are kept by the directory, for the handover record.
  const pieceIdentite = nature && numero.trim() ? { nature, numero } : null;
  return (
    <Section
      id="titre-remise"
      titre="Enregistrer une carte remise"
      description="Insérez la carte de l’agent : ses certificats, lus sans son code PIN, la désignent. Elle complète sa commande en attente."
    >
      <div className={styles.ligne}>
        <ChoixAgent id="remise-agent" valeur={agent} surChangement={setAgent} />
        <ChoixCartePresente
          label="Carte dans le lecteur"
          vide="Choisir…"
          valeur={jeton}
          surChangement={setJeton}
          required
        />
        <ChoixMotifCommande valeur={motif} surChangement={setMotif} />
        <Field label="Pièce d’identité présentée">
          <Select value={nature} onChange={(_, d) => setNature(d.value as NaturePieceIdentite | '')}>
            <option value="">Non notée</option>
            {NaturesPieceIdentite.map((n) => (
              <option key={n} value={n}>
                {LIBELLES_PIECE_IDENTITE[n]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Numéro de la pièce" hint="Seuls ses 4 derniers caractères sont gardés.">
          <Input value={numero} disabled={!nature} onChange={(_, d) => setNumero(d.value)} autoComplete="off" />
        </Field>
        <Button
          appearance="primary"
          disabled={verrouille || !agent || !jeton}
          onClick={() =>
            void executer(
              () =>
                api.appeler('annuaire.enregistrerCarte', {
                  agentId: Number(agent),
                  jetonId: jeton,
                  motif,
                  pieceIdentite,
                }),
              'Carte enregistrée et remise à l’agent.',
            ).then((ok) => ok && setNumero(''))
          }
        >
          Enregistrer la carte
        </Button>
      </div>
    </Section>
  );
}

function CommandeCarte({ verrouille }: { verrouille: boolean }) {
  const styles = useStyles();
  const executer = useAnnuaire((e) => e.executer);
  const [agent, setAgent] = useState('');
  const [motif, setMotif] = useState<MotifCommande>('premiere');
  return (
    <Section
      id="titre-commande"
      titre="Commander une carte"
      description="Une carte par agent et par 6 ans est gratuite ; un remplacement (perte, vol, casse, PIN oublié) ou une carte au-delà coûte 30 € HT."
    >
      <div className={styles.ligne}>
        <ChoixAgent id="commande-agent" valeur={agent} surChangement={setAgent} />
        <ChoixMotifCommande valeur={motif} surChangement={setMotif} />
        <Button
          appearance="primary"
          disabled={verrouille || !agent}
          onClick={() =>
            void executer(
              () => api.appeler('annuaire.commanderCarte', { agentId: Number(agent), motif }),
              (c) => `Carte n° ${c.id} commandée : ${coutCarte(c)}.`,
            )
          }
        >
          Noter la commande
        </Button>
      </div>
    </Section>
  );
}

function EtapeCarte({ verrouille }: { verrouille: boolean }) {
  const styles = useStyles();
  const executer = useAnnuaire((e) => e.executer);
  const cartes = useAnnuaire((e) => e.cartes);
  const [carteId, setCarteId] = useState('');
  const [action, setAction] = useState<Action | ''>('');
  const [motif, setMotif] = useState<MotifRevocation>('depart');
  const carte = cartes.find((c) => String(c.id) === carteId);
  // Only the steps the card's state allows (shared/domain/cycle-carte.ts).
  const permises = carte
    ? (Object.keys(TRANSITIONS_CARTE[carte.etat]) as Action[]).filter((a) => a in LIBELLES_ACTION)
    : [];
  return (
    <Section
      id="titre-etape"
      titre="Étape de la vie d’une carte"
      description="Une révocation est immédiate : la carte n’ouvre plus de session."
    >
      <div className={styles.ligne}>
        <Field label="Carte" required>
          <Select value={carteId} onChange={(_, d) => (setCarteId(d.value), setAction(''))}>
            <option value="">Choisir…</option>
            {cartes.map((c) => (
              <option key={c.id} value={c.id}>
                n° {c.id} — {c.titulaire} — {etatCarte(c)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Étape" required>
          <Select value={action} disabled={!carte} onChange={(_, d) => setAction(d.value as Action)}>
            <option value="">Choisir…</option>
            {permises.map((a) => (
              <option key={a} value={a}>
                {LIBELLES_ACTION[a]}
              </option>
            ))}
          </Select>
        </Field>
        {action === 'revoquer' && (
          <Field label="Motif de la révocation" required>
            <Select value={motif} onChange={(_, d) => setMotif(d.value as MotifRevocation)}>
              {MotifsRevocation.map((m) => (
                <option key={m} value={m}>
                  {LIBELLES_MOTIF_REVOCATION[m]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button
          appearance="primary"
          disabled={verrouille || !carte || !action}
          onClick={() =>
            void executer(
              () =>
                api.appeler('annuaire.changerEtatCarte', {
                  carteId: Number(carteId),
                  action: action as Action,
                  motif: action === 'revoquer' ? motif : null,
                }),
              'Étape enregistrée.',
            ).then((ok) => ok && setAction(''))
          }
        >
          Enregistrer l’étape
        </Button>
      </div>
    </Section>
  );
}

/** "Cartes des agents": every card and its life, renewals first, orders and their yearly cost. */
export function OngletCartesAgents() {
  const etat = useAnnuaire((e) => e.etat);
  // Card withdrawn (no session): the forms stay, with what was typed, locked until a session returns.
  const verrouille = useEditionVerrouillee();
  const cartes = useAnnuaire((e) => e.cartes);
  const couts = useAnnuaire((e) => e.couts);
  if (!etat?.existe) return null;
  const gerer = etat.poste.peutGererAnnuaire || etat.poste.etat === 'consultation';
  return (
    <>
      <Section
        id="titre-cartes-agents"
        titre="Cartes"
        description="Celles à renouveler d’abord (60 jours avant la fin de leurs 6 ans)."
      >
        <Table size="small" aria-label="Cartes des agents">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>N°</TableHeaderCell>
              <TableHeaderCell>Titulaire</TableHeaderCell>
              <TableHeaderCell>État</TableHeaderCell>
              <TableHeaderCell>Fin de validité</TableHeaderCell>
              <TableHeaderCell>Renouvellement</TableHeaderCell>
              <TableHeaderCell>Commande</TableHeaderCell>
              <TableHeaderCell>Procès-verbaux</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cartes.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.id}</TableCell>
                <TableCell>{c.titulaire}</TableCell>
                <TableCell>{etatCarte(c)}</TableCell>
                <TableCell>{formaterDate(c.finValidite)}</TableCell>
                <TableCell>{alerteCarte(c) || '—'}</TableCell>
                <TableCell>
                  {formaterDate(c.commandeeLe)}, {LIBELLES_MOTIF_COMMANDE[c.motifCommande]}, {coutCarte(c)}
                </TableCell>
                <TableCell>
                  <DocumentsCarte carte={c} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      {gerer && <EtapeCarte verrouille={verrouille} />}
      {gerer && <RemiseCarte verrouille={verrouille} />}
      {gerer && <CommandeCarte verrouille={verrouille} />}
      <FicheDysfonctionnement />
      <Section id="titre-couts" titre="Coûts par année">
        <Table size="small" aria-label="Coûts des cartes par année">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Année</TableHeaderCell>
              <TableHeaderCell>Commandées</TableHeaderCell>
              <TableHeaderCell>Gratuites</TableHeaderCell>
              <TableHeaderCell>Payantes</TableHeaderCell>
              <TableHeaderCell>Montant</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {couts.map((l) => (
              <TableRow key={l.annee}>
                <TableCell>{l.annee}</TableCell>
                <TableCell>{l.commandees}</TableCell>
                <TableCell>{l.gratuites}</TableCell>
                <TableCell>{l.payantes}</TableCell>
                <TableCell>{formaterMontantHt(l.montantHtCentimes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </>
  );
}
