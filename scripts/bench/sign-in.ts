/**
 * Signs a demo user in through the app's real next-auth flow and the simulator's OAuth consent, with
 * plain HTTP (no browser), and returns the cookie header of the session.
 */
type Jar = Map<string, string>;

function absorb(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signIn(appUrl: string, login: string): Promise<string> {
  const jar: Jar = new Map();
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  absorb(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const start = await fetch(`${appUrl}/api/auth/signin/github`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/` }),
  });
  absorb(jar, start);
  const authorize = new URL(start.headers.get("location") ?? "");
  // The consent page posts its query back with the chosen login, as the simulator's form does.
  const form = new URLSearchParams(authorize.searchParams);
  form.set("login", login);
  form.set("authorize", "1");
  const consent = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  const callback = consent.headers.get("location");
  if (!callback) throw new Error(`The simulator did not redirect after consent (${consent.status})`);
  const done = await fetch(callback, { redirect: "manual", headers: { cookie: cookieHeader(jar) } });
  absorb(jar, done);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(
      `Sign-in as ${login} produced no session (${done.status} ${done.headers.get("location") ?? ""})`,
    );
  }
  return cookieHeader(jar);
}
