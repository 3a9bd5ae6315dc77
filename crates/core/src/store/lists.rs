//! The framework's ordered lists as the store knows them: for each list its table, how its items
//! are named and checked, and the edits that put an item back or take it away. Record versions
//! (the keys `FrameworkView::versions` and `Edit::record` share) are read here too.

use std::collections::{BTreeMap, HashSet};

use super::db::Db;

use super::rows::{self, Table};
use crate::edit::{Edit, ListKind, RecordKey};
use crate::error::Result;
use crate::model::*;
use crate::validate::{ItemRef, Refs};

/// Reads what an item's own row does not hold.
type Complete<T> = fn(&Db, i64, &mut T) -> Result<()>;

/// One list of a framework: what `put` and `remove` edits need to know about it.
pub(crate) struct List<T: 'static> {
    pub kind: ListKind,
    pub table: &'static Table<T>,
    /// What one item is called in undo labels: "party", "hard stop".
    pub noun: &'static str,
    /// The item's name in undo labels.
    pub label: fn(&T) -> &str,
    /// The item as the integrity rules see it.
    pub check: fn(&T) -> ItemRef<'_>,
    /// Whether the integrity rules need the framework's ids (the item refers to other items).
    pub needs_refs: bool,
    pub put_edit: fn(T) -> Edit,
    pub remove_edit: fn(String) -> Edit,
    /// Reads what the item's own row does not hold (an activity's assignments).
    pub complete: Option<Complete<T>>,
}

impl<T> List<T> {
    /// One item, complete, with its position.
    pub fn one(&self, conn: &Db, fw: i64, id: &str) -> Result<Option<(T, i64)>> {
        let mut found = self.table.one(conn, fw, id)?;
        if let (Some((item, _)), Some(complete)) = (&mut found, self.complete) {
            complete(conn, fw, item)?;
        }
        Ok(found)
    }
}

pub(crate) const PARTIES: List<Party> = List {
    kind: ListKind::Parties,
    table: &rows::PARTIES,
    noun: "party",
    label: |p| &p.name,
    check: |x| ItemRef::Party(x),
    needs_refs: false,
    put_edit: |party| Edit::PutParty { party },
    remove_edit: |id| Edit::RemoveParty { id },
    complete: None,
};

pub(crate) const PLATFORMS: List<Platform> = List {
    kind: ListKind::Platforms,
    table: &rows::PLATFORMS,
    noun: "platform",
    label: |p| &p.name,
    check: |x| ItemRef::Platform(x),
    needs_refs: false,
    put_edit: |platform| Edit::PutPlatform { platform },
    remove_edit: |id| Edit::RemovePlatform { id },
    complete: None,
};

pub(crate) const CAPABILITIES: List<Capability> = List {
    kind: ListKind::Capabilities,
    table: &rows::CAPABILITIES,
    noun: "capability",
    label: |c| &c.name,
    check: |x| ItemRef::Capability(x),
    needs_refs: false,
    put_edit: |capability| Edit::PutCapability { capability },
    remove_edit: |id| Edit::RemoveCapability { id },
    complete: None,
};

pub(crate) const ACTIVITIES: List<RaciActivity> = List {
    kind: ListKind::Raci,
    table: &rows::ACTIVITIES,
    noun: "activity",
    label: |a| &a.name,
    check: |x| ItemRef::Activity(x),
    needs_refs: true,
    put_edit: |activity| Edit::PutActivity { activity },
    remove_edit: |id| Edit::RemoveActivity { id },
    complete: Some(rows::load_assignments),
};

pub(crate) const DATA_QUALITY: List<DataQualityStandard> = List {
    kind: ListKind::DataQuality,
    table: &rows::DATA_QUALITY,
    noun: "data-quality standard",
    label: |d| &d.data_input,
    check: |x| ItemRef::DataQuality(x),
    needs_refs: true,
    put_edit: |standard| Edit::PutDataQuality { standard },
    remove_edit: |id| Edit::RemoveDataQuality { id },
    complete: None,
};

