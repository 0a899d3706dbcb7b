import type { Commit } from "./types";

export interface Comparison {
  /** Commits reachable from head but not base, oldest first (at most `limit`). */
  ahead: Commit[];
  aheadBy: number;
  behindBy: number;
  mergeBase: Commit | null;
}

const LEFT = 1;
const RIGHT = 2;
const BOTH = 3;

/** Commits, branches and ancestry of the simulated repository. */
export class RepoGraph {
  readonly commits = new Map<string, Commit>();
  readonly branches = new Map<string, string>();
  readonly tags = new Map<string, string>();
  private readonly byPrefix = new Map<string, string[]>();

  /** Registers a commit whose parents are already known, computing generation and ancestor count. */
  add(commit: Commit): void {
    const parents = commit.parents.map((p) => this.commits.get(p)).filter((c): c is Commit => !!c);
    commit.generation = 1 + Math.max(0, ...parents.map((p) => p.generation));
    const [first, second] = parents;
    if (!first) commit.ancestorCount = 1;
    else if (!second) commit.ancestorCount = first.ancestorCount + 1;
    else {
      // |A ∪ B| = |A| + |B| − |A ∩ B|, and A ∩ B is the merge base's ancestry (a single merge base here).
      const base = this.walk(first.sha, second.sha, 0).mergeBase;
      commit.ancestorCount = first.ancestorCount + second.ancestorCount - (base?.ancestorCount ?? 0) + 1;
    }
    this.commits.set(commit.sha, commit);
    const key = commit.sha.slice(0, 7);
    const list = this.byPrefix.get(key);
    if (list) list.push(commit.sha);
    else this.byPrefix.set(key, [commit.sha]);
  }

  get(sha: string): Commit | undefined {
    return this.commits.get(sha);
  }

  /** A commit-ish as GitHub resolves it: branch, tag, `refs/...`, full or abbreviated (≥7) SHA. */
  resolve(ref: string): Commit | undefined {
    const name = ref.replace(/^refs\/(heads|tags)\//, "");
    const viaRef = this.branches.get(name) ?? this.tags.get(name);
    if (viaRef) return this.commits.get(viaRef);
    if (ref.length < 7 || ref.length > 40 || !/^[0-9a-f]+$/i.test(ref)) return undefined;
    const lower = ref.toLowerCase();
    if (lower.length === 40) return this.commits.get(lower);
    const candidates = (this.byPrefix.get(lower.slice(0, 7)) ?? []).filter((s) => s.startsWith(lower));
    return candidates.length === 1 ? this.commits.get(candidates[0] as string) : undefined;
  }

  /** Only branches and tags: what `workflow_dispatch` accepts as `ref`. */
  isBranchOrTag(ref: string): boolean {
    if (ref.startsWith("refs/heads/")) return this.branches.has(ref.slice(11));
    if (ref.startsWith("refs/tags/")) return this.tags.has(ref.slice(10));
    return this.branches.has(ref) || this.tags.has(ref);
  }

  compare(baseSha: string, headSha: string, limit = 250): Comparison {
    const base = this.commits.get(baseSha);
    const head = this.commits.get(headSha);
    const { mergeBase, ahead } = this.walk(baseSha, headSha, limit);
    const mbCount = mergeBase?.ancestorCount ?? 0;
    return {
      ahead: ahead.sort((a, b) => a.generation - b.generation || a.at - b.at),
      aheadBy: (head?.ancestorCount ?? 0) - mbCount,
      behindBy: (base?.ancestorCount ?? 0) - mbCount,
      mergeBase,
    };
  }

  /**
   * git's paint-down walk ordered by generation: the first commit reached from both sides is the
   * best merge base. After it, only head-side commits are followed (every common ancestor lies below
   * the merge base and inherits both flags from it), so long histories are not walked.
   */
  private walk(
    baseSha: string,
    headSha: string,
    limit: number,
  ): { mergeBase: Commit | null; ahead: Commit[] } {
    const flags = new Map<string, number>();
    const done = new Map<string, number>();
    const pendingRight = new Set<string>();
    const heap = new GenerationHeap();
    const mark = (sha: string, flag: number) => {
      const c = this.commits.get(sha);
      if (!c) return;
      const before = flags.get(sha) ?? 0;
      const after = before | flag;
      if (after === before) return;
      flags.set(sha, after);
      if (after === RIGHT) pendingRight.add(sha);
      else pendingRight.delete(sha);
      heap.push(c);
    };
    mark(baseSha, LEFT);
    mark(headSha, RIGHT);
    let mergeBase: Commit | null = null;
    const ahead: Commit[] = [];
    while (heap.size > 0) {
      if (mergeBase && (pendingRight.size === 0 || ahead.length >= limit)) break;
      const c = heap.pop() as Commit;
      const f = flags.get(c.sha) ?? 0;
      if (done.get(c.sha) === f) continue;
      done.set(c.sha, f);
      pendingRight.delete(c.sha);
      if (f === BOTH && !mergeBase) mergeBase = c;
      if (mergeBase && f === LEFT) continue;
      if (f === RIGHT) ahead.push(c);
      for (const p of c.parents) mark(p, f);
    }
    return { mergeBase, ahead: ahead.filter((c) => flags.get(c.sha) === RIGHT) };
  }
}

/** Max-heap on generation (ties: newer first). */
class GenerationHeap {
  private readonly items: Commit[] = [];
  get size(): number {
    return this.items.length;
  }
  push(c: Commit): void {
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(a[i] as Commit, a[parent] as Commit)) break;
      [a[i], a[parent]] = [a[parent] as Commit, a[i] as Commit];
      i = parent;
    }
  }
  pop(): Commit | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.above(a[l] as Commit, a[m] as Commit)) m = l;
        if (r < a.length && this.above(a[r] as Commit, a[m] as Commit)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Commit, a[i] as Commit];
        i = m;
      }
    }
    return top;
  }
  private above(x: Commit, y: Commit): boolean {
    return x.generation > y.generation || (x.generation === y.generation && x.at > y.at);
  }
}
