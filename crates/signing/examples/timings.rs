//! Times the signing operations (run in release):
//! `cargo run --release -p governance-signing --example timings -- FILE.pdf`
//! FILE.pdf is any PDF of the app, for example the large framework's (about 1.7 MB).
//! Each figure is the median of five runs; it prints numbers and checks nothing else.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use governance_signing::pdf::{sign_pdf, signatures};
use governance_signing::{verify_detached, KeyFile, SignOptions};

const PASSPHRASE: &str = "correct horse battery staple";

fn median<T>(mut run: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        last = Some(run());
        times.push(start.elapsed());
    }
    times.sort();
    (times[2], last.expect("five runs"))
}

fn row(what: &str, time: Duration) {
    println!("{what:<44} {:>9.2} ms", time.as_secs_f64() * 1000.0);
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: timings FILE.pdf");
    let pdf = std::fs::read(&path).expect("reads the PDF");
    let now: DateTime<Utc> = "2026-04-01T12:00:00Z".parse().expect("a time");
    let statement = vec![b's'; 200];

    let (t, file) = median(|| KeyFile::create("Ada Lovelace", "party-ada", PASSPHRASE, now).expect("creates"));
    row("create key file (P-256, scrypt N=2^14)", t);
    let text = file.to_pem();
    let (t, signer) = median(|| KeyFile::parse(&text).and_then(|f| f.unlock(PASSPHRASE)).expect("unlocks"));
    row("parse and unlock key file", t);
    let (t, cms) = median(|| signer.sign_detached(&statement, &SignOptions::default()).expect("signs"));
    row("sign 200-byte statement (CMS)", t);
    let (t, _) = median(|| verify_detached(&statement, &cms).expect("verifies"));
    row("verify 200-byte statement (CMS)", t);

    println!("PDF: {path} ({} bytes)", pdf.len());
    let (t, one) = median(|| sign_pdf(&pdf, &signer, now, "Ada Lovelace", "Approved").expect("signs"));
    row("sign PDF (PAdES B-B update)", t);
    let (t, found) = median(|| signatures(&one).expect("reads"));
    assert!(found.all_hold(), "{found:#?}");
    row("verify PDF with 1 signature", t);
    let (t, two) = median(|| sign_pdf(&one, &signer, now, "Ada Lovelace", "Again").expect("signs"));
    row("sign PDF a second time", t);
    let (t, found) = median(|| signatures(&two).expect("reads"));
    assert!(found.all_hold() && found.revisions.len() == 2, "{found:#?}");
    row("verify PDF with 2 signatures", t);
}
