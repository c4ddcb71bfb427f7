import { describe, expect, it } from 'vitest';
import { binaireElectron, choisirMode } from '../../../build/demarrer.mjs';

describe('npm start : Electron ou le navigateur', () => {
  it('trouve le binaire d’Electron quand require("electron") donne un chemin qui existe', () => {
    const charger = (nom: string) => (nom === 'electron' ? '/opt/electron/electron' : null);
    expect(binaireElectron(charger, (p: string) => p === '/opt/electron/electron')).toBe('/opt/electron/electron');
  });

  it('le dit absent quand le paquet n’a pas téléchargé le binaire (require lève)', () => {
    const charger = () => {
      throw new Error(
        'Electron failed to install correctly, please delete node_modules/electron and try installing again',
      );
    };
    expect(binaireElectron(charger, () => true)).toBeNull();
  });

  it('le dit absent quand le chemin donné n’existe pas, ou quand ce n’est pas un chemin', () => {
    expect(
      binaireElectron(
        () => '/nulle/part/electron',
        () => false,
      ),
    ).toBeNull();
    expect(
      binaireElectron(
        () => ({}),
        () => true,
      ),
    ).toBeNull();
  });

  it('sur cette machine, répond sans lever', () => {
    const binaire = binaireElectron();
    expect(binaire === null || typeof binaire === 'string').toBe(true);
  });

  it('choisit le bureau quand Electron est là, le navigateur sinon ou sur --navigateur', () => {
    expect(choisirMode([], '/opt/electron/electron')).toBe('bureau');
    expect(choisirMode([], null)).toBe('navigateur');
    expect(choisirMode(['--navigateur'], '/opt/electron/electron')).toBe('navigateur');
  });
});
