//! Published versions as domain types: what a version is, its hash, and everything the PDF of a
//! version shows (`ReportData`). The store produces these; the report reads them without knowing
//! the store. A PDF embeds its `ReportData` as two files, the snapshot and a `ReportManifest`
//! with everything else, from which a verifier rebuilds the same `ReportData`.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::diff::{Change, ChangeKind};
use crate::error::{Error, Result};
use crate::model::Framework;

/// A published version, without its snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VersionInfo {
    pub framework: String,
    pub number: u32,
    /// RFC 3339, UTC.
    pub published_at: String,
    pub author: String,
    pub summary: String,
    pub sha256: String,
    pub previous_sha256: Option<String>,
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything the PDF of one published version shows, as domain types.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData {
    pub info: VersionInfo,
    pub framework: Framework,
    /// Validation findings of the version, as of its publication date.
    pub findings: Vec<crate::validate::Finding>,
    /// Changes since the previous version (empty for version 1).
    pub changes: Vec<Change>,
    pub signoffs: Vec<crate::review::SignOff>,
    /// The review cycle (by its due date) that was open when this PDF was made: a signatory who
    /// signs this PDF on another machine signs for this cycle.
    pub review_cycle_due: chrono::NaiveDate,
    /// The canonical JSON snapshot, exactly the bytes hashed.
    pub snapshot: Vec<u8>,
    pub published_at: chrono::DateTime<chrono::Utc>,
    /// The obligation catalogues the report cites (report format 4 on). The PDF embeds them in
    /// its manifest, so that it renders the same after the shipped catalogues change.
    pub catalogues: Vec<crate::obligations::Catalogue>,
}

/// What a report manifest says it is.
pub const REPORT_MANIFEST_KIND: &str = "governance-workbench/report-manifest";

/// Everything the pages of a version's PDF are rendered from besides the snapshot: the PDF
/// embeds it next to the snapshot, so that a verifier can render the pages again without a
/// database. Written in one canonical form: compact JSON, fields in declaration order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportManifest {
    pub kind: String,
    /// The report format the pages were rendered with; a verifier renders them again with it.
    pub report_format: u32,
    pub version: VersionInfo,
    /// Changes since the previous version (empty for version 1).
    pub changes: Vec<Change>,
    /// Validation findings of the version, as of its publication date.
    pub findings: Vec<crate::validate::Finding>,
    pub signoffs: Vec<crate::review::SignOff>,
    /// The review cycle that was open when the PDF was made.
    pub review_cycle_due: chrono::NaiveDate,
    /// The obligation catalogues the pages cite, as they were when the PDF was made; absent
    /// before report format 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalogues: Vec<crate::obligations::Catalogue>,
}

impl ReportManifest {
    /// The manifest of `data`'s report in `report_format`.
    pub fn new(data: &ReportData, report_format: u32) -> ReportManifest {
        ReportManifest {
            kind: REPORT_MANIFEST_KIND.to_owned(),
            report_format,
            version: data.info.clone(),
            changes: data.changes.clone(),
            findings: data.findings.clone(),
            signoffs: data.signoffs.clone(),
            review_cycle_due: data.review_cycle_due,
            catalogues: data.catalogues.clone(),
        }
    }

    /// The canonical bytes, as embedded.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a manifest serialises")
    }

    /// The report format a manifest names, read leniently, so that a manifest of a newer format
    /// (which this app may not read whole) still says which format it is.
    pub fn format_of(bytes: &[u8]) -> Result<u32> {
        #[derive(Deserialize)]
        struct Header {
            kind: String,
            report_format: u32,
        }
        let h: Header = serde_json::from_slice(bytes)
            .map_err(|e| Error::Parse(format!("the report manifest is not readable: {e}")))?;
        if h.kind != REPORT_MANIFEST_KIND {
            return Err(Error::Parse(format!("this is not a report manifest (kind {})", crate::text::quoted(&h.kind))));
        }
        Ok(h.report_format)
    }

    /// Reads a manifest, refusing anything that is not exactly its canonical form.
    pub fn from_bytes(bytes: &[u8]) -> Result<ReportManifest> {
        ReportManifest::format_of(bytes)?;
        let mut m: ReportManifest = serde_json::from_slice(bytes)
            .map_err(|e| Error::Parse(format!("the report manifest is not readable: {e}")))?;
        // JSON writes an absent value and a null alike; a change's kind says which sides it has.
        for c in &mut m.changes {
            if c.kind != ChangeKind::Added {
                c.old.get_or_insert(serde_json::Value::Null);
            }
            if c.kind != ChangeKind::Removed {
                c.new.get_or_insert(serde_json::Value::Null);
            }
        }
        if m.to_bytes() != bytes {
            return Err(Error::Parse("the report manifest is not in its canonical form".into()));
        }
        Ok(m)
    }
}

