import { useBarreEtat } from '../../store/barreEtat';
import { ListeDefinitions } from '../registre/SectionPersonne';
import { Section } from '../../composants/Section';

/** Version of the application and of the database schema (what support will ask for). */
export function CarteAPropos() {
  const informations = useBarreEtat((e) => e.informations);
  return (
    <Section id="titre-a-propos" titre="À propos de Registre">
      {informations ? (
        <ListeDefinitions
          elements={[
            ['Version', informations.version],
            ['Schéma de la base', String(informations.schemaBase)],
            [
              'Fonctionnement',
              informations.transport === 'electron' ? 'Application de bureau' : 'Navigateur (service local)',
            ],
          ]}
        />
      ) : (
        'Informations indisponibles.'
      )}
    </Section>
  );
}
