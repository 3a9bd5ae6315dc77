// Where the connect dialog shows why a connection failed: by the failure's code, never its text.
import type { Failure } from "./errors";
import { sentence } from "./format";

export type ConnectErrors = {
  /** Beside the address field: it could not be read. */
  address: string | null;
  /** Beside the password field: the server wants one, or refused the one given. */
  password: string | null;
  /** Under the form: the server is out of reach, or anything else. */
  general: string | null;
};

export const NO_CONNECT_ERRORS: ConnectErrors = { address: null, password: null, general: null };

/** The errors the dialog shows after a failed attempt (none before the first). */
export function connectErrors(f: Failure | null): ConnectErrors {
  if (f === null) return NO_CONNECT_ERRORS;
  const message = sentence(f.message);
  switch (f.code) {
    case "password_needed":
      return { ...NO_CONNECT_ERRORS, password: message };
    case "parse":
      return { ...NO_CONNECT_ERRORS, address: message };
    default:
      return { ...NO_CONNECT_ERRORS, general: message };
  }
}

/** The field the focus goes to: the one with the problem, else the first one to fill in. */
export function connectFocus(errors: ConnectErrors, address: string): "address" | "password" {
  if (errors.password) return "password";
  if (errors.address) return "address";
  return address.trim() === "" ? "address" : "password";
}

/** "TLSv1.3" as people write it, and as the window title shows it: "TLS 1.3". */
export function tlsLabel(version: string): string {
  return version.replace(/^TLSv/, "TLS ");
}
