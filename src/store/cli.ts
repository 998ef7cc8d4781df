import 'dotenv/config';
import { StoreError } from './errors.js';
import { openStore } from './open.js';

/**
 * Operator commands: `npm run store:migrate` applies pending migrations (for deployments that start replicas with
 * migrations on 'check'); `npm run store:rotate` re-encrypts every installation with ALLYCOMP_STORE_KEY, reading old
 * ones with ALLYCOMP_STORE_OLD_KEYS. Prints counts only, never a token.
 */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'rotate') {
    throw new Error('usage: store migrate | store rotate');
  }
  const store = await openStore(process.env, { requireKey: command === 'rotate', migrations: 'apply' });
  try {
    if (command === 'migrate') {
      console.log(
        store.kind === 'postgres'
          ? 'The database is migrated.'
          : 'The embedded store has no migrations: nothing to do.',
      );
      return;
    }
    const count = await store.reencryptInstallations();
    console.log(`Re-encrypted ${count} installation row(s) with the current ALLYCOMP_STORE_KEY.`);
  } finally {
    await store.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof StoreError ? error.message : String(error));
  process.exitCode = 1;
});
