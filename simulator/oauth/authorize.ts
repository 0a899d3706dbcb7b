import { isRecord } from "../http/body";
import type { SimRequest, SimResponse } from "../http/types";
import { DEMO_USERS } from "../identities";
import type { TokenStore } from "./token-store";

export interface AuthorizeDeps {
  clientId: string;
  tokens: TokenStore;
}

const FIELDS = [
  "client_id",
  "redirect_uri",
  "state",
  "scope",
  "code_challenge",
  "code_challenge_method",
] as const;

/** GitHub's consent page, reduced to "pick who you are": one button per demo identity. */
export function authorizePage(deps: AuthorizeDeps) {
  return (req: SimRequest): SimResponse => {
    const q = Object.fromEntries(FIELDS.map((f) => [f, req.query.get(f) ?? ""]));
    const problem = checkClient(deps, q.client_id ?? "", q.redirect_uri ?? "");
    if (problem) return problem;
    const hidden = FIELDS.map((f) => `<input type="hidden" name="${f}" value="${esc(q[f] ?? "")}">`).join("");
    const buttons = DEMO_USERS.map(
      (u) =>
        `<li><form method="post" action="/login/oauth/authorize">${hidden}` +
        `<input type="hidden" name="login" value="${esc(u.login)}">` +
        `<button type="submit" name="authorize" value="1" data-login="${esc(u.login)}">` +
        `<img src="/avatars/${esc(u.login)}.svg" alt="" width="24" height="24"> Sign in as ${esc(u.login)} (${esc(u.who)})` +
        `</button></form></li>`,
    ).join("\n");
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize application · GitHub Simulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;color:#1f2328}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{display:flex;gap:.6rem;align-items:center;width:100%;
padding:.6rem .8rem;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;font-size:1rem;cursor:pointer}
button:hover{background:#eef1f4}code{background:#f6f8fa;padding:0 .25rem}</style></head>
<body><h1>Sign in to continue</h1>
<p>The GitHub simulator plays github.com. Choose a demo identity to authorize <code>${esc(q.client_id ?? "")}</code>${
      q.scope ? ` with scope <code>${esc(q.scope)}</code>` : ""
    }.</p>
<ul>
${buttons}
</ul></body></html>`;
    return { status: 200, text: html, headers: { "content-type": "text/html; charset=utf-8" } };
  };
}

/** The consent button: issues a single-use code and sends the browser back to the app. */
export function authorizeSubmit(deps: AuthorizeDeps) {
  return (req: SimRequest): SimResponse => {
    const f = isRecord(req.body) ? (req.body as Record<string, string>) : {};
    const clientId = f.client_id ?? "";
    const redirectUri = f.redirect_uri ?? "";
    const problem = checkClient(deps, clientId, redirectUri);
    if (problem) return problem;
    const login = f.login ?? "";
    if (!DEMO_USERS.some((u) => u.login === login)) return page(400, "Unknown user.");
    const code = deps.tokens.createCode({
      login,
      clientId,
      redirectUri,
      scope: f.scope ?? "",
      codeChallenge: f.code_challenge || null,
      codeChallengeMethod: f.code_challenge_method || null,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    if (f.state) target.searchParams.set("state", f.state);
    return { status: 302, headers: { location: target.toString() }, text: "" };
  };
}

function checkClient(deps: AuthorizeDeps, clientId: string, redirectUri: string): SimResponse | null {
  // GitHub answers an unknown client_id with a 404 page rather than redirecting.
  if (clientId !== deps.clientId) return page(404, "Not Found: unknown client_id.");
  if (!/^https?:\/\//.test(redirectUri))
    return page(400, "The redirect_uri is missing or not an http(s) URL.");
  return null;
}

function page(status: number, message: string): SimResponse {
  return {
    status,
    text: `<!doctype html><html><body><h1>${status}</h1><p>${esc(message)}</p></body></html>`,
    headers: { "content-type": "text/html; charset=utf-8" },
  };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
