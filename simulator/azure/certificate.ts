import { execFileSync } from "node:child_process";
import { X509Certificate, createPrivateKey } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export interface SimulatorCertificate {
  key: string;
  cert: string;
  /** PEM of the certificate alone: what NODE_EXTRA_CA_CERTS (or a client's `ca`) should trust. */
  certPath: string;
}

export const CERT_FILE = "azure-sim-cert.pem";
export const KEY_FILE = "azure-sim-key.pem";
const VALID_DAYS = 825;
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60_000;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, kept in `dir` and reused while it is valid,
 * so an app started with NODE_EXTRA_CA_CERTS=<certPath> keeps trusting the simulator across restarts.
 * Synchronous because the simulator needs it before it can listen; the key sits beside the
 * certificate, not in it, because NODE_EXTRA_CA_CERTS should hold certificates only.
 */
export function ensureCertificate(dir: string): SimulatorCertificate {
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  const existing = readUsable(certPath, keyPath);
  if (existing) return { ...existing, certPath };

  const generated = generate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, generated.key, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, generated.cert);
  return { ...generated, certPath };
}

function readUsable(certPath: string, keyPath: string): { key: string; cert: string } | null {
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  try {
    const cert = readFileSync(certPath, "utf8");
    const key = readFileSync(keyPath, "utf8");
    const x509 = new X509Certificate(cert);
    const usable =
      new Date(x509.validTo).getTime() - Date.now() > RENEW_BEFORE_MS &&
      new Date(x509.validFrom).getTime() <= Date.now() &&
      x509.checkIP("127.0.0.1") !== undefined &&
      x509.checkHost("localhost") !== undefined &&
      x509.checkPrivateKey(createPrivateKey(key));
    return usable ? { key, cert } : null;
  } catch {
    return null;
  }
}

/**
 * selfsigned 5 only has an async API; running it in a child Node process keeps this function
 * synchronous. openssl is the fallback where that fails.
 */
function generate(): { key: string; cert: string } {
  try {
    return generateWithSelfsigned();
  } catch (selfsignedError) {
    try {
      return generateWithOpenssl();
    } catch (opensslError) {
      throw new Error(
        `Could not create the simulator certificate: selfsigned failed (${message(selfsignedError)}), openssl failed (${message(opensslError)})`,
      );
    }
  }
}

function generateWithSelfsigned(): { key: string; cert: string } {
  const modulePath = createRequire(import.meta.url).resolve("selfsigned");
  const script = `
    const { generate } = require(${JSON.stringify(modulePath)});
    const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
    const notAfterDate = new Date(notBeforeDate.getTime() + ${VALID_DAYS} * 24 * 60 * 60 * 1000);
    generate([{ name: "commonName", value: "localhost" }, { name: "organizationName", value: "Release Desk simulator" }], {
      keyType: "ec", curve: "P-256", algorithm: "sha256", notBeforeDate, notAfterDate,
      extensions: [
        { name: "basicConstraints", cA: false, critical: true },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }, { type: 7, ip: "::1" }] },
      ],
    }).then((pems) => process.stdout.write(JSON.stringify({ key: pems.private, cert: pems.cert })));
  `;
  const output = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 30_000 });
  const { key, cert } = JSON.parse(output) as { key: string; cert: string };
  return { key, cert };
}

function generateWithOpenssl(): { key: string; cert: string } {
  const output = execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      "-",
      "-out",
      "-",
      "-days",
      String(VALID_DAYS),
      "-subj",
      "/CN=localhost/O=Release Desk simulator",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      "-addext",
      "basicConstraints=critical,CA:FALSE",
      "-addext",
      "extendedKeyUsage=serverAuth",
    ],
    { encoding: "utf8", timeout: 30_000 },
  );
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(output)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(output)?.[0];
  if (!key || !cert) throw new Error("openssl printed no key or certificate");
  return { key, cert };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n", 1)[0]! : String(error);
}
