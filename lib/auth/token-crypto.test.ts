import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken } from "./token-crypto";

const secret = "x".repeat(40);

describe("token encryption at rest", () => {
  it("round-trips and never stores the token in clear", () => {
    const sealed = encryptToken("gho_secret-token", secret);
    expect(sealed).not.toContain("gho_secret-token");
    expect(decryptToken(sealed, secret)).toBe("gho_secret-token");
  });
  it("uses a fresh IV each time", () => {
    expect(encryptToken("t", secret)).not.toBe(encryptToken("t", secret));
  });
  it("refuses a tampered value or the wrong key", () => {
    const sealed = encryptToken("gho_secret-token", secret);
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 3), Buffer.from("gho_other-token!").toString("base64url")].join(".");
    expect(() => decryptToken(tampered, secret)).toThrow();
    expect(() => decryptToken(sealed, "y".repeat(40))).toThrow();
  });
});
