import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { LiveIndicator } from "@/components/live/live-indicator";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function Header({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          Release Desk
        </Link>
        {viewer ? <NavLinks /> : null}
        <div className="ml-auto flex items-center gap-3">
          {viewer ? (
            <>
              <LiveIndicator />
              {viewer.image ? (
                // eslint-disable-next-line @next/next/no-img-element -- avatars come from GitHub's (or the simulator's) host, not our bundle
                <img src={viewer.image} alt="" width={28} height={28} className="h-7 w-7 rounded-full" />
              ) : null}
              <div className="text-sm leading-tight" data-testid="current-user">
                <div className="font-medium text-slate-900">{viewer.login}</div>
                <div className="text-slate-600">
                  <span className="sr-only">Roles: </span>
                  <span data-testid="current-roles">{viewer.roles.join(", ")}</span>
                </div>
              </div>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="text-sm font-medium text-blue-700 underline">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
