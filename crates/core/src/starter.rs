//! The starter framework shipped in `assets/`, which a new database starts with.

use crate::model::Framework;

/// The starter template, exactly as shipped.
pub const STARTER_JSON: &str = include_str!("../../../assets/starter-framework.json");

pub fn starter_framework() -> Framework {
    crate::interchange::parse(STARTER_JSON.as_bytes()).expect("the shipped starter template parses")
}
