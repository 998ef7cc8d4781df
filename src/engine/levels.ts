import { type Guide, normaliseName } from '../guide/schema.js';

export interface LevelMatch {
  /** The Ally level the peer title maps to, if the guide's table has it. */
  allyLevel?: string;
  peer?: string;
  peerTitle?: string;
  /** The honest caveat: the guide's bands are for one role only. */
  caveat: string;
  /** True when the mapped level is the one the bands describe. */
  bandsApply: boolean;
}

export function levelCaveat(guide: Guide): string {
  return (
    `The guide's compensation bands are for ${guide.levels.bandsCover} only; its level table maps titles but ` +
    `gives no bands for the other levels.`
  );
}

function findPeer(guide: Guide, company: string | undefined): string | undefined {
  if (!company) return undefined;
  const wanted = normaliseName(company).replace(/ /g, '');
  return guide.levels.peers.find((peer) => {
    const name = normaliseName(peer).replace(/ /g, '');
    return wanted === name || wanted.startsWith(name) || name.startsWith(wanted);
  });
}

/** Map a peer company's title (Capital One, Discover, SoFi, Chime in this guide) to the Ally level. */
export function mapLevel(guide: Guide, company: string | undefined, title: string | undefined): LevelMatch {
  const caveat = levelCaveat(guide);
  const peer = findPeer(guide, company);
  if (!title) return { peer, caveat, bandsApply: true };
  const wanted = normaliseName(title);
  const peers = peer ? [peer] : guide.levels.peers;
  for (const candidatePeer of peers) {
    const row = guide.levels.rows.find((r) => normaliseName(r.peers[candidatePeer] ?? '') === wanted);
    if (row) {
      return {
        allyLevel: row.ally,
        peer: candidatePeer,
        peerTitle: row.peers[candidatePeer],
        caveat,
        bandsApply: row.ally === guide.levels.bandsCover,
      };
    }
  }
  const direct = guide.levels.rows.find((row) => normaliseName(row.ally) === wanted);
  if (direct) return { allyLevel: direct.ally, peer, caveat, bandsApply: direct.ally === guide.levels.bandsCover };
  return { peer, peerTitle: title, caveat, bandsApply: false };
}

/** Every title in the level table, for pickers: "Capital One: VP, Product Management". */
export function peerTitles(guide: Guide): Array<{ peer: string; title: string; allyLevel: string }> {
  return guide.levels.rows.flatMap((row) =>
    guide.levels.peers.map((peer) => ({ peer, title: row.peers[peer] ?? '', allyLevel: row.ally })),
  );
}
