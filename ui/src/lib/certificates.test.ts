import { describe, expect, it } from "vitest";
import {
  fingerprintGroups,
  passphraseMismatch,
  pemCertificateDer,
  pemFingerprint,
  shortFingerprint,
  validityAt,
  validityText,
} from "./certificates";

// A self-signed P-256 certificate made with `openssl req -x509`; its fingerprint below is what
// `openssl x509 -noout -fingerprint -sha256` printed for it.
const PEM = `-----BEGIN CERTIFICATE-----
MIIBgjCCASegAwIBAgIUd0lR627jtHJFyF51UBuXifbLEIgwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLVGVzdCBTaWduZXIwHhcNMjYxMTI5MjMzNDEyWhcNMjYxMjI5
MjMzNDEyWjAWMRQwEgYDVQQDDAtUZXN0IFNpZ25lcjBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABOJi0/9K9ojlhJC9f6E/7tsJAG9flRFxp2lJ2RqbKjtdx6tEbGqw
GUHdnj3aq9CkxLy9OpvOf77Cf8PGwZlcDZ+jUzBRMB0GA1UdDgQWBBQIXCovu5yd
lix1iAYScx5Cd7b5oTAfBgNVHSMEGDAWgBQIXCovu5ydlix1iAYScx5Cd7b5oTAP
BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0kAMEYCIQDx9kyuakMexhYrS4Xz
T3oUQaD+BFCoEDoD5c/h5QanKwIhALj9LFNBv1R+582kvLymwaQihctPWT021Kbj
EL+3TARp
-----END CERTIFICATE-----
`;
const OPENSSL_FINGERPRINT = "3E:E2:EF:59:FD:87:A2:C0:B6:0E:13:E1:1C:DB:33:D6:29:8D:B3:49:B5:98:ED:4D:1B:35:5B:99:CB:2D:11:7B";
const HEX = OPENSSL_FINGERPRINT.replace(/:/g, "").toLowerCase();

describe("fingerprints", () => {
  it("splits a SHA-256 fingerprint into eight groups of eight hex digits", () => {
    const groups = fingerprintGroups(HEX);
    expect(groups).toHaveLength(8);
    expect(groups.every((g) => /^[0-9a-f]{8}$/.test(g))).toBe(true);
    expect(groups.join("")).toBe(HEX);
    expect(groups[0]).toBe("3ee2ef59");
  });

  it("reads a fingerprint written with colons and capitals the same way", () => {
    expect(fingerprintGroups(OPENSSL_FINGERPRINT)).toEqual(fingerprintGroups(HEX));
  });

  it("shortens a fingerprint to its first two groups", () => {
    expect(shortFingerprint(HEX)).toBe("3ee2ef59 fd87a2c0");
  });

  it("computes the fingerprint of a PEM certificate as openssl does", async () => {
    expect(await pemFingerprint(PEM)).toBe(HEX);
  });

  it("finds no certificate in a text that is not one", async () => {
    expect(pemCertificateDer("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----")).toBeNull();
    expect(pemCertificateDer("-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----")).toBeNull();
    expect(await pemFingerprint("nothing here")).toBeNull();
  });
});

describe("validity", () => {
  const info = { not_before: "2026-03-01T10:00:00Z", not_after: "2029-03-01T10:00:00Z" };

  it("is valid between its two dates", () => {
    expect(validityAt(info, new Date("2027-06-15T00:00:00Z"))).toBe("valid");
    expect(validityAt(info, new Date("2026-03-01T10:00:00Z"))).toBe("valid");
  });

  it("is not yet valid before its start and expired after its end", () => {
    expect(validityAt(info, new Date("2026-03-01T09:59:59Z"))).toBe("not_yet_valid");
    expect(validityAt(info, new Date("2029-03-01T10:00:01Z"))).toBe("expired");
  });

  it("counts an unreadable date as not valid", () => {
    expect(validityAt({ not_before: "soon", not_after: info.not_after }, new Date("2027-01-01T00:00:00Z"))).toBe("not_yet_valid");
    expect(validityAt({ not_before: info.not_before, not_after: "" }, new Date("2027-01-01T00:00:00Z"))).toBe("expired");
  });

  it("says the validity in calendar days", () => {
    expect(validityText(info)).toBe("Valid from 1 Mar 2026 to 1 Mar 2029");
  });
});

describe("a new key file's passphrase", () => {
  it("must be typed the same twice", () => {
    expect(passphraseMismatch("correct horse battery", "correct horse battery")).toBeNull();
    expect(passphraseMismatch("correct horse battery", "correct horse batery")).not.toBeNull();
    expect(passphraseMismatch("correct horse battery", "")).not.toBeNull();
  });
});
