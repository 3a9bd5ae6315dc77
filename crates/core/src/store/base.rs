//! The lowest layer of the store, used by every other part: finding a framework's row, marking
//! its draft as changed, and writing the append-only audit log.

use super::db::{params, Db, OptionalExtension};

use crate::diff::Change;
use crate::error::{Error, Result};
use crate::text::quoted;

/// The row id of the framework with this id.
pub(crate) fn framework_row(conn: &Db, key: &str) -> Result<i64> {
    conn.prepare_cached("SELECT id FROM frameworks WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no framework with id {}", quoted(key))))
}

/// Marks the draft as changed: moves its sequence number and its modification time. Returns the
/// new sequence number.
pub(crate) fn touch(conn: &Db, fw: i64, now: &str) -> Result<i64> {
    let sql = "UPDATE frameworks SET draft_seq = draft_seq + 1, updated_at = ?2 WHERE id = ?1 RETURNING draft_seq";
    Ok(conn.prepare_cached(sql)?.query_row(params![fw, now], |r| r.get(0))?)
}

/// The draft's sequence number, which every change moves.
pub(crate) fn draft_seq(conn: &Db, fw: i64) -> Result<i64> {
    Ok(conn.prepare_cached("SELECT draft_seq FROM frameworks WHERE id = ?1")?.query_row([fw], |r| r.get(0))?)
}

/// Who changed which framework when: the part every audit row of one change shares.
pub(crate) struct Audit<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub framework: &'a str,
}

impl Audit<'_> {
    /// Appends one audit row.
    pub fn row(&self, conn: &Db, entity: &str, field: &str, old: Option<&str>, new: Option<&str>) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO audit_log (at, actor, framework, entity, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![self.at, self.actor, self.framework, entity, field, old, new])?;
        Ok(())
    }

    /// Appends one audit row per change, naming items by id.
    pub fn changes(&self, conn: &Db, changes: &[Change]) -> Result<()> {
        for c in changes {
            let (entity, field) = entity_and_field(&c.path);
            let old = c.old.as_ref().map(|v| v.to_string());
            let new = c.new.as_ref().map(|v| v.to_string());
            self.row(conn, &entity, &field, old.as_deref(), new.as_deref())?;
        }
        Ok(())
    }
}

/// Splits a change path into the audit log's entity and field:
/// `platforms[tiktok].contract.required_latency` -> (`platforms[tiktok]`, `contract.required_latency`).
fn entity_and_field(path: &str) -> (String, String) {
    let first = path.split('.').next().unwrap_or(path);
    if first.contains('[') {
        let end = path.find(']').map_or(path.len(), |i| i + 1);
        let rest = path[end..].trim_start_matches('.');
        (path[..end].to_owned(), if rest.is_empty() { "*".to_owned() } else { rest.to_owned() })
    } else if let Some((e, f)) = path.split_once('.') {
        (e.to_owned(), f.to_owned())
    } else {
        ("framework".to_owned(), path.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_paths_split_into_entity_and_field() {
        assert_eq!(entity_and_field("name"), ("framework".into(), "name".into()));
        assert_eq!(
            entity_and_field("override_policy.kill_switch_holders"),
            ("override_policy".into(), "kill_switch_holders".into())
        );
        assert_eq!(
            entity_and_field("platforms[tiktok].contract.required_latency.amount"),
            ("platforms[tiktok]".into(), "contract.required_latency.amount".into())
        );
        assert_eq!(entity_and_field("matrix[a/b]"), ("matrix[a/b]".into(), "*".into()));
    }
}