pub(crate) const HARD_STOPS: List<HardStop> = List {
    kind: ListKind::HardStops,
    table: &rows::HARD_STOPS,
    noun: "hard stop",
    label: |h| &h.name,
    check: |x| ItemRef::HardStop(x),
    needs_refs: true,
    put_edit: |stop| Edit::PutHardStop { stop },
    remove_edit: |id| Edit::RemoveHardStop { id },
    complete: None,
};

pub(crate) const RULES: List<ComplianceRule> = List {
    kind: ListKind::ComplianceRules,
    table: &rows::RULES,
    noun: "compliance rule",
    label: |r| &r.name,
    check: |x| ItemRef::Rule(x),
    needs_refs: true,
    put_edit: |rule| Edit::PutRule { rule },
    remove_edit: |id| Edit::RemoveRule { id },
    complete: None,
};

/// Calls `$body` with the description of `$kind` bound to `$list`, whatever its item type.
macro_rules! with_list {
    ($kind:expr, |$list:ident| $body:expr) => {
        match $kind {
            ListKind::Parties => {
                let $list = &$crate::store::lists::PARTIES;
                $body
            }
            ListKind::Platforms => {
                let $list = &$crate::store::lists::PLATFORMS;
                $body
            }
            ListKind::Capabilities => {
                let $list = &$crate::store::lists::CAPABILITIES;
                $body
            }
            ListKind::Raci => {
                let $list = &$crate::store::lists::ACTIVITIES;
                $body
            }
            ListKind::DataQuality => {
                let $list = &$crate::store::lists::DATA_QUALITY;
                $body
            }
            ListKind::HardStops => {
                let $list = &$crate::store::lists::HARD_STOPS;
                $body
            }
            ListKind::ComplianceRules => {
                let $list = &$crate::store::lists::RULES;
                $body
            }
        }
    };
}
pub(crate) use with_list;

/// The ids the integrity rules check references against.
pub(crate) fn refs(conn: &Db, fw: i64) -> Result<Refs> {
    let ids = |keys: Vec<String>| keys.into_iter().collect::<HashSet<_>>();
    Ok(Refs {
        parties: ids(rows::PARTIES.keys(conn, fw)?),
        platforms: ids(rows::PLATFORMS.keys(conn, fw)?),
        capabilities: ids(rows::CAPABILITIES.keys(conn, fw)?),
    })
}

/// The stored version of one record; 0 when it does not exist.
pub(crate) fn version_of(conn: &Db, fw: i64, key: &RecordKey) -> Result<i64> {
    Ok(match key {
        RecordKey::Details => rows::part_versions(conn, fw)?.0,
        RecordKey::OverridePolicy => rows::part_versions(conn, fw)?.1,
        RecordKey::ReviewSchedule => rows::part_versions(conn, fw)?.2,
        RecordKey::Item(list, id) => with_list!(*list, |l| l.table.version(conn, fw, id)?),
        RecordKey::Cell { capability, platform } => rows::cell_version(conn, fw, capability, platform)?,
    })
}

/// The version of every record of a framework, keyed by `RecordKey`'s text form.
pub(crate) fn versions(conn: &Db, fw: i64) -> Result<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    let (details, policy, schedule) = rows::part_versions(conn, fw)?;
    out.insert(RecordKey::Details.to_string(), details);
    out.insert(RecordKey::OverridePolicy.to_string(), policy);
    out.insert(RecordKey::ReviewSchedule.to_string(), schedule);
    for kind in ListKind::ALL {
        for (id, v) in with_list!(kind, |l| l.table.versions(conn, fw)?) {
            out.insert(RecordKey::Item(kind, id).to_string(), v);
        }
    }
    for (capability, platform, v) in rows::cell_versions(conn, fw)? {
        out.insert(RecordKey::Cell { capability, platform }.to_string(), v);
    }
    Ok(out)
}
