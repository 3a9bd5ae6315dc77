//! PDF rendering of published framework versions, from the domain types only (no SQL, no Tauri).
//!
//! Not built yet: publishing and the PDF export arrive with the versioning work (issue 4). The
//! crate exists now so that the dependency rule (report depends on core, never on the store's SQL
//! or on Tauri) is fixed from the start.
