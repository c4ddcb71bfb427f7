#!/usr/bin/env node
// The `registre` command. Runs the TypeScript sources through tsx (a dependency), so the CLI
// and the app always run the same code.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
