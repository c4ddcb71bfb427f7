import fs from 'node:fs';
import path from 'node:path';
import {
  bibliothequeChargee,
  creerAutoriteAgents,
  creerRacine,
  emettreCertificat,
  type Autorite,
  x509,
} from '../../electron/signature';
import { avecSessionUtilisateur, ecrireCertificat, genererCle, initialiserJeton } from './jeton';

/**
 * Test cards (tests, `registre sandbox --demo`): SoftHSM2 tokens in a folder, provisioned like ANTS agent cards
 * (an authentication key + certificate, a signature key + certificate, the agent CA
 * certificate), under a test root CA. Tests and the harness call `provisionnerCartes`;
 * nothing depends on tokens left on the machine.
 */
export const BIBLIOTHEQUE_SOFTHSM2 =
  ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((f) =>
    fs.existsSync(f),
  ) ?? '/usr/lib/softhsm/libsofthsm2.so';

export interface CarteTest {
  readonly label: string;
  readonly pin: string;
  /** The SO PIN, which ANTS cards call the PUK / unblocking code. */
  readonly soPin: string;
  readonly titulaire: { prenom: string; nom: string };
  readonly role: 'officier' | 'agent';
  readonly algorithme: 'RSA' | 'EC';
  /** PEM of the certificates on the card (no signature certificate for an agent without delegation). */
  readonly certificats: { authentification: string; signature: string | null };
}

export interface CartesTest {
  readonly dossier: string;
  /** SOFTHSM2_CONF of these tokens. */
  readonly conf: string;
  readonly bibliotheque: string;
  /** The test root CA (trust anchor). */
  readonly caPem: string;
  readonly caFichier: string;
  /** The agent CA (intermediate). */
  readonly caAgentsPem: string;
  readonly commune: { nom: string; codeInsee: string; departement: string; libelle: string };
  readonly cartes: {
    /** Officer with delegation: RSA keys; one login signs a batch. */
    officier: CarteTest;
    /** Agent without delegation: authentication certificate only. */
    agent: CarteTest;
    /** Officer whose certificates expired 10 days ago. */
    expiree: CarteTest;
    /** Officer whose card holds EC (P-256) keys. */
    officierEc: CarteTest;
    /**
     * Officer with a qualified signature key (CKA_ALWAYS_AUTHENTICATE): the card asks for the
     * PIN before each signature. Provisioned only when asked for (`seulement`).
     */
    officierQs?: CarteTest;
  };
  readonly autorites: { racine: Autorite; agents: Autorite };
}

const JOUR = 24 * 3600 * 1000;
const COMMUNE = { nom: 'Aussillon', codeInsee: '81021', departement: '81', libelle: 'MAIRIE-81-AUSSILLON' };

interface Modele {
  label: string;
  pin: string;
  soPin: string;
  titulaire: { prenom: string; nom: string };
  role: 'officier' | 'agent';
  algorithme: 'RSA' | 'EC';
  validite: { debut: number; fin: number };
  /** Qualified signature key: CKA_ALWAYS_AUTHENTICATE, set at creation (it cannot be added later). */
  cleQualifiee?: boolean;
}

type NomCarte = keyof CartesTest['cartes'];

/** The cards provisioned unless `seulement` names others: the set every existing test counts on. */
const PAR_DEFAUT: NomCarte[] = ['officier', 'agent', 'expiree', 'officierEc'];

const modeles: Record<NomCarte, Modele> = {
  officier: {
    label: 'OFFICIER-0001',
    pin: '739164',
    soPin: '12345678',
    titulaire: { prenom: 'Jeanne', nom: 'MARTIN' },
    role: 'officier',
    algorithme: 'RSA',
    validite: { debut: -30, fin: 3 * 365 },
  },
  agent: {
    label: 'AGENT-0002',
    pin: '2468',
    soPin: '24682468',
    titulaire: { prenom: 'Paul', nom: 'DURAND' },
    role: 'agent',
    algorithme: 'RSA',
    validite: { debut: -30, fin: 3 * 365 },
  },
  expiree: {
    label: 'EXPIREE-0003',
    pin: '1357',
    soPin: '13571357',
    titulaire: { prenom: 'Louise', nom: 'BERNARD' },
    role: 'officier',
    algorithme: 'RSA',
    validite: { debut: -6 * 365, fin: -10 },
  },
  officierEc: {
    label: 'OFFICIER-EC-0004',
    pin: '9753',
    soPin: '97539753',
    titulaire: { prenom: 'Marc', nom: 'PETIT' },
    role: 'officier',
    algorithme: 'EC',
    validite: { debut: -30, fin: 3 * 365 },
  },
  officierQs: {
    label: 'OFFICIER-QS-0005',
    pin: '482615',
    soPin: '48261548',
    titulaire: { prenom: 'Claire', nom: 'ROUX' },
    role: 'officier',
    algorithme: 'RSA',
    validite: { debut: -30, fin: 3 * 365 },
    cleQualifiee: true,
  },
};

