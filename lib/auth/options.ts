import type { NextAuthOptions, Profile } from "next-auth";
import GitHubProvider, { type GithubProfile } from "next-auth/providers/github";
import { getConfig, type Config } from "@/lib/config/config";
import { isAllowed } from "./roles";
import { recordSignIn } from "./record-sign-in";
import { isOrgMember } from "./org-membership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { rolesFor } from "./roles";

// What Release Desk does as the person: merge the release PR and dispatch workflows. A GitHub App
// ignores scopes (its permissions apply); an OAuth App needs these.
const SCOPES = "read:user repo workflow";

function gitHubProvider(config: Config) {
  const { apiUrl, webUrl, clientId, clientSecret } = config.github;
  return GitHubProvider({
    clientId,
    clientSecret,
    // next-auth hard-codes github.com; GitHub Enterprise and the simulator need their own URLs.
    authorization: {
      url: `${webUrl}/login/oauth/authorize`,
      params: { scope: config.access.org ? `${SCOPES} read:org` : SCOPES },
    },
    token: `${webUrl}/login/oauth/access_token`,
    userinfo: {
      url: `${apiUrl}/user`,
      // The stock request also calls a hard-coded api.github.com/user/emails; we need no email.
      async request({ tokens }) {
        const response = await fetch(`${apiUrl}/user`, {
          headers: {
            Authorization: `Bearer ${tokens.access_token ?? ""}`,
            Accept: "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
          },
          signal: AbortSignal.timeout(config.github.timeoutMs),
        });
        if (!response.ok) throw new Error(`GitHub /user answered ${response.status}`);
        // GitHub's /user body; the provider's profile() maps it.
        return (await response.json()) as Profile;
      },
    },
  });
}

export function authOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.authSecret,
    providers: [gitHubProvider(config)],
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ profile, account }) {
        const login = (profile as GithubProfile | undefined)?.login;
        if (!login || !account?.access_token) return false;
        const member = config.access.org
          ? await isOrgMember(config, account.access_token, config.access.org)
          : false;
        if (!isAllowed(login, config, member)) {
          await recordAuditEvent({
            actor: login,
            actorRoles: [],
            action: "auth.sign_in",
            targetType: "session",
            targetId: login,
            outcome: "refused",
            reason: config.access.org ? `not listed and not a member of ${config.access.org}` : "not listed",
          });
          return `/not-allowed?login=${encodeURIComponent(login)}`;
        }
        return true;
      },
      async jwt({ token, account, profile }) {
        if (account && profile) {
          const gh = profile as GithubProfile;
          const user = await recordSignIn(config, gh, account);
          await recordAuditEvent({
            actor: gh.login,
            actorRoles: rolesFor(gh.login, config),
            action: "auth.sign_in",
            targetType: "session",
            targetId: gh.login,
            outcome: "succeeded",
          });
          token.uid = user.id;
          token.login = gh.login;
          token.name = gh.name ?? gh.login;
          token.picture = gh.avatar_url;
        }
        // The GitHub token is kept in the database only; the cookie carries who, not the key.
        delete token.accessToken;
        return token;
      },
      session({ session, token }) {
        session.user = {
          login: typeof token.login === "string" ? token.login : "",
          name: token.name ?? null,
          image: token.picture ?? null,
        };
        return session;
      },
    },
  };
}
