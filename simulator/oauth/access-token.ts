import { isRecord } from "../http/body";
import type { SimRequest, SimResponse } from "../http/types";
import { verifyPkce, type TokenGrant, type TokenStore } from "./token-store";

export interface AccessTokenDeps {
  clientId: string;
  clientSecret: string;
  tokens: TokenStore;
}

const DOCS =
  "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

/**
 * `POST /login/oauth/access_token`: a code (web flow) or, for expiring tokens, a refresh token
 * (`grant_type=refresh_token`) for a new pair. Like GitHub, errors are 200s with an `error` field,
 * and the answer is JSON only when asked for (`Accept: application/json`), urlencoded otherwise.
 * Client credentials come from the body or HTTP Basic auth (openid-client, used by next-auth, sends Basic).
 */
export function accessToken(deps: AccessTokenDeps) {
  return (req: SimRequest): SimResponse => {
    const form: Record<string, string> = {};
    for (const [k, v] of req.query) form[k] = v;
    if (isRecord(req.body))
      for (const [k, v] of Object.entries(req.body)) if (typeof v === "string") form[k] = v;
    const basic = basicAuth(req.headers.authorization);
    const clientId = form.client_id ?? basic?.id ?? "";
    const clientSecret = form.client_secret ?? basic?.secret ?? "";
    const wantsJson = (req.headers.accept ?? "").includes("json");
    const reply = (body: Record<string, string> | TokenGrant) => encode(body, wantsJson);

    if (clientId !== deps.clientId || clientSecret !== deps.clientSecret) {
      return reply(
        oauthError(
          "incorrect_client_credentials",
          "The client_id and/or client_secret passed are incorrect.",
        ),
      );
    }
    const grantType = form.grant_type ?? "authorization_code";
    if (grantType === "refresh_token") {
      const grant = deps.tokens.refresh(form.refresh_token ?? "");
      return reply(
        grant ??
          oauthError(
            "bad_refresh_token",
            "The refresh token passed is incorrect or expired.",
            "#bad-refresh-token",
          ),
      );
    }
    if (grantType !== "authorization_code") {
      return reply(oauthError("unsupported_grant_type", "The grant type is not supported."));
    }
    const pending = deps.tokens.takeCode(form.code ?? "");
    if (!pending || pending.clientId !== clientId) {
      return reply(oauthError("bad_verification_code", "The code passed is incorrect or expired."));
    }
    if (form.redirect_uri && form.redirect_uri !== pending.redirectUri) {
      return reply(
        oauthError(
          "redirect_uri_mismatch",
          "The redirect_uri MUST match the registered callback URL for this application.",
        ),
      );
    }
    if (
      pending.codeChallenge &&
      !verifyPkce(form.code_verifier ?? "", pending.codeChallenge, pending.codeChallengeMethod)
    ) {
      return reply(
        oauthError("bad_verification_code", "The code_verifier does not match the code_challenge."),
      );
    }
    const scope = pending.scope
      .split(/[\s,]+/)
      .filter(Boolean)
      .join(",");
    return reply(deps.tokens.issue(pending.login, scope));
  };
}

function oauthError(error: string, description: string, anchor = ""): Record<string, string> {
  return { error, error_description: description, error_uri: `${DOCS}${anchor}` };
}

/** JSON keeps GitHub's numbers (`expires_in`); the urlencoded form has only strings. */
function encode(body: Record<string, string> | TokenGrant, json: boolean): SimResponse {
  if (json) return { status: 200, json: body };
  const fields = Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]);
  return {
    status: 200,
    text: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
  };
}

function basicAuth(header: string | undefined): { id: string; secret: string } | null {
  const m = /^basic\s+(\S+)$/i.exec(header?.trim() ?? "");
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  // RFC 6749 §2.3.1: client credentials in Basic auth are form-urlencoded first.
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}
