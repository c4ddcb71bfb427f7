import { Field, Select } from '@fluentui/react-components';
import { useCartes } from '../store';

/**
 * A real card present in a reader (the training card aside), chosen by its label and its reader.
 * `vide` names the first, empty choice ("Choisir…", "Celle de la session").
 */
export function ChoixCartePresente(p: {
  label: string;
  vide: string;
  valeur: string;
  surChangement(jetonId: string): void;
  required?: boolean;
}) {
  const lecteurs = useCartes((e) => e.etat?.lecteurs ?? []);
  const presentes = lecteurs.filter((l) => l.carte && l.carte.nature === 'carte');
  return (
    <Field label={p.label} required={p.required}>
      <Select value={p.valeur} onChange={(_, d) => p.surChangement(d.value)}>
        <option value="">{p.vide}</option>
        {presentes.map((l) => (
          <option key={l.carte!.id} value={l.carte!.id}>
            {l.carte!.label} ({l.nom})
          </option>
        ))}
      </Select>
    </Field>
  );
}
