//! Team mode's numbers on a local PostgreSQL server (`make bench` starts one and sets
//! GOVERNANCE_TEST_PG): edit latency with one and with twenty people editing at once, five
//! people publishing at once, how soon another app hears of a change, and reconnecting.

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use governance_core::edit::{Edit, EditRequest, ListKind, RecordKey};
use governance_core::store::{team, ChangeListener, ServerAddress};
use governance_core::{sample, starter, Store};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The p-th percentile of the samples.
fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1]
}

fn fresh(server: &ServerAddress, name: &str) -> ServerAddress {
    let name = format!("bench_{name}_{}", std::process::id());
    let db = team::create_database(server, None, &name).unwrap();
    team::init(&db, None).unwrap();
    db
}

/// Client `i` edits its own party `rounds` times, sending the version it saw, as the app does,
/// pausing between edits for 0 to `2 * pause` (a person's pace; none for the stress figure).
fn edit_rounds(address: &ServerAddress, fw: &str, i: usize, rounds: usize, pause: Duration) -> Vec<Duration> {
    let mut s = Store::connect(address, None).unwrap();
    let mut party = s.load(fw).unwrap().parties[i].clone();
    let key = RecordKey::Item(ListKind::Parties, party.id.clone()).to_string();
    let first = s.open_view(fw, chrono::Utc::now().date_naive()).unwrap().versions[&key];
    let mut times = Vec::with_capacity(rounds);
    // People do not start at the same instant; a first edit also prepares the statements.
    std::thread::sleep(Duration::from_millis(7 * i as u64));
    let mut seed = 0x9e37_79b9_u32.wrapping_mul(i as u32 + 1);
    for (n, version) in (0..=rounds).zip(first..) {
        party.title = format!("client {i} edit {n}");
        let req = EditRequest {
            framework: fw.into(),
            edit: Edit::PutParty { party: party.clone() },
            expected_version: Some(version),
        };
        let t = Instant::now();
        s.apply(&req, "bench").unwrap();
        if n > 0 {
            times.push(t.elapsed());
        }
        // Pauses spread evenly between 0 and twice `pause` (xorshift), different for each person.
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        std::thread::sleep(pause.mul_f64(f64::from(seed % 1000) / 500.0));
    }
    times
}

