//! The obligation catalogues that ship with the app (`assets/obligations/`): regulations,
//! guidance and standards, each obligation with its official citation and title and a short
//! summary in our own words (not legal advice). Parts of a framework link to obligations by id.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of text a catalogue summarises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueKind {
    Law,
    Guidance,
    Standard,
    Framework,
}

/// What an obligation is about, for suggesting which parts of a framework answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Disclosure,
    Consent,
    HumanReview,
    DataHandling,
    Governance,
    Risk,
    Monitoring,
    Transparency,
    ProhibitedPractice,
    Literacy,
    Incident,
    ThirdParty,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: String,
    pub citation: String,
    pub title: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub version: String,
    pub publisher: String,
    /// The framework jurisdictions it applies to ("US", "UK", "EU"), or "*" for any.
    pub jurisdictions: Vec<String>,
    pub kind: CatalogueKind,
    pub source_url: String,
    pub notice: String,
    pub obligations: Vec<Obligation>,
}

impl Catalogue {
    /// Whether the catalogue applies to a framework that acts in `jurisdiction`.
    pub fn applies_to(&self, jurisdiction: &str) -> bool {
        self.jurisdictions.iter().any(|j| j == "*" || j.eq_ignore_ascii_case(jurisdiction))
    }
}

/// The shipped files, in the order they are listed.
const FILES: [(&str, &str); 6] = [
    ("ftc.json", include_str!("../../../assets/obligations/ftc.json")),
    ("uk-gdpr-ico.json", include_str!("../../../assets/obligations/uk-gdpr-ico.json")),
    ("gdpr.json", include_str!("../../../assets/obligations/gdpr.json")),
    ("eu-ai-act.json", include_str!("../../../assets/obligations/eu-ai-act.json")),
    ("nist-ai-rmf.json", include_str!("../../../assets/obligations/nist-ai-rmf.json")),
    ("iso-42001.json", include_str!("../../../assets/obligations/iso-42001.json")),
];

/// Every shipped catalogue. The files are checked by this crate's tests, so a file that does not
/// parse is a build that does not pass.
pub fn catalogues() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, text)| {
                serde_json::from_str(text).unwrap_or_else(|e| panic!("assets/obligations/{name} does not parse: {e}"))
            })
            .collect()
    })
}

/// Every shipped obligation, catalogue by catalogue.
pub fn all() -> impl Iterator<Item = &'static Obligation> {
    catalogues().iter().flat_map(|c| c.obligations.iter())
}

/// The shipped catalogue with this id.
pub fn catalogue(id: &str) -> Option<&'static Catalogue> {
    catalogues().iter().find(|c| c.id == id)
}

/// The obligation with this id, with its catalogue, among the shipped catalogues.
pub fn obligation(id: &str) -> Option<(&'static Catalogue, &'static Obligation)> {
    find(catalogues(), id)
}

/// The obligation with this id, with its catalogue, among `catalogues` (a report's own copy).
pub fn find<'a>(catalogues: &'a [Catalogue], id: &str) -> Option<(&'a Catalogue, &'a Obligation)> {
    catalogues.iter().find_map(|c| c.obligations.iter().find(|o| o.id == id).map(|o| (c, o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OSCAL's token rule, which export ids must keep: a letter or `_`, then letters, digits,
    /// `-`, `.` or `_`.
    fn oscal_token(s: &str) -> bool {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
    }

    #[test]
    fn every_shipped_catalogue_parses_strictly_with_oscal_safe_unique_ids() {
        let mut seen = std::collections::HashSet::new();
        for (c, (name, _)) in catalogues().iter().zip(FILES) {
            assert_eq!(format!("{}.json", c.id), name, "a file is named after its catalogue");
            assert_eq!(c.format, 1);
            assert!(c.notice.contains("not legal advice"), "{}", c.id);
            assert!(!c.obligations.is_empty(), "{}", c.id);
            for o in &c.obligations {
                assert!(oscal_token(&o.id) && o.id.starts_with(&c.id), "{}", o.id);
                assert!(seen.insert(o.id.clone()), "{} appears twice", o.id);
                assert!(o.summary.split_whitespace().count() <= 60, "{}: a summary, not the text", o.id);
                assert!(!o.topics.is_empty() && o.topics.len() <= 3, "{}", o.id);
            }
        }
    }

    #[test]
    fn each_jurisdiction_of_the_starter_has_a_law_and_the_voluntary_frameworks_apply_everywhere() {
        for j in ["US", "UK", "EU"] {
            assert!(
                catalogues().iter().any(|c| c.kind == CatalogueKind::Law && c.applies_to(j)),
                "no law catalogue for {j}"
            );
        }
        let nist = catalogues().iter().find(|c| c.id == "nist-ai-rmf").unwrap();
        assert!(nist.applies_to("BR"));
        assert_eq!(obligation("gdpr-art-22").map(|(c, _)| c.id.as_str()), Some("gdpr"));
    }
}
