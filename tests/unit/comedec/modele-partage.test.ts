import { describe, expect, it } from 'vitest';
import * as modele from '../../../shared/comedec';
import { ActeReponseSchema, MotifsDocumentInvalide, TypesDemandeur } from '../../../shared/comedec';
import {
  DetailDemandeSchema,
  MotifsQuarantaine,
  ResumeDemandeSchema,
  TypeDemandeurSchema,
} from '../../../shared/contract/demandes';
import { PREMIERE_ANNEE_REGISTRE } from '../../../shared/domain/validation';
import * as format from '../../../electron/comedec/format';

// One COMEDEC model: the contract and the app's reader derive from shared/comedec, never a copy.
describe('un seul modèle COMEDEC', () => {
  it('le contrat reprend les types de demandeur du modèle', () => {
    expect(TypeDemandeurSchema.options).toEqual([...TypesDemandeur]);
    expect(ResumeDemandeSchema.shape.demandeur.shape.type.options).toEqual([...TypesDemandeur]);
  });

  it('les motifs de quarantaine prolongent ceux du document invalide', () => {
    expect(MotifsQuarantaine.slice(0, MotifsDocumentInvalide.length)).toEqual([...MotifsDocumentInvalide]);
    expect(new Set(MotifsQuarantaine).size).toBe(MotifsQuarantaine.length);
  });

  it('la déclaration du détail est celle de la demande', () => {
    const declaration = DetailDemandeSchema.shape.declaration;
    expect(Object.keys(declaration.shape).sort()).toEqual(['conjoint', 'evenement', 'mere', 'pere', 'personne']);
    expect(declaration.shape.personne).toBe(modele.PersonneDeclareeSchema);
  });

  it('l’année d’un acte répondu commence avec les registres', () => {
    const acte = { type: 'naissance', annee: PREMIERE_ANNEE_REGISTRE - 1, numero: 1 };
    const r = ActeReponseSchema.safeParse(acte);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(String(PREMIERE_ANNEE_REGISTRE));
  });

  it('electron/comedec/format réexporte le modèle (les autres pièces compilent sans changer)', () => {
    for (const nom of Object.keys(modele))
      expect((format as Record<string, unknown>)[nom], nom).toBe((modele as Record<string, unknown>)[nom]);
  });
});
