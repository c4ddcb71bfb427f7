import { z } from 'zod';

/** Validation messages in French, on both sides of the boundary. Imported once per process. */
z.config(z.locales.fr());