impl ReportData {
    /// The report data a manifest and its snapshot describe: the snapshot must hash to the
    /// manifest's version and parse as that version's framework.
    pub fn from_manifest(manifest: ReportManifest, snapshot: Vec<u8>) -> Result<ReportData> {
        let info = manifest.version;
        let actual = sha256_hex(&snapshot);
        if actual != info.sha256 {
            return Err(Error::Parse(format!(
                "the snapshot's SHA-256 is {actual}, but the manifest names {}",
                crate::text::excerpt(&info.sha256)
            )));
        }
        let framework = crate::interchange::parse(&snapshot)
            .map_err(|e| Error::Parse(format!("the snapshot is not a framework file: {e}")))?;
        if framework.id != info.framework {
            return Err(Error::Parse(format!(
                "the snapshot is framework {}, but the manifest names {}",
                crate::text::quoted(&framework.id),
                crate::text::quoted(&info.framework)
            )));
        }
        let published_at = chrono::DateTime::parse_from_rfc3339(&info.published_at)
            .map_err(|e| Error::Parse(format!("the manifest's publication time is not RFC 3339: {e}")))?
            .with_timezone(&chrono::Utc);
        Ok(ReportData {
            info,
            framework,
            findings: manifest.findings,
            changes: manifest.changes,
            signoffs: manifest.signoffs,
            review_cycle_due: manifest.review_cycle_due,
            snapshot,
            published_at,
            catalogues: manifest.catalogues,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::to_canonical_json;
    use crate::review::{Decision, SignOff};
    use crate::signoff::SignedStatement;

    /// Version 2 of the starter: a party gains a certificate (a change from null) and a sign-off.
    fn second_version() -> ReportData {
        let old = crate::starter::starter_framework();
        let mut fw = old.clone();
        fw.parties[0].certificate = Some("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".into());
        fw.parties[1].email = None;
        let snapshot = to_canonical_json(&fw);
        let sha256 = sha256_hex(&snapshot);
        let signoff = SignOff {
            cycle_due: "2027-02-01".parse().unwrap(),
            party: fw.parties[0].id.clone(),
            party_name: fw.parties[0].name.clone(),
            party_title: fw.parties[0].title.clone(),
            decision: Decision::Approved,
            comment: "Fine \"as is\" \u{1F642}".into(),
            signed_at: "2027-01-22T10:15:00Z".into(),
            version_number: 2,
            version_sha256: sha256.clone(),
            signed: Some(SignedStatement {
                statement: "{}".into(),
                signature: "MIIB".into(),
                certificate: "PEM".into(),
            }),
        };
        ReportData {
            info: VersionInfo {
                framework: fw.id.clone(),
                number: 2,
                published_at: "2027-01-20T09:05:00+00:00".into(),
                author: "Dana Okafor".into(),
                summary: "Certificates".into(),
                sha256,
                previous_sha256: Some(sha256_hex(&to_canonical_json(&old))),
            },
            findings: crate::validate(&fw, "2027-01-20".parse().unwrap()),
            changes: crate::diff::diff(&old, &fw),
            framework: fw,
            signoffs: vec![signoff],
            review_cycle_due: "2027-01-15".parse().unwrap(),
            snapshot,
            published_at: "2027-01-20T09:05:00Z".parse().unwrap(),
            catalogues: crate::obligations::catalogues().to_vec(),
        }
    }

    #[test]
    fn a_manifest_and_its_snapshot_give_back_the_report_data_they_were_made_from() {
        let data = second_version();
        assert!(data.changes.iter().any(|c| c.old == Some(serde_json::Value::Null)), "a change from null");
        assert!(data.changes.iter().any(|c| c.new == Some(serde_json::Value::Null)), "a change to null");
        let bytes = ReportManifest::new(&data, 2).to_bytes();
        let manifest = ReportManifest::from_bytes(&bytes).unwrap();
        assert_eq!(manifest.report_format, 2);
        assert_eq!(ReportData::from_manifest(manifest, data.snapshot.clone()).unwrap(), data);
    }

    #[test]
    fn a_manifest_in_any_other_spelling_than_its_canonical_form_is_refused() {
        let bytes = ReportManifest::new(&second_version(), 2).to_bytes();
        let spaced = String::from_utf8(bytes).unwrap().replacen(",", ", ", 1);
        let e = ReportManifest::from_bytes(spaced.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("canonical"), "{e}");
    }

    #[test]
    fn a_snapshot_that_is_not_the_manifests_version_is_refused() {
        let data = second_version();
        let manifest = ReportManifest::new(&data, 2);
        let mut other = data.snapshot.clone();
        other.push(b' ');
        let e = ReportData::from_manifest(manifest, other).unwrap_err().to_string();
        assert!(e.contains("SHA-256") && e.contains("manifest names"), "{e}");
    }

    #[test]
    fn a_manifest_of_a_newer_format_still_says_its_format_but_is_not_read() {
        let newer = format!(r#"{{"kind":"{REPORT_MANIFEST_KIND}","report_format":7,"pages":[]}}"#);
        assert_eq!(ReportManifest::format_of(newer.as_bytes()).unwrap(), 7);
        assert!(ReportManifest::from_bytes(newer.as_bytes()).is_err());
        let other = r#"{"kind":"something-else","report_format":2}"#;
        assert!(ReportManifest::format_of(other.as_bytes()).unwrap_err().to_string().contains("not a report manifest"));
    }
}
