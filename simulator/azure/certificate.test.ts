import { X509Certificate, createPrivateKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CERT_FILE, KEY_FILE, ensureCertificate } from "./certificate";

const dir = mkdtempSync(join(tmpdir(), "azure-sim-cert-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ensureCertificate", () => {
  it("creates a certificate for 127.0.0.1 and localhost, with the key beside it and private", () => {
    const created = ensureCertificate(dir);
    expect(created.certPath).toBe(join(dir, CERT_FILE));
    expect(readFileSync(created.certPath, "utf8")).toBe(created.cert);
    expect(created.cert).not.toContain("PRIVATE KEY");
    const x509 = new X509Certificate(created.cert);
    expect(x509.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(x509.checkHost("localhost")).toBe("localhost");
    expect(x509.ca).toBe(false);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o077).toBe(0);
  });

  it("reuses the files while they are valid", () => {
    const first = ensureCertificate(dir);
    expect(ensureCertificate(dir)).toEqual(first);
  });

  it("replaces a damaged certificate", () => {
    const first = ensureCertificate(dir);
    writeFileSync(join(dir, CERT_FILE), "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
    const second = ensureCertificate(dir);
    expect(second.cert).not.toBe(first.cert);
    expect(fitsItsKey(second.cert)).toBe(true);
  });

  it("replaces a certificate that does not fit the key beside it", () => {
    const other = mkdtempSync(join(tmpdir(), "azure-sim-cert-other-"));
    try {
      const foreign = ensureCertificate(other).cert;
      writeFileSync(join(dir, CERT_FILE), foreign);
      const replaced = ensureCertificate(dir);
      expect(replaced.cert).not.toBe(foreign);
      expect(fitsItsKey(replaced.cert)).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

function fitsItsKey(cert: string): boolean {
  return new X509Certificate(cert).checkPrivateKey(
    createPrivateKey(readFileSync(join(dir, KEY_FILE), "utf8")),
  );
}
