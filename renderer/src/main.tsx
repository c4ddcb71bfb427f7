import './sansEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { Application } from './Application';
import { themeRegistre } from './theme';
import { RattrapageErreur } from './composants/RattrapageErreur';
import '../../shared/zod-fr';
import './global.css';

const racine = document.getElementById('racine');
if (!racine) throw new Error('élément #racine absent de index.html');

createRoot(racine).render(
  <StrictMode>
    <FluentProvider theme={themeRegistre} style={{ height: '100%' }}>
      <RattrapageErreur>
        <Application />
      </RattrapageErreur>
    </FluentProvider>
  </StrictMode>,
);
