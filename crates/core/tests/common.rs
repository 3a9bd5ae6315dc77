// Shared fixtures for the core tests.
#![allow(dead_code)]

use governance_core::*;

pub fn starter() -> Framework {
    governance_core::starter::starter_framework()
}

pub fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// The date the starter template was written for; date rules are checked against it.
pub fn today() -> chrono::NaiveDate {
    day("2026-11-26")
}

pub fn errors(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|x| x.severity == Severity::Error).collect()
}

pub fn warnings(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|x| x.severity == Severity::Warning).collect()
}
