import { Notice } from "./notice";

/** An honest placeholder for a page whose feature is still on the roadmap (see the issue named). */
export function NotBuiltYet({ feature, issue }: { feature: string; issue: number }) {
  return (
    <Notice tone="info" title="Not built yet">
      <p>
        {feature} is planned (issue #{issue}) but not available in this version. Nothing on this page is
        simulated or pretended.
      </p>
    </Notice>
  );
}