fn main() {
    let url = std::env::var("GOVERNANCE_TEST_PG").expect("GOVERNANCE_TEST_PG names a server; `make bench` starts one");
    let server = ServerAddress::parse(&url).unwrap();
    let today = chrono::Utc::now().date_naive();
    println!("Team mode on {server}");

    let db = fresh(&server, "large");
    let mut s = Store::connect(&db, None).unwrap();
    let large = sample::large_framework();
    let t = Instant::now();
    s.import(&large, "bench").unwrap();
    println!("  import the large framework                    {:>8.1} ms", ms(t.elapsed()));
    let mut opens: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            s.open_view(&large.id, today).unwrap();
            t.elapsed()
        })
        .collect();
    println!("  open the large framework (median of 5)        {:>8.1} ms", ms(pct(&mut opens, 0.5)));

    let db = fresh(&server, "edits");
    // Twenty people, each with a party of their own to edit.
    let mut fw = starter::starter_framework();
    for i in fw.parties.len()..20 {
        let mut extra = fw.parties[0].clone();
        extra.id = format!("extra-{i}");
        extra.email = None;
        fw.parties.push(extra);
    }
    Store::connect(&db, None).unwrap().import(&fw, "bench").unwrap();
    let mut one = edit_rounds(&db, &fw.id, 0, 500, Duration::ZERO);
    println!(
        "  edit, one person: p50 / p99                   {:>8.2} / {:.2} ms",
        ms(pct(&mut one, 0.5)),
        ms(pct(&mut one, 0.99))
    );

    let probe = Store::connect(&db, None).unwrap();
    let mut trips: Vec<Duration> = (0..300)
        .map(|_| {
            let t = Instant::now();
            probe.tls_version().unwrap();
            t.elapsed()
        })
        .collect();
    println!("  one statement's round trip: p50               {:>8.3} ms", ms(pct(&mut trips, 0.5)));
    for (what, pause, rounds) in
        [("one edit every 100 ms each", Duration::from_millis(100), 50), ("as fast as they can", Duration::ZERO, 100)]
    {
        let t = Instant::now();
        let threads: Vec<_> = (0..20)
            .map(|i| {
                let (db, id) = (db.clone(), fw.id.clone());
                std::thread::spawn(move || edit_rounds(&db, &id, i, rounds, pause))
            })
            .collect();
        let mut all: Vec<Duration> = threads.into_iter().flat_map(|h| h.join().unwrap()).collect();
        let rate = all.len() as f64 / t.elapsed().as_secs_f64();
        println!(
            "  edit, 20 people at once, {what}: p50 / p99 / max {:.2} / {:.2} / {:.2} ms ({} edits, {rate:.0} a second)",
            ms(pct(&mut all, 0.5)),
            ms(pct(&mut all, 0.99)),
            ms(pct(&mut all, 1.0)),
            all.len(),
        );
    }

    let t = Instant::now();
    let publishers: Vec<_> = (0..5)
        .map(|i| {
            let (db, id) = (db.clone(), fw.id.clone());
            std::thread::spawn(move || {
                let mut s = Store::connect(&db, None).unwrap();
                for round in 0..20 {
                    let mut p = s.load(&id).unwrap().parties[i].clone();
                    p.title = format!("publisher {i} round {round}");
                    s.apply(
                        &EditRequest {
                            framework: id.clone(),
                            edit: Edit::PutParty { party: p },
                            expected_version: None,
                        },
                        "b",
                    )
                    .unwrap();
                    match s.publish(&id, &format!("{i}/{round}"), "b", chrono::Utc::now().date_naive()) {
                        Ok(_) => {}
                        Err(e) if e.code() == "unchanged" => {}
                        Err(e) => panic!("{e}"),
                    }
                }
            })
        })
        .collect();
    publishers.into_iter().for_each(|h| h.join().unwrap());
    let s = Store::connect(&db, None).unwrap();
    let versions = s.versions(&fw.id).unwrap();
    let linear = versions.iter().enumerate().all(|(i, v)| v.number as usize == i + 1);
    println!(
        "  5 people publishing at once: {} versions in {:.0} ms, numbered 1..{} {}, chain {}",
        versions.len(),
        ms(t.elapsed()),
        versions.len(),
        if linear { "without gaps" } else { "WITH GAPS" },
        if s.verify_versions().unwrap().is_empty() { "intact" } else { "BROKEN" }
    );

    let mut listener = ChangeListener::connect(&db, None).unwrap();
    let mut writer = Store::connect(&db, None).unwrap();
    let mut heard = Vec::new();
    for n in 0..100 {
        let mut p = writer.load(&fw.id).unwrap().parties[0].clone();
        p.title = format!("heard {n}");
        let t = Instant::now();
        writer
            .apply(
                &EditRequest { framework: fw.id.clone(), edit: Edit::PutParty { party: p }, expected_version: None },
                "b",
            )
            .unwrap();
        let changed = listener.wait(Duration::from_secs(1)).unwrap();
        assert_eq!(changed, vec![fw.id.clone()]);
        heard.push(t.elapsed());
    }
    println!(
        "  edit saved and heard by another app: p50 / p99 {:>8.2} / {:.2} ms",
        ms(pct(&mut heard, 0.5)),
        ms(pct(&mut heard, 0.99))
    );

    let mut connects: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            Store::connect(&db, None).unwrap();
            t.elapsed()
        })
        .collect();
    println!("  connect (TLS, password, schema check): median {:>8.1} ms", ms(pct(&mut connects, 0.5)));
}
