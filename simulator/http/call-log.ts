export interface CallEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Login of the token's owner; null when unauthenticated or not an API route. */
  login: string | null;
  ifNoneMatch: boolean;
  fault: string | null;
  durationMs: number;
}

const MAX_ENTRIES = 20_000;

/** What the simulator was asked, so tests assert on the app's behaviour (e.g. no blind retries). */
export class CallLog {
  private entries: CallEntry[] = [];
  private seq = 0;

  record(entry: Omit<CallEntry, "seq">): CallEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  since(seq: number): CallEntry[] {
    // Entries are ordered by seq; most reads ask for the tail.
    let i = this.entries.length;
    while (i > 0 && (this.entries[i - 1] as CallEntry).seq > seq) i--;
    return this.entries.slice(i);
  }

  lastSeq(): number {
    return this.seq;
  }

  /** Clears the entries but keeps the sequence growing, so a stale `since` never re-reads. */
  clear(): void {
    this.entries = [];
  }
}