function sujet(m: Modele): string {
  const titre = m.role === 'officier' ? 'Officier de l etat civil' : 'Agent de l etat civil';
  return `CN=${m.titulaire.prenom} ${m.titulaire.nom}, SN=${m.titulaire.nom}, G=${m.titulaire.prenom}, T=${titre}, OU=${COMMUNE.codeInsee}, O=${COMMUNE.libelle}, C=FR`;
}

/** DER INTEGER of a certificate serial (CKA_SERIAL_NUMBER). */
function serieDer(hex: string): Buffer {
  let octets = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  if (octets[0] & 0x80) octets = Buffer.concat([Buffer.from([0]), octets]);
  return Buffer.concat([Buffer.from([0x02, octets.length]), octets]);
}

function ecrireConf(dossier: string): string {
  const jetons = path.join(dossier, 'jetons');
  fs.mkdirSync(jetons, { recursive: true });
  const conf = path.join(dossier, 'softhsm2.conf');
  fs.writeFileSync(
    conf,
    `directories.tokendir = ${jetons}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n`,
  );
  return conf;
}

async function provisionnerCarte(bibliotheque: string, m: Modele, ac: Autorite, maintenant: Date): Promise<CarteTest> {
  initialiserJeton(bibliotheque, m.label, m.soPin, m.pin);
  const notBefore = new Date(maintenant.getTime() + m.validite.debut * JOUR);
  const notAfter = new Date(maintenant.getTime() + m.validite.fin * JOUR);
  const usages = m.role === 'officier' ? (['authentification', 'signature'] as const) : (['authentification'] as const);

  const cles = avecSessionUtilisateur(bibliotheque, m.label, m.pin, (l, s) =>
    usages.map((usage, i) => ({
      usage,
      cle: genererCle(l, s, {
        id: i + 1,
        label: usage === 'signature' ? 'Signature' : 'Authentification',
        algorithme: m.algorithme,
        toujoursAuthentifier: usage === 'signature' && m.cleQualifiee === true,
      }),
    })),
  );
  const pem: Record<string, string> = {};
  const certificats: { id: Buffer | null; label: string; c: x509.X509Certificate; autorite?: boolean }[] = [];
  for (const { usage, cle } of cles) {
    const c = await emettreCertificat(ac, { spki: cle.spki, sujet: sujet(m), usage, notBefore, notAfter });
    pem[usage] = c.toString('pem');
    certificats.push({ id: cle.id, label: usage === 'signature' ? 'Signature' : 'Authentification', c });
  }
  certificats.push({ id: null, label: 'AC Agents', c: ac.certificat, autorite: true });
  avecSessionUtilisateur(bibliotheque, m.label, m.pin, (l, s) => {
    for (const { id, label, c, autorite } of certificats) {
      ecrireCertificat(l, s, {
        id,
        label,
        der: Buffer.from(c.rawData),
        sujet: Buffer.from(c.subjectName.toArrayBuffer()),
        emetteur: Buffer.from(c.issuerName.toArrayBuffer()),
        serie: serieDer(c.serialNumber),
        autorite,
      });
    }
  });
  return {
    label: m.label,
    pin: m.pin,
    soPin: m.soPin,
    titulaire: m.titulaire,
    role: m.role,
    algorithme: m.algorithme,
    certificats: { authentification: pem.authentification, signature: pem.signature ?? null },
  };
}

/**
 * Provisions the test cards in `dossier` (created if needed) and points SOFTHSM2_CONF at them.
 * Must run before the SoftHSM2 library is loaded in this process: SoftHSM2 reads its
 * configuration once, at C_Initialize.
 */
export async function provisionnerCartes(
  dossier: string,
  options: { maintenant?: Date; bibliotheque?: string; seulement?: NomCarte[] } = {},
): Promise<CartesTest> {
  const bibliotheque = options.bibliotheque ?? BIBLIOTHEQUE_SOFTHSM2;
  const conf = ecrireConf(path.resolve(dossier));
  if (bibliothequeChargee(bibliotheque) && process.env.SOFTHSM2_CONF !== conf) {
    throw new Error(
      'SoftHSM2 est déjà chargé avec une autre configuration : provisionner avant tout usage de la carte.',
    );
  }
  process.env.SOFTHSM2_CONF = conf;
  const maintenant = options.maintenant ?? new Date();
  const racine = await creerRacine('CN=Registre AC Racine de test, O=Registre essais, C=FR', maintenant);
  const agents = await creerAutoriteAgents(
    'CN=Registre AC Agents de test, O=Registre essais, C=FR',
    racine,
    maintenant,
  );
  const caFichier = path.join(dossier, 'ca-test.pem');
  fs.writeFileSync(caFichier, racine.pem);
  fs.writeFileSync(path.join(dossier, 'ca-agents-test.pem'), agents.pem);

  const cartes = {} as Record<NomCarte, CarteTest>;
  const voulues = options.seulement ?? PAR_DEFAUT;
  for (const nom of voulues) cartes[nom] = await provisionnerCarte(bibliotheque, modeles[nom], agents, maintenant);
  return {
    dossier,
    conf,
    bibliotheque,
    caPem: racine.pem,
    caFichier,
    caAgentsPem: agents.pem,
    commune: COMMUNE,
    cartes: cartes as CartesTest['cartes'],
    autorites: { racine, agents },
  };
}
