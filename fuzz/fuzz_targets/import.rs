//! Fuzzes the JSON import: parsing, the integrity rules, validation and a store import must
//! never panic, and a refused import must leave the store empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fw) = governance_core::interchange::parse(data) else { return };
    let _ = governance_core::validate(&fw, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date"));
    let mut store = governance_core::Store::open_in_memory().expect("an in-memory store opens");
    match store.import(&fw, "fuzz") {
        Ok(_) => {
            let back = store.load(&fw.id).expect("an imported framework loads");
            assert_eq!(back, fw, "import then load gives the same framework");
        }
        Err(_) => assert!(store.list_frameworks().expect("lists").is_empty(), "a refused import wrote something"),
    }
});
