//! Team mode under faults and load: the server going away in the middle of changes, and twenty
//! people editing at once. (`make bench` measures the latencies; these tests check correctness.)

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use governance_core::edit::{Edit, EditRequest, ListKind, RecordKey};
use governance_core::store::ChangeListener;
use governance_core::*;

/// The starter with every party's title and every platform's policy notes marked `k`: one
/// import of it rewrites dozens of rows in one transaction.
fn marked(k: u32) -> Framework {
    let mut fw = starter();
    for p in &mut fw.parties {
        p.title = format!("{} #{k}", p.title);
    }
    for p in &mut fw.platforms {
        p.contract.policy_notes = format!("policy #{k}");
    }
    fw
}

/// The marks a stored framework carries; one mark when no change was half written.
fn marks(fw: &Framework) -> std::collections::BTreeSet<String> {
    let parties = fw.parties.iter().map(|p| p.title.rsplit('#').next().unwrap().to_owned());
    let platforms = fw.platforms.iter().map(|p| p.contract.policy_notes.rsplit('#').next().unwrap().to_owned());
    parties.chain(platforms).collect()
}

#[test]
fn a_server_stopped_in_the_middle_of_changes_keeps_none_half_written_and_the_store_recovers() {
    let server = PrivateServer::start();
    let mut s = Store::connect(&server.address, None).unwrap();
    s.import(&marked(0), "setup").unwrap();
    let mut listener = ChangeListener::connect(&server.address, None).unwrap();
    // Open, but idle while the server goes away and comes back.
    let idle = Store::connect(&server.address, None).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let (mut saved, mut lost, mut k) = (Vec::new(), 0, 0);
            while !stop.load(Ordering::Relaxed) {
                k += 1;
                match s.import(&marked(k), "writer") {
                    Ok(_) => saved.push(k),
                    Err(e) => {
                        assert_eq!(e.code(), "disconnected", "{e}");
                        assert!(e.to_string().contains("nothing"), "the message says nothing was saved: {e}");
                        lost += 1;
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            }
            (s, saved, lost)
        })
    };
    std::thread::sleep(Duration::from_millis(400));
    server.pause();
    assert!(listener.wait(Duration::from_millis(500)).is_err(), "the listener notices the server is gone");
    assert!(listener.reconnect().is_err(), "and cannot reconnect while it is down");
    std::thread::sleep(Duration::from_millis(300));
    let resumed = Instant::now();
    server.resume();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);
    let (mut s, saved, lost) = writer.join().unwrap();
    eprintln!("saved {} imports, {} refused while the server was down", saved.len(), lost);
    assert!(lost > 0, "some changes met the stopped server");
    assert!(saved.iter().any(|k| *k > saved[0] + lost), "changes were saved again after the restart");

    let fw = s.load(&starter().id).unwrap();
    let marks = marks(&fw);
    assert_eq!(marks.len(), 1, "every row carries the same change, none half written: {marks:?}");
    assert_eq!(
        marks.into_iter().next().unwrap(),
        saved.last().unwrap().to_string(),
        "the last saved change is the one stored"
    );

    // A store that sat idle through the restart works at its first action, on a new connection.
    assert_eq!(idle.load(&starter().id).unwrap().parties.len(), starter().parties.len());
    // The same store and listener carry on without being made again.
    listener.reconnect().unwrap();
    let started = Instant::now();
    let mut p = fw.parties[0].clone();
    p.title = "After the restart".into();
    s.apply(&EditRequest { framework: fw.id.clone(), edit: Edit::PutParty { party: p }, expected_version: None }, "x")
        .unwrap();
    assert_eq!(listener.wait(Duration::from_secs(1)).unwrap(), vec![fw.id.clone()]);
    eprintln!(
        "an edit and its notice after the restart: {:?} ({:?} after the server was back)",
        started.elapsed(),
        resumed.elapsed()
    );
    assert!(s.verify_versions().unwrap().is_empty());
}

#[test]
fn twenty_people_editing_at_once_lose_no_edit_apply_none_twice_and_stale_ones_are_refused() {
    let server = PrivateServer::start();
    let mut setup = Store::connect(&server.address, None).unwrap();
    let fw = starter();
    setup.import(&fw, "setup").unwrap();
    let parties = 5;
    let clients: Vec<_> = (0..20)
        .map(|i| {
            let address = server.address.clone();
            let fw = fw.id.clone();
            std::thread::spawn(move || {
                let mut s = Store::connect(&address, None).unwrap();
                let (mut saved, mut stale) = (0u32, 0u32);
                for n in 0..15 {
                    // Four people share each party, so some edits meet a newer version.
                    let view = s.open_view(&fw, today()).unwrap();
                    let mut party = view.framework.parties[i % parties].clone();
                    let seen = view.versions[&RecordKey::Item(ListKind::Parties, party.id.clone()).to_string()];
                    party.title = format!("client {i} edit {n}");
                    let req = EditRequest {
                        framework: fw.clone(),
                        edit: Edit::PutParty { party },
                        expected_version: Some(seen),
                    };
                    match s.apply(&req, "x") {
                        Ok(_) => saved += 1,
                        Err(e) if e.code() == "stale" => stale += 1,
                        Err(e) => panic!("{e}"),
                    }
                }
                (i % parties, saved, stale)
            })
        })
        .collect();
    let mut saved_per_party = vec![0u32; parties];
    let mut stale = 0;
    for c in clients {
        let (party, saved, refused) = c.join().unwrap();
        saved_per_party[party] += saved;
        stale += refused;
    }
    eprintln!("saved {saved_per_party:?}, refused as stale: {stale}");
    let view = setup.open_view(&fw.id, today()).unwrap();
    let log = setup.audit_log(&fw.id, 10_000).unwrap();
    for (i, saved) in saved_per_party.iter().enumerate() {
        let id = &view.framework.parties[i].id;
        let version = view.versions[&RecordKey::Item(ListKind::Parties, id.clone()).to_string()];
        assert_eq!(version, 1 + i64::from(*saved), "each saved edit moved {id}'s version once: none lost, none twice");
        let rows = log.iter().filter(|e| e.entity == format!("parties[{id}]") && e.field == "title").count();
        assert_eq!(rows as u32, *saved, "one audit row per saved edit of {id}");
    }
    assert_eq!(saved_per_party.iter().sum::<u32>() + stale, 20 * 15);
}

#[test]
fn several_team_databases_set_up_at_once_on_a_new_server_share_its_groups() {
    let server = PrivateServer::start();
    let setups: Vec<_> = (0..4)
        .map(|i| {
            let admin = server.address.clone();
            std::thread::spawn(move || {
                let db = store::team::create_database(&admin, None, &format!("team_{i}")).unwrap();
                store::team::init(&db, None)
            })
        })
        .collect();
    for s in setups {
        s.join().unwrap().unwrap();
    }
}
