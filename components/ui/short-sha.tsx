/** A commit as its 7-character prefix, linked to the commit on GitHub, full SHA on hover. */
export function ShortSha({ sha, href }: { sha: string; href: string }) {
  return (
    <a href={href} title={sha} className="font-mono text-sm text-blue-800 underline decoration-dotted">
      {sha.slice(0, 7)}
    </a>
  );
}
