import { getCommit } from "@/lib/github/get-commit";
import { repoRef, serverGitHub } from "@/lib/server/github";

export interface CommitSummary {
  sha: string;
  message: string;
  author: string | null;
  authorLogin: string | null;
}

// A commit never changes once it exists, so its summary is kept for the life of the process instead
// of being revalidated like lists are: pages with many deployments cost no repeated GitHub calls.
const holder = globalThis as unknown as { releaseDeskCommits?: Map<string, CommitSummary> };
const MAX = 5_000;

export async function commitSummary(sha: string): Promise<CommitSummary | null> {
  const memo = (holder.releaseDeskCommits ??= new Map<string, CommitSummary>());
  const known = memo.get(sha);
  if (known) return known;
  try {
    const { owner, repo } = repoRef();
    const read = await getCommit(serverGitHub(), { owner, repo, ref: sha });
    const summary: CommitSummary = {
      sha,
      message: read.data.commit.message.split("\n")[0] ?? "",
      author: read.data.commit.author?.name ?? null,
      authorLogin: read.data.author?.login ?? null,
    };
    if (memo.size >= MAX) memo.delete(memo.keys().next().value as string);
    memo.set(sha, summary);
    return summary;
  } catch {
    // A missing commit message must not take the page down; the SHA is still shown.
    return null;
  }
}
