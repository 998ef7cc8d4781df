/** What a V8 .cpuprofile (node --cpu-prof) says about where the time went. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface TimeSpent {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  wallMs: number;
  /** Time the thread was doing something (not idle). */
  busyMs: number;
  /** Self time in allycomp's own files: its code alone, not what it calls. */
  ownSelfMs: number;
  /**
   * Busy time by who asked for it: Node's own frames (HTTP, streams, fetch internals, JSON) are charged to the
   * nearest allycomp file or package up the stack, so `@slack/web-api` includes the fetch calls it makes.
   */
  byOwner: TimeSpent[];
  /** The functions with the most self time (time in the function itself). */
  topSelf: TimeSpent[];
  /** allycomp's own functions by inclusive time (themselves and everything they call), recursion counted once. */
  topOwn: TimeSpent[];
}

const OWN_FILE = /\/bench\/\.build\/(src\/.+)\.js$/;
const PACKAGE = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/**
 * A package name, `allycomp src/<file>`, or undefined for Node's own code and V8 pseudo-frames. Node's built-in
 * fetch counts as a package of its own, so the time spent in it is not charged to whoever called fetch.
 */
function ownerOf(url: string): string | undefined {
  const own = OWN_FILE.exec(url);
  if (own) return `allycomp ${own[1]}`;
  if (url.includes('/bench/.build/bench/')) return 'bench child';
  if (url.startsWith('node:internal/deps/undici/')) return "Node's fetch (built-in undici)";
  return PACKAGE.exec(url)?.[1];
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (url === '') return functionName || '(native)';
  const where = ownerOf(url)?.replace(/^allycomp /, '') ?? url.replace(/^node:internal\//, 'node:');
  return `${functionName || '(anonymous)'} (${where}:${lineNumber + 1})`;
}

function add(totals: Map<string, number>, key: string, ms: number) {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function top(totals: Map<string, number>, count: number): TimeSpent[] {
  return [...totals]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

export function summariseProfile(file: string, topCount = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = profile.samples.length > 0 ? wallMs / profile.samples.length : 0;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ancestors = function* (id: number) {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) yield byId.get(at) as ProfileNode;
  };

  const byOwner = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const byOwn = new Map<string, number>();
  let busyMs = 0;
  let ownSelfMs = 0;
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerSample;
    const { functionName, url } = node.callFrame;
    if (ms === 0 || functionName === '(idle)') continue;
    busyMs += ms;
    if (OWN_FILE.test(url)) ownSelfMs += ms;
    add(bySelf, label(node), ms);
    let owner: string | undefined;
    const ownOnStack = new Set<string>();
    for (const frame of ancestors(node.id)) {
      owner ??= ownerOf(frame.callFrame.url);
      if (OWN_FILE.test(frame.callFrame.url)) ownOnStack.add(label(frame));
    }
    const pseudo = url === '' && functionName.startsWith('(') ? functionName : undefined;
    add(
      byOwner,
      owner?.startsWith('allycomp ') ? 'allycomp src/' : (owner ?? pseudo ?? 'node (no package on the stack)'),
      ms,
    );
    for (const own of ownOnStack) add(byOwn, own, ms);
  }
  return {
    wallMs,
    busyMs,
    ownSelfMs,
    byOwner: top(byOwner, topCount),
    topSelf: top(bySelf, topCount),
    topOwn: top(byOwn, topCount),
  };
}
