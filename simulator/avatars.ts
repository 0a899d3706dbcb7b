import { createHash } from "node:crypto";
import type { Router } from "./http/router";

/** `/avatars/<login>.svg`: initials on a colour derived from the login, so each demo user is recognisable. */
export function registerAvatarRoutes(router: Router): void {
  router.add("public", "GET", "/avatars/:file", (req) => {
    const login = (req.params.file ?? "").replace(/\.svg$/, "");
    const hue = createHash("sha1").update(login).digest().readUInt16BE(0) % 360;
    const initials = login
      .replace(/\[bot\]$/, "")
      .split(/[-_.]/)
      .filter(Boolean)
      .slice(0, 2)
      .map((p) => p[0]?.toUpperCase() ?? "")
      .join("");
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
      `<rect width="96" height="96" rx="48" fill="hsl(${hue} 55% 45%)"/>` +
      `<text x="48" y="60" font-family="system-ui,sans-serif" font-size="38" font-weight="600" fill="#fff" text-anchor="middle">${initials.replace(/[<>&]/g, "")}</text></svg>`;
    return {
      status: 200,
      text: svg,
      headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" },
    };
  });
}
