import { sql as initial } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every schema change, in order; append only. A migration's SQL is kept in TypeScript so that it ships in dist
 * with the code that needs it.
 */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
