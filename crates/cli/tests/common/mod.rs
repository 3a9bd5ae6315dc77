//! What the CLI tests share: the starter template, running `governance` as a script would, and
//! running other people's tools.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub const TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/starter-framework.json");

/// The passphrase of every key file the tests make.
pub const PASSPHRASE: &str = "correct horse battery";

/// Runs `governance` on the database `db` (or with no `--db` at all) with the key passphrase in
/// its environment, as a script would.
pub fn governance(db: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_governance"));
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    cmd.args(args).env("GOVERNANCE_KEY_PASSPHRASE", PASSPHRASE).output().unwrap()
}

/// The output of a command that must have succeeded.
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs another program; a missing one fails the test with how to install it (make test does).
pub fn tool(name: &str, args: &[&str]) -> Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed ({e}): apt-get install poppler-utils qpdf openssl; pyhanko: make py-deps")
    })
}

/// The output (stdout and stderr) of another program that must have succeeded.
pub fn tool_ok(name: &str, args: &[&str]) -> String {
    let o = tool(name, args);
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{name} {args:?} failed:\n{text}");
    text
}
