//! Governance Workbench core: the framework model, its validation rules, the JSON interchange
//! format and the store (a SQLite file, or a PostgreSQL server in team mode). Nothing here knows
//! about windows or PDFs.

pub mod calendar;
pub mod coverage;
pub mod diff;
pub mod edit;
pub mod error;
pub mod fsutil;
pub mod interchange;
pub mod labels;
pub mod model;
pub mod obligations;
pub mod odcs;
pub mod oscal;
pub mod paths;
pub mod review;
pub mod sample;
pub mod schedule;
pub mod scripts;
pub mod signoff;
pub mod starter;
pub mod store;
pub mod text;
pub mod validate;
pub mod version;

pub use error::{Error, ErrorCode, Result};
pub use model::*;
pub use store::Store;
pub use validate::{integrity, validate, Finding, Section, Severity};
