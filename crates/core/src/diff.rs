//! Field-level differences between two frameworks, used for the audit log of imports and for
//! comparing published versions.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::model::Framework;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One difference. `path` names items by id, not position, e.g.
/// `platforms[tiktok].contract.required_latency.amount` or `matrix[media-buying/tiktok].support`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Change {
    pub kind: ChangeKind,
    pub path: String,
    #[ts(type = "unknown")]
    pub old: Option<Value>,
    #[ts(type = "unknown")]
    pub new: Option<Value>,
}

/// The changes that turn `old` into `new`, in document order.
pub fn diff(old: &Framework, new: &Framework) -> Vec<Change> {
    let a = serde_json::to_value(old).expect("a framework always serialises");
    let b = serde_json::to_value(new).expect("a framework always serialises");
    let mut out = Vec::new();
    walk("", &a, &b, &mut out);
    out
}

/// The changes between two JSON values, with paths starting at `path`.
pub fn diff_values(path: &str, a: &Value, b: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk(path, a, b, &mut out);
    out
}

/// The key that identifies an element of a list of objects, if it has one.
pub(crate) fn element_key(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    if let Some(Value::String(id)) = o.get("id") {
        return Some(id.clone());
    }
    if let (Some(Value::String(c)), Some(Value::String(p))) = (o.get("capability"), o.get("platform")) {
        return Some(format!("{c}/{p}"));
    }
    if let Some(Value::String(p)) = o.get("party") {
        return Some(p.clone());
    }
    None
}

pub(crate) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn walk(path: &str, a: &Value, b: &Value, out: &mut Vec<Change>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    Some(vb) => walk(&join(path, k), va, vb, out),
                    None => out.push(Change {
                        kind: ChangeKind::Removed,
                        path: join(path, k),
                        old: Some(va.clone()),
                        new: None,
                    }),
                }
            }
            for (k, vb) in y {
                if !x.contains_key(k) {
                    out.push(Change { kind: ChangeKind::Added, path: join(path, k), old: None, new: Some(vb.clone()) });
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if keyed(x) && keyed(y) => {
            let ykeys: std::collections::HashMap<String, &Value> =
                y.iter().filter_map(|v| element_key(v).map(|k| (k, v))).collect();
            let xkeys: std::collections::HashSet<String> = x.iter().filter_map(element_key).collect();
            for va in x {
                let k = element_key(va).expect("keyed");
                let p = format!("{path}[{k}]");
                match ykeys.get(&k) {
                    Some(vb) => walk(&p, va, vb, out),
                    None => out.push(Change { kind: ChangeKind::Removed, path: p, old: Some(va.clone()), new: None }),
                }
            }
            for vb in y {
                let k = element_key(vb).expect("keyed");
                if !xkeys.contains(&k) {
                    out.push(Change {
                        kind: ChangeKind::Added,
                        path: format!("{path}[{k}]"),
                        old: None,
                        new: Some(vb.clone()),
                    });
                }
            }
        }
        _ => out.push(Change {
            kind: ChangeKind::Changed,
            path: path.to_owned(),
            old: Some(a.clone()),
            new: Some(b.clone()),
        }),
    }
}

/// Lists of items with ids are compared item by item; other lists (of text) as whole values.
/// An empty list counts as keyed, so adding the first item is reported as that item's addition.
fn keyed(v: &[Value]) -> bool {
    v.iter().all(|e| element_key(e).is_some())
}
