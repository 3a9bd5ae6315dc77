import { describe, expect, it } from "vitest";
import { connectErrors, connectFocus, NO_CONNECT_ERRORS, tlsLabel } from "./connect";
import type { Failure } from "./errors";

const failure = (code: Failure["code"], message: string): Failure => ({ code, message, findings: [] });

describe("connectErrors", () => {
  it("puts a missing or refused password beside the password field", () => {
    const e = connectErrors(failure("password_needed", "the team database asks for alice's password"));
    expect(e).toEqual({ address: null, password: "The team database asks for alice's password.", general: null });
  });

  it("puts an address that cannot be read beside the address field", () => {
    expect(connectErrors(failure("parse", "not a PostgreSQL address")).address).toBe("Not a PostgreSQL address.");
  });

  it("shows a server out of reach and any other failure under the form", () => {
    expect(connectErrors(failure("disconnected", "cannot connect")).general).toBe("Cannot connect.");
    expect(connectErrors(failure("not_found", "no such database")).general).toBe("No such database.");
  });

  it("shows nothing before the first attempt", () => {
    expect(connectErrors(null)).toEqual(NO_CONNECT_ERRORS);
  });
});

describe("connectFocus", () => {
  it("goes to the field with the problem", () => {
    expect(connectFocus(connectErrors(failure("password_needed", "x")), "postgres://a@h/d")).toBe("password");
    expect(connectFocus(connectErrors(failure("parse", "x")), "postgres://a@h/d")).toBe("address");
  });

  it("goes to the address while there is none, else to the password", () => {
    expect(connectFocus(NO_CONNECT_ERRORS, "")).toBe("address");
    expect(connectFocus(NO_CONNECT_ERRORS, "postgres://a@h/d")).toBe("password");
  });
});

describe("tlsLabel", () => {
  it("writes the server's TLS version as people do", () => {
    expect(tlsLabel("TLSv1.3")).toBe("TLS 1.3");
    expect(tlsLabel("SSLv3")).toBe("SSLv3");
  });
});
