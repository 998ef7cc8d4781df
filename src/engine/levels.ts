import { type Guide, normaliseName } from '../guide/schema.js';

export interface LevelMatch {
  /** The Ally level the title maps to, if the guide's table has it. */
  allyLevel?: string;
  /** The offer's company when it is one of the level table's peers. */
  peer?: string;
  /** The title as the person gave it. */
  peerTitle?: string;
  /** The mapping in one sentence, naming only the offer's company or the table ("… maps to Ally's …"). */
  mapping?: string;
  /** A title was given but the level table has no such title: it is read as the level the bands cover. */
  unmapped?: boolean;
  /** The honest caveat: the guide's bands are for one role only. */
  caveat: string;
  /** True when the mapped level (or the level an unmapped title is read as) is the one the bands describe. */
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

/** Common short forms of PM titles, each word to its long form ("Sr. PM" and "Senior Product Manager" compare equal). */
const WORD_FORMS: Record<string, string> = {
  sr: 'senior',
  snr: 'senior',
  pm: 'product manager',
  spm: 'senior product manager',
  mgr: 'manager',
  vp: 'vice president',
  svp: 'senior vice president',
  avp: 'assistant vice president',
  dir: 'director',
};

/** A title compared by words: lower case, short forms spelled out, "of" and "the" dropped ("Director, Product"). */
export function titleKey(title: string): string {
  return normaliseName(title)
    .split(' ')
    .map((word) => WORD_FORMS[word] ?? word)
    .join(' ')
    .split(' ')
    .filter((word) => word !== 'of' && word !== 'the')
    .join(' ');
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Map an offer's title to the Ally level by the guide's level table (Capital One, Discover, SoFi, Chime in this
 * guide). The offer's company's own column first when it is a peer; otherwise any peer's title, or an Ally title.
 * A title the table does not have is read as the level the bands cover, and says so (`unmapped`).
 */
export function mapLevel(guide: Guide, company: string | undefined, title: string | undefined): LevelMatch {
  const caveat = levelCaveat(guide);
  const peer = findPeer(guide, company);
  if (!title) return { peer, caveat, bandsApply: true };
  const wanted = titleKey(title);
  const mapped = (allyLevel: string, tableTitle: string, where: string): LevelMatch => {
    const readAs = normaliseName(tableTitle) === normaliseName(title) ? '' : ` (read as ${tableTitle})`;
    return {
      allyLevel,
      peer,
      peerTitle: title,
      mapping: `${title}${readAs}${where} maps to Ally's ${allyLevel}.`,
      caveat,
      bandsApply: allyLevel === guide.levels.bandsCover,
    };
  };
  const ownRow = peer ? guide.levels.rows.find((row) => titleKey(row.peers[peer] ?? '') === wanted) : undefined;
  if (peer && ownRow) return mapped(ownRow.ally, ownRow.peers[peer] ?? ownRow.ally, ` at ${peer}`);
  for (const row of guide.levels.rows) {
    const usedBy = guide.levels.peers.filter((p) => titleKey(row.peers[p] ?? '') === wanted);
    if (titleKey(row.ally) !== wanted && usedBy.length === 0) continue;
    // Name no peer as if it were the offer's company: the table is the source, its peers only where the title is.
    const tableTitle = usedBy.length > 0 ? (row.peers[usedBy[0] ?? ''] ?? row.ally) : row.ally;
    const users = usedBy.length > 0 ? `, where ${listed(usedBy)} use${usedBy.length === 1 ? 's' : ''} that title` : '';
    const outside = company && !peer ? `; ${company} is not in it` : '';
    const match = mapped(row.ally, tableTitle, '');
    return { ...match, mapping: `${match.mapping?.slice(0, -1)} (by the guide's level table${users}${outside}).` };
  }
  return { peer, peerTitle: title, unmapped: true, caveat, bandsApply: true };
}

/** Every title in the level table, for pickers: "Capital One: VP, Product Management". */
export function peerTitles(guide: Guide): Array<{ peer: string; title: string; allyLevel: string }> {
  return guide.levels.rows.flatMap((row) =>
    guide.levels.peers.map((peer) => ({ peer, title: row.peers[peer] ?? '', allyLevel: row.ally })),
  );
}
