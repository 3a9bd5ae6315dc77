//! Publishing: freezing a draft as version N, with its SHA-256 and the previous version's hash.

use super::db::{params, OptionalExtension, Row};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::base::{framework_row, Audit};
use super::rows::{collect, first};
use super::Store;
use crate::diff::{diff, Change};
use crate::error::{Error, Result};
use crate::model::Framework;
use crate::text::quoted;
use crate::validate::{text_problem, validate, Finding, Section, Severity, TextKind};
use crate::version::{sha256_hex, ReportData, VersionInfo};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishOutcome {
    pub version: VersionInfo,
}

/// One problem found by `Store::verify_versions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IntegrityProblem {
    pub framework: String,
    pub number: u32,
    pub message: String,
}

/// A stored snapshot as a framework; a snapshot that does not parse means a damaged database.
fn parse_snapshot(framework: &str, number: u32, bytes: &[u8]) -> Result<Framework> {
    crate::interchange::parse(bytes).map_err(|e| {
        Error::Damaged(format!("version {number} of {} has an unreadable snapshot: {e}", quoted(framework)))
    })
}

const VERSION_COLS: &str = "f.key, v.number, v.published_at, v.author, v.summary, v.sha256, v.previous_sha256";

fn version_info(r: &Row) -> super::db::DbResult<VersionInfo> {
    Ok(VersionInfo {
        framework: r.get(0)?,
        number: r.get(1)?,
        published_at: r.get(2)?,
        author: r.get(3)?,
        summary: r.get(4)?,
        sha256: r.get(5)?,
        previous_sha256: r.get(6)?,
    })
}

