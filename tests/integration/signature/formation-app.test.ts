import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appelantType, appTemporaire } from '../../support/app-temporaire';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';
import { RACINE_REPONSE, reponseXml } from './outils';

const app = appTemporaire();
afterAll(() => app.detruire());
const appeler = appelantType(app);

describe('carte de formation (par le contrat)', () => {
  it('n’existe qu’en mode formation, signe comme une carte, et ses signatures ne valent qu’en formation', async () => {
    await expect(
      appeler('carte.creerFormation', { pin: '2580', codeDeblocage: '25802580', prenom: 'Léa', nom: 'ESSAI' }),
    ).rejects.toMatchObject({
      code: 'droits_insuffisants',
    });
    await appeler('carte.enregistrerParametres', { mode: 'formation' });
    const etat = await appeler('carte.creerFormation', {
      pin: '2580',
      codeDeblocage: '25802580',
      prenom: 'Léa',
      nom: 'ESSAI',
    });
    const lecteur = etat.lecteurs.find((l) => l.carte?.nature === 'formation')!;
    expect(lecteur.carte).toMatchObject({ label: 'CARTE DE FORMATION', etatPin: 'normal' });
    expect(fs.existsSync(path.join(app.dossier, 'formation', 'carte-formation-signature.p12'))).toBe(true);

    await expect(appeler('carte.connecter', { jetonId: 'formation', pin: '0000' })).rejects.toMatchObject({
      code: 'pin_incorrect',
    });
    const session = (await appeler('carte.connecter', { jetonId: 'formation', pin: '2580' })).session!;
    expect(session).toMatchObject({ nature: 'formation', peutSigner: true });
    expect(session.certificats.every((c) => c.formation)).toBe(true);

    const { ids } = await appeler('signature.ajouter', {
      documents: [{ reference: 'essai:1', nature: 'essai', xml: reponseXml(900) }],
    });
    expect(await appeler('signature.signerLot', { ids, pin: '2580' })).toMatchObject({ signes: 1 });
    const doc = await appeler('signature.lire', { id: ids[0] });
    expect(doc.natureSignataire).toBe('formation');
    expect(verifierAvecXmlsec(doc.xmlSigne!, path.join(app.dossier, 'formation', 'ca-formation.pem')).ok).toBe(true);
    expect(await appeler('signature.verifier', { xml: doc.xmlSigne!, racineAttendue: RACINE_REPONSE })).toMatchObject({
      valide: true,
      nature: 'formation',
    });

    // Back to real mode: the training card disappears, its session ends, its signatures are refused.
    await appeler('carte.enregistrerParametres', { mode: 'reelle' });
    const reel = await appeler('carte.etat', {});
    expect(reel.lecteurs.some((l) => l.carte?.nature === 'formation')).toBe(false);
    expect(reel.session).toBeNull();
    expect(await appeler('signature.verifier', { xml: doc.xmlSigne!, racineAttendue: RACINE_REPONSE })).toMatchObject({
      valide: false,
      raison: expect.stringMatching(/carte de formation/),
    });
  });
});
