import { spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionnerCartes, type CartesTest } from '../../fixtures/cartes/provisionner';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';
import { reponseXml } from './outils';

const racine = path.resolve(__dirname, '../../..');
let dossier: string;
let cartes: CartesTest;

function registre(args: string[], env: Record<string, string> = {}, entree?: string) {
  const r = spawnSync(process.execPath, [path.join(racine, 'bin/registre.mjs'), ...args], {
    cwd: dossier,
    // REGISTRE_DONNEES: a data folder without a register, so no directory of agents applies here
    // (tests/integration/annuaire/cli-sign.test.ts tests the directory's check).
    env: { ...process.env, SOFTHSM2_CONF: cartes.conf, REGISTRE_JOURNAL: 'muet', REGISTRE_DONNEES: dossier, ...env },
    encoding: 'utf8',
    input: entree,
    stdio: [entree === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  return { code: r.status, sortie: r.stdout, erreur: r.stderr };
}

beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-carte-'));
  cartes = await provisionnerCartes(path.join(dossier, 'cartes'), { seulement: ['officier', 'agent'] });
  fs.writeFileSync(path.join(dossier, 'reponse.xml'), reponseXml(7));
});
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

/** Runs `registre` in a pseudo-terminal (util-linux `script`), typing `pin` once the prompt shows. */
function registreTerminal(args: string[], pin: string): Promise<{ code: number | null; transcription: string }> {
  return new Promise((resolve) => {
    const commande = [process.execPath, path.join(racine, 'bin/registre.mjs'), ...args].map((a) => `'${a}'`).join(' ');
    const enfant = spawn('script', ['-qec', commande, '/dev/null'], {
      cwd: dossier,
      env: { ...process.env, SOFTHSM2_CONF: cartes.conf, REGISTRE_JOURNAL: 'muet', REGISTRE_DONNEES: dossier },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let transcription = '';
    let tape = false;
    enfant.stdout.on('data', (d) => {
      transcription += d;
      if (!tape && transcription.includes('Code PIN de la carte')) {
        tape = true;
        enfant.stdin.write(`${pin}\r`);
      }
    });
    enfant.on('exit', (code) => resolve({ code, transcription }));
  });
}

describe('registre card list / sign / verify', () => {
  it('card list : cartes et certificats, sans PIN (bibliothèque par REGISTRE_PKCS11)', () => {
    const r = registre(['card', 'list'], { REGISTRE_PKCS11: cartes.bibliotheque });
    expect(r.erreur).toBe('');
    expect(r.code).toBe(0);
    expect(r.sortie).toMatch(/carte OFFICIER-0001 .* PIN : normal/);
    expect(r.sortie).toMatch(/signature : Jeanne MARTIN \(MAIRIE-81-AUSSILLON\), émis par Registre AC Agents de test/);
    expect(r.sortie).toMatch(/carte AGENT-0002/);
  });

  it('card list --export : chaque certificat en PEM, lisible par Node (X509Certificate) ; jamais par-dessus un fichier existant', () => {
    const r = registre(['card', 'list', '--export', 'pem'], { REGISTRE_PKCS11: cartes.bibliotheque });
    expect(r.code).toBe(0);
    expect(r.erreur).toMatch(/certificat\(s\) exporté\(s\) en PEM/);
    const fichiers = fs.readdirSync(path.join(dossier, 'pem')).sort();
    expect(fichiers.some((f) => /^OFFICIER-0001-signature-.+\.pem$/.test(f))).toBe(true);
    expect(fichiers.some((f) => /^OFFICIER-0001-authentification-.+\.pem$/.test(f))).toBe(true);
    const signature = fichiers.find((f) => f.startsWith('OFFICIER-0001-signature-'))!;
    expect(new X509Certificate(fs.readFileSync(path.join(dossier, 'pem', signature))).subject).toMatch(/Jeanne MARTIN/);
    const deux = registre(['card', 'list', '--export', 'pem'], { REGISTRE_PKCS11: cartes.bibliotheque });
    expect(deux.code).not.toBe(0);
    expect(deux.erreur).toMatch(/existe déjà : il n’a pas été modifié/);
  });

  it('sign (PIN par REGISTRE_PIN) puis verify : valide pour nous et pour xmlsec1 ; altéré : code non nul et raison', () => {
    const args = [
      'sign',
      '--in',
      'reponse.xml',
      '--out',
      'signe.xml',
      '--carte',
      'OFFICIER-0001',
      '--bibliotheque',
      cartes.bibliotheque,
    ];
    const s = registre(args, { REGISTRE_PIN: cartes.cartes.officier.pin });
    expect(s.erreur).toBe('');
    expect(s.sortie).toMatch(/Document signé : .*signe\.xml \(certificat de Jeanne MARTIN\)/);
    const signe = fs.readFileSync(path.join(dossier, 'signe.xml'), 'utf8');
    expect(verifierAvecXmlsec(signe, cartes.caFichier).ok).toBe(true);

    const v = registre([
      'verify',
      'signe.xml',
      '--ca',
      cartes.caFichier,
      '--racine',
      'Reponse',
      '--espace-noms',
      'urn:registre:comedec:reponse:1',
    ]);
    expect(v.code).toBe(0);
    expect(v.sortie).toMatch(/Signature valide : Jeanne MARTIN \(MAIRIE-81-AUSSILLON\)/);

    fs.writeFileSync(path.join(dossier, 'altere.xml'), signe.replace('DUPONT', 'DUPOND'));
    const a = registre(['verify', 'altere.xml', '--ca', cartes.caFichier]);
    expect(a.code).not.toBe(0);
    expect(a.sortie).toBe('');
    expect(a.erreur).toMatch(/Signature invalide : le contenu du document a été modifié/);

    // never overwrites
    const encore = registre(args, { REGISTRE_PIN: cartes.cartes.officier.pin });
    expect(encore.code).not.toBe(0);
    expect(encore.erreur).toMatch(/existe déjà/);
    expect(fs.readFileSync(path.join(dossier, 'signe.xml'), 'utf8')).toBe(signe);
  });

  it('sign --pin-stdin : le PIN lu sur l’entrée standard, jamais dans l’environnement ; verify dit le type de document', () => {
    const signer = (sortie: string, entree: string) =>
      registre(
        [
          'sign',
          '--in',
          'reponse.xml',
          '--out',
          sortie,
          '--carte',
          'OFFICIER-0001',
          '--bibliotheque',
          cartes.bibliotheque,
          '--pin-stdin',
        ],
        {},
        entree,
      );
    const s = signer('stdin.xml', `${cartes.cartes.officier.pin}\r\n`);
    expect(s.erreur).toBe('');
    expect(s.code).toBe(0);
    const signe = fs.readFileSync(path.join(dossier, 'stdin.xml'), 'utf8');
    expect(verifierAvecXmlsec(signe, cartes.caFichier).ok).toBe(true);
    // --pin-stdin wins over REGISTRE_PIN; an empty or wrong line is refused, nothing written.
    const vide = signer('vide.xml', '\n');
    expect(vide.code).toBe(2);
    expect(vide.erreur).toMatch(/aucun code PIN sur l’entrée standard/i);
    const faux = signer('faux.xml', '864209\n');
    expect(faux.code).not.toBe(0);
    expect(faux.erreur).toMatch(/Code PIN incorrect/);
    expect(faux.erreur).not.toContain('864209');
    expect(fs.existsSync(path.join(dossier, 'faux.xml'))).toBe(false);

    // Without --racine, the kind is the root's, and is printed with the result.
    const v = registre(['verify', 'stdin.xml', '--ca', cartes.caFichier]);
    expect(v.erreur).toBe('');
    expect(v.code).toBe(0);
    expect(v.sortie).toMatch(
      /Document : « Reponse » \(espace de noms urn:registre:comedec:reponse:1\), type lu sur la racine/,
    );
    // The caller who expects another kind: refused.
    const autre = registre(['verify', 'stdin.xml', '--ca', cartes.caFichier, '--racine', 'demandeEmise']);
    expect(autre.code).toBe(1);
    expect(autre.erreur).toMatch(/l’élément signé est « Reponse », pas l’élément attendu « demandeEmise »/);
    // Received 30 days after signing: beyond the purge delay, refused; a bad date is a usage error.
    const tard = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const recu = registre(['verify', 'stdin.xml', '--ca', cartes.caFichier, '--recu-le', tard]);
    expect(recu.code).toBe(1);
    expect(recu.erreur).toMatch(/plus de 23 jours avant la réception/);
    const illisible = registre(['verify', 'stdin.xml', '--ca', cartes.caFichier, '--recu-le', 'hier\u001b[2J']);
    expect(illisible.code).toBe(2);
    expect(illisible.erreur).toMatch(/date de réception illisible \(« hier\\u\{1B\}\[2J »\)/i);
  });

  it('sign : un document de 100 000 niveaux est refusé avant la carte et le PIN, avec sa raison (code 3, document refusé)', () => {
    fs.writeFileSync(
      path.join(dossier, 'profond.xml'),
      `<reponse xmlns="urn:registre:comedec:2">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</reponse>`,
    );
    const r = registre(['sign', '--in', 'profond.xml', '--out', 'profond-signe.xml', '--carte', 'OFFICIER-0001']);
    expect(r.code).toBe(3);
    expect(r.erreur).toBe('registre : Document XML refusé : éléments imbriqués sur plus de 64 niveaux.\n');
    expect(fs.existsSync(path.join(dossier, 'profond-signe.xml'))).toBe(false);
  });

  it('sign : PIN tapé dans le terminal, sans écho', async () => {
    const r = await registreTerminal(
      [
        'sign',
        '--in',
        'reponse.xml',
        '--out',
        'terminal.xml',
        '--carte',
        'OFFICIER-0001',
        '--bibliotheque',
        cartes.bibliotheque,
      ],
      cartes.cartes.officier.pin,
    );
    expect(r.transcription).toMatch(/Document signé/);
    expect(r.transcription).not.toContain(cartes.cartes.officier.pin);
    expect(r.code).toBe(0);
    expect(verifierAvecXmlsec(fs.readFileSync(path.join(dossier, 'terminal.xml'), 'utf8'), cartes.caFichier).ok).toBe(
      true,
    );
  });

  it('sign : PIN faux ou absent (pas de terminal) -> message en français, sans le PIN, rien d’écrit', () => {
    const faux = registre(
      [
        'sign',
        '--in',
        'reponse.xml',
        '--out',
        'x.xml',
        '--carte',
        'OFFICIER-0001',
        '--bibliotheque',
        cartes.bibliotheque,
      ],
      {
        REGISTRE_PIN: '864209',
      },
    );
    expect(faux.code).not.toBe(0);
    expect(faux.erreur).toMatch(/Code PIN incorrect/);
    expect(faux.erreur + faux.sortie).not.toContain('864209');
    expect(fs.existsSync(path.join(dossier, 'x.xml'))).toBe(false);
    const sansPin = registre([
      'sign',
      '--in',
      'reponse.xml',
      '--out',
      'x.xml',
      '--carte',
      'OFFICIER-0001',
      '--bibliotheque',
      cartes.bibliotheque,
    ]);
    expect(sansPin.code).not.toBe(0);
    expect(sansPin.erreur).toMatch(/dans un terminal, ou donnez-le sur l’entrée standard avec --pin-stdin/);
  });
});