impl Store {
    /// Freezes the draft as the next version. Refused while validation errors remain (the message
    /// lists them), when nothing changed since the last version, or without a summary.
    pub fn publish(
        &mut self,
        framework: &str,
        summary: &str,
        author: &str,
        today: NaiveDate,
    ) -> Result<PublishOutcome> {
        let summary = summary.trim();
        if summary.is_empty() {
            return Err(Error::Invalid(vec![Finding::error(
                Section::Framework,
                "summary",
                "Write a change summary: what changed in this version and why.".into(),
            )]));
        }
        if let Some(problem) = text_problem(TextKind::Summary, "change summary", summary) {
            return Err(Error::Invalid(vec![Finding::error(Section::Framework, "summary", problem)]));
        }
        let author = self.actor(author);
        let now = self.now();
        let tx = self.db.write()?;
        let fw = framework_row(&tx, framework)?;
        let draft = super::rows::load(&tx, fw)?;
        let errors: Vec<_> = validate(&draft, today).into_iter().filter(|f| f.severity == Severity::Error).collect();
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let snapshot = crate::interchange::to_canonical_json(&draft);
        let sha = sha256_hex(&snapshot);
        let last: Option<(u32, String, Vec<u8>)> = tx
            .query_row(
                "SELECT number, sha256, snapshot FROM versions WHERE framework = ?1 ORDER BY number DESC LIMIT 1",
                [fw],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((n, last_sha, last_snapshot)) = &last {
            // A version written in an older interchange format has other bytes for the same
            // content; it is unchanged all the same.
            let same = *last_sha == sha || crate::interchange::parse(last_snapshot).is_ok_and(|old| old == draft);
            if same {
                return Err(Error::Unchanged(format!(
                    "nothing changed since version {n}; there is nothing to publish"
                )));
            }
        }
        let number = last.as_ref().map_or(1, |(n, _, _)| n + 1);
        let previous = last.map(|(_, s, _)| s);
        tx.execute(
            "INSERT INTO versions (framework, number, published_at, author, summary, snapshot, sha256, previous_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![fw, number, now, author, summary, snapshot, sha, previous],
        )?;
        Audit { at: &now, actor: author, framework }.row(&tx, "version", &number.to_string(), None, Some(&sha))?;
        tx.commit()?;
        Ok(PublishOutcome {
            version: VersionInfo {
                framework: framework.to_owned(),
                number,
                published_at: now,
                author: author.to_owned(),
                summary: summary.to_owned(),
                sha256: sha,
                previous_sha256: previous,
            },
        })
    }

    /// The published versions of a framework, oldest first.
    pub fn versions(&self, framework: &str) -> Result<Vec<VersionInfo>> {
        let fw = framework_row(&self.db, framework)?;
        let st = self.db.prepare_cached(&format!(
            "SELECT {VERSION_COLS} FROM versions v JOIN frameworks f ON f.id = v.framework
             WHERE v.framework = ?1 ORDER BY v.number"
        ))?;
        collect(&st, [fw], "versions", 2, version_info)
    }

    /// One version's facts and its snapshot bytes, exactly as stored.
    pub fn version_snapshot(&self, framework: &str, number: u32) -> Result<(VersionInfo, Vec<u8>)> {
        let fw = framework_row(&self.db, framework)?;
        let st = self.db.prepare_cached(&format!(
            "SELECT {VERSION_COLS}, v.snapshot FROM versions v JOIN frameworks f ON f.id = v.framework
             WHERE v.framework = ?1 AND v.number = ?2"
        ))?;
        first(&st, params![fw, number], "versions", 2, |r| Ok((version_info(r)?, r.get(7)?)))?
            .ok_or_else(|| Error::NotFound(format!("framework {} has no version {number}", quoted(framework))))
    }

    /// A published version as a framework.
    pub fn version_framework(&self, framework: &str, number: u32) -> Result<(VersionInfo, Framework)> {
        let (info, bytes) = self.version_snapshot(framework, number)?;
        Ok((info, parse_snapshot(framework, number, &bytes)?))
    }

    /// Field-level changes from version `from` to version `to`.
    pub fn diff_versions(&self, framework: &str, from: u32, to: u32) -> Result<Vec<Change>> {
        let (_, a) = self.version_framework(framework, from)?;
        let (_, b) = self.version_framework(framework, to)?;
        Ok(diff(&a, &b))
    }

    /// Rechecks every stored version: the snapshot's hash, and the chain of previous hashes.
    /// An empty list means every version is intact.
    pub fn verify_versions(&self) -> Result<Vec<IntegrityProblem>> {
        let st = self.db.prepare_cached(
            "SELECT f.key, v.number, v.snapshot, v.sha256, v.previous_sha256
             FROM versions v JOIN frameworks f ON f.id = v.framework ORDER BY f.key, v.number",
        )?;
        let rows = collect(&st, (), "versions", 2, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut problems = Vec::new();
        // (framework, number, recorded hash) of the row before, when it is the same framework.
        let mut prev: Option<(String, u32, String)> = None;
        for (key, number, snapshot, sha, previous) in rows {
            let mut problem =
                |message: String| problems.push(IntegrityProblem { framework: key.clone(), number, message });
            let actual = sha256_hex(&snapshot);
            if actual != sha {
                problem(format!("the snapshot's SHA-256 is {actual}, but {sha} was recorded at publication"));
            }
            let before = prev.as_ref().filter(|(k, _, _)| *k == key);
            let expected_number = before.map_or(1, |(_, n, _)| n + 1);
            if number != expected_number {
                problem(format!("version {expected_number} is missing before it"));
            }
            let expected_previous = before.map(|(_, _, s)| s.clone());
            if previous != expected_previous {
                problem(match expected_previous {
                    None => "it names a previous version, but it is the first".into(),
                    Some(_) => "its previous-version hash does not match the version before it".into(),
                });
            }
            prev = Some((key, number, sha));
        }
        Ok(problems)
    }

    /// Finds the published version whose snapshot has this hash.
    pub fn version_by_hash(&self, sha256: &str) -> Result<Option<VersionInfo>> {
        let st = self.db.prepare_cached(&format!(
            "SELECT {VERSION_COLS} FROM versions v JOIN frameworks f ON f.id = v.framework WHERE v.sha256 = ?1"
        ))?;
        first(&st, [sha256], "versions", 2, version_info)
    }
}

impl Store {
    /// The content of version `number`'s PDF: its snapshot, findings, changes and sign-offs.
    pub fn report_data(&self, framework: &str, number: u32) -> Result<ReportData> {
        let (info, snapshot) = self.version_snapshot(framework, number)?;
        let fw = parse_snapshot(framework, number, &snapshot)?;
        let published_at = chrono::DateTime::parse_from_rfc3339(&info.published_at)
            .map_err(|e| Error::Damaged(format!("version {number} has an unreadable publication time: {e}")))?
            .with_timezone(&chrono::Utc);
        let findings = validate(&fw, published_at.date_naive());
        let changes = if number > 1 { self.diff_versions(framework, number - 1, number)? } else { Vec::new() };
        let signoffs = self.signoffs_for_version(framework, &info.sha256)?;
        let review_cycle_due = super::signoffs::open_due(&self.db, framework_row(&self.db, framework)?)?;
        let catalogues = crate::obligations::catalogues().to_vec();
        Ok(ReportData {
            info,
            framework: fw,
            findings,
            changes,
            signoffs,
            review_cycle_due,
            snapshot,
            published_at,
            catalogues,
        })
    }
}
