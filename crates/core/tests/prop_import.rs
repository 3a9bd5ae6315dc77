//! Property tests of the import path: whatever bytes or text arrive, parsing never panics and
//! a refused import writes nothing; any text accepted is exported exactly as it came; nothing
//! but white space may follow the framework.

mod common;

use common::*;
use governance_core::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_parser(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = interchange::parse(&bytes);
    }

    #[test]
    fn a_truncated_or_corrupted_starter_file_is_refused_or_parsed_never_panics(cut in 0usize..40_000, flip in 0usize..40_000, byte in any::<u8>()) {
        let mut bytes = starter::STARTER_JSON.as_bytes().to_vec();
        let n = bytes.len();
        bytes[flip % n] = byte;
        bytes.truncate(cut % n);
        if let Ok(fw) = interchange::parse(&bytes) {
            let _ = validate(&fw, today());
        }
    }

    #[test]
    fn anything_after_the_framework_but_white_space_is_refused(suffix in "[ \t\r\n]{0,3}|[ \n]{0,2}\\PC{1,30}") {
        let text = format!("{}{suffix}", starter::STARTER_JSON);
        let only_space = suffix.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        match interchange::parse(text.as_bytes()) {
            Ok(fw) => {
                prop_assert!(only_space, "{:?} was accepted", suffix);
                prop_assert_eq!(fw, starter());
            }
            Err(Error::Parse(m)) => {
                prop_assert!(!only_space, "{}", m);
                prop_assert!(m.starts_with("unexpected data after the framework at line "), "{}", m);
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn any_name_text_is_either_refused_with_its_field_or_round_trips_exactly(name in "\\PC{0,250}", title in ".{0,50}") {
        let mut fw = starter();
        fw.parties[0].name = name.clone();
        fw.parties[0].title = title.clone();
        let mut s = Store::open_in_memory().unwrap();
        match s.import(&fw, "prop") {
            Ok(_) => {
                let back = s.load(&fw.id).unwrap();
                prop_assert_eq!(&back.parties[0].name, &name);
                prop_assert_eq!(&back.parties[0].title, &title);
            }
            Err(Error::Invalid(problems)) => {
                prop_assert!(problems.iter().all(|p| p.path.starts_with("parties[0].")));
                prop_assert!(s.list_frameworks().unwrap().is_empty());
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }
}
