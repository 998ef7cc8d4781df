import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { enterpriseInstall, sleep, workspaceInstall } from './fixtures.js';

/**
 * What every store must do, run against the embedded files and against PostgreSQL alike. `open` gives a store on
 * fresh, empty state; `reopen` another store on the same state (a restart, or another replica).
 */
export function storeContract(name: string, open: () => Promise<{ store: Store; reopen: () => Promise<Store> }>) {
  describe(`${name}: installations`, () => {
    it('answers each workspace with its own bot token, and keeps them across a restart', async () => {
      const { store, reopen } = await open();
      await store.storeInstallation(workspaceInstall('T1'));
      await store.storeInstallation(workspaceInstall('T2'));
      const again = await reopen();
      for (const s of [store, again]) {
        const one = await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
        const two = await s.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false });
        expect(one.bot?.token).toBe('xoxb-bot-token-of-T1');
        expect(two.bot?.token).toBe('xoxb-bot-token-of-T2');
        expect(one.incomingWebhook?.url).toContain('secret-webhook-T1');
      }
      await again.close();
      await store.close();
    });

    it('keeps an org-wide install under its enterprise, whatever workspace of the org asks', async () => {
      const { store } = await open();
      await store.storeInstallation(enterpriseInstall('E1'));
      const found = await store.fetchInstallation({
        teamId: 'T_IN_ORG',
        enterpriseId: 'E1',
        isEnterpriseInstall: true,
      });
      expect(found.bot?.token).toBe('xoxb-org-token-of-E1');
      expect(found.isEnterpriseInstall).toBe(true);
      await expect(
        store.fetchInstallation({ teamId: 'T_IN_ORG', enterpriseId: 'E1', isEnterpriseInstall: false }),
      ).rejects.toMatchObject({ code: 'store_not_installed' });
      await store.close();
    });

    it("gives a user their own user token and never someone else's", async () => {
      const { store } = await open();
      await store.storeInstallation(workspaceInstall('T1', { userId: 'U_A', userToken: 'xoxp-user-token-A' }));
      await store.storeInstallation(workspaceInstall('T1', { userId: 'U_B', userToken: 'xoxp-user-token-B' }));
      const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
      expect((await store.fetchInstallation({ ...query, userId: 'U_A' })).user.token).toBe('xoxp-user-token-A');
      expect((await store.fetchInstallation({ ...query, userId: 'U_B' })).user.token).toBe('xoxp-user-token-B');
      const stranger = await store.fetchInstallation({ ...query, userId: 'U_C' });
      expect(stranger.user.token).toBeUndefined();
      expect(stranger.bot?.token).toBe('xoxb-bot-token-of-T1');

      // tokens_revoked for one user: that user's token goes, the bot and the other user stay.
      await store.deleteInstallation({ ...query, userId: 'U_B' });
      expect((await store.fetchInstallation({ ...query, userId: 'U_B' })).user.token).toBeUndefined();
      expect((await store.fetchInstallation(query)).user.token).toBeUndefined();
      expect((await store.fetchInstallation({ ...query, userId: 'U_A' })).user.token).toBe('xoxp-user-token-A');
      expect((await store.fetchInstallation(query)).bot?.token).toBe('xoxb-bot-token-of-T1');

      await store.deleteInstallation(query);
      await expect(store.fetchInstallation({ ...query, userId: 'U_A' })).rejects.toMatchObject({
        code: 'store_not_installed',
      });
      await store.close();
    });

    it('forgets everything of an uninstalled team and nothing of another', async () => {
      const { store, reopen } = await open();
      await store.storeInstallation(workspaceInstall('T1', { userId: 'U_A', userToken: 'xoxp-user-token-A' }));
      await store.storeInstallation(workspaceInstall('T2'));
      await store.putChartFile({ teamId: 'T1', chart: 'emea', version: 'v1' }, 'F_T1');
      await store.putChartFile({ teamId: 'T2', chart: 'emea', version: 'v1' }, 'F_T2');
      await store.forgetTeam({ teamId: 'T1' });
      const again = await reopen();
      for (const s of [store, again]) {
        await expect(
          s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false, userId: 'U_A' }),
        ).rejects.toMatchObject({ code: 'store_not_installed' });
        expect(await s.getChartFile({ teamId: 'T1', chart: 'emea', version: 'v1' })).toBeUndefined();
        expect(await s.getChartFile({ teamId: 'T2', chart: 'emea', version: 'v1' })).toBe('F_T2');
        expect(
          (await s.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token,
        ).toBe('xoxb-bot-token-of-T2');
      }
      await again.close();
      await store.close();
    });
  });

  describe(`${name}: duplicate drop`, () => {
    it('lets the first claim of a key through, drops the rest until it expires', async () => {
      const { store } = await open();
      expect(await store.claim('event:Ev1', 60_000)).toBe('first');
      expect(await store.claim('event:Ev1', 60_000)).toBe('duplicate');
      expect(await store.claim('event:Ev2', 60_000)).toBe('first');
      expect(await store.claim('click:short', 40)).toBe('first');
      expect(await store.claim('click:short', 40)).toBe('duplicate');
      await sleep(120);
      expect(await store.claim('click:short', 40)).toBe('first');
      await store.close();
    });

    it('gives exactly one "first" to twenty claims racing for one key', async () => {
      const { store } = await open();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('event:race', 60_000)));
      expect(results.filter((r) => r === 'first')).toHaveLength(1);
      await store.close();
    });
  });

  describe(`${name}: card updates`, () => {
    it('runs one card’s updates one at a time, in arrival order, each from the state the last one left', async () => {
      const { store } = await open();
      let running = 0;
      let most = 0;
      const seen: number[][] = [];
      const updates = [0, 1, 2, 3, 4].map((n) =>
        store.withCard<number[], number>('C1:1700000000.000100', async (latest) => {
          running += 1;
          most = Math.max(most, running);
          seen.push([...(latest ?? [])]);
          await sleep(5 * ((n * 7) % 3));
          running -= 1;
          return { state: [...(latest ?? []), n], result: n };
        }),
      );
      expect(await Promise.all(updates)).toEqual([0, 1, 2, 3, 4]);
      expect(most).toBe(1);
      expect(seen).toEqual([[], [0], [0, 1], [0, 1, 2], [0, 1, 2, 3]]);
      // Another card is not held up by this one's state.
      expect(
        await store.withCard<number[], number[] | undefined>('C1:other', async (l) => ({ result: l })),
      ).toBeUndefined();
      await store.close();
    });

    it('leaves the state as it was when an update fails, and goes on with the next', async () => {
      const { store } = await open();
      await store.withCard<string, void>('card', async () => ({ state: 'ticked band', result: undefined }));
      await expect(
        store.withCard<string, void>('card', async () => {
          throw new Error('chat.update failed');
        }),
      ).rejects.toThrow('chat.update failed');
      expect(await store.withCard<string, string | undefined>('card', async (latest) => ({ result: latest }))).toBe(
        'ticked band',
      );
      await store.close();
    });

    it('forgets a card state once it expires', async () => {
      const { store } = await open();
      await store.withCard<string, void>('card', async () => ({ state: 'old', result: undefined }), 40);
      await sleep(120);
      expect(await store.withCard<string, string | undefined>('card', async (latest) => ({ result: latest }))).toBe(
        undefined,
      );
      await store.close();
    });
  });

  describe(`${name}: chart file ids`, () => {
    it('reuses a file per workspace, chart and version, and across a restart', async () => {
      const { store, reopen } = await open();
      const emea = { teamId: 'T1', chart: 'emea', version: 'guide-3/chart-2' };
      expect(await store.getChartFile(emea)).toBeUndefined();
      await store.putChartFile(emea, 'F1');
      await store.putChartFile({ ...emea, version: 'guide-4/chart-2' }, 'F2');
      await store.putChartFile({ ...emea, teamId: 'T2' }, 'F3');
      const again = await reopen();
      expect(await again.getChartFile(emea)).toBe('F1');
      expect(await again.getChartFile({ ...emea, version: 'guide-4/chart-2' })).toBe('F2');
      expect(await again.getChartFile({ ...emea, teamId: 'T2' })).toBe('F3');
      await again.putChartFile(emea, 'F1b');
      expect(await again.getChartFile(emea)).toBe('F1b');
      await again.close();
      await store.close();
    });
  });
}
