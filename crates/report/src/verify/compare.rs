//! Where a file differs from the rendering of its own attached data, in words an auditor can
//! follow: "page 3: its content stream (object 12 0)". The two documents are walked side by side
//! from their pages and their catalog, so that a copy another program rewrote (renumbered
//! objects, decompressed streams) is still compared part by part; streams are compared decoded.

use std::collections::{HashMap, HashSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::attachments::{self, MAX_DECOMPRESSED as MAX_STREAM};

/// Keys that point back up a tree; what they point at is walked from above.
const BACK_EDGES: [&[u8]; 3] = [b"Parent", b"Prev", b"P"];
/// How a stream is stored, not what it holds.
const STORAGE: [&[u8]; 3] = [b"Length", b"Filter", b"DecodeParms"];

/// A sentence naming the first difference between `fresh` (the rendering) and `file`.
pub(super) fn first_difference(fresh: &[u8], file: &[u8]) -> String {
    let (a, b) = match (attachments::load(fresh), attachments::load(file)) {
        (Ok(a), Ok(b)) => (a, b),
        (_, Err(e)) => return format!("the file differs from the rendering of its attached data ({e})"),
        (Err(e), _) => return format!("the rendering of the attached data cannot be read back: {e}"),
    };
    let diffs = Walk::new(&a, &b).run();
    match diffs.split_first() {
        Some((first, [])) => format!("{first} differs from the rendering of the attached data"),
        Some((first, rest)) => {
            format!("{first} differs from the rendering of the attached data ({} more part(s) differ)", rest.len())
        }
        None => {
            let at = fresh.iter().zip(file).position(|(x, y)| x != y).unwrap_or(fresh.len().min(file.len()));
            format!(
                "every page and object holds what the rendering holds, but the bytes differ from byte {at}: the file \
                 was written again by another program"
            )
        }
    }
}

/// A part of the documents, as the walk reached it.
struct Item<'a> {
    /// "page 3" or a part of the catalog or trailer.
    root: &'static str,
    page: usize,
    path: String,
    /// The nearest object of the file this part is in.
    object: Option<ObjectId>,
    a: &'a Object,
    b: &'a Object,
}

struct Walk<'a> {
    a: &'a Document,
    b: &'a Document,
    pages_a: HashMap<ObjectId, usize>,
    pages_b: HashMap<ObjectId, usize>,
    seen: HashSet<(ObjectId, ObjectId)>,
    stack: Vec<Item<'a>>,
    diffs: Vec<String>,
}

impl<'a> Walk<'a> {
    fn new(a: &'a Document, b: &'a Document) -> Walk<'a> {
        let numbered = |d: &Document| d.get_pages().into_iter().map(|(n, id)| (id, n as usize)).collect();
        Walk {
            a,
            b,
            pages_a: numbered(a),
            pages_b: numbered(b),
            seen: HashSet::new(),
            stack: Vec::new(),
            diffs: Vec::new(),
        }
    }

    /// The differences, pages first in page order, then the catalog and the trailer.
    fn run(mut self) -> Vec<String> {
        let (pa, pb) = (self.a.get_pages(), self.b.get_pages());
        if pa.len() != pb.len() {
            self.diffs.push(format!("the page count ({} in the file, {} in the rendering)", pb.len(), pa.len()));
        }
        let trailer = |d: &'a Document, key: &[u8]| d.trailer.get(key).unwrap_or(&Object::Null);
        for (key, root) in [(b"ID".as_slice(), "the document ID"), (b"Info", "the document information")] {
            self.push(root, 0, String::new(), None, trailer(self.a, key), trailer(self.b, key));
        }
        self.push("catalog", 0, String::new(), None, trailer(self.a, b"Root"), trailer(self.b, b"Root"));
        for ((&n, &ida), &idb) in pa.iter().zip(pb.values()).rev() {
            if let (Ok(x), Ok(y)) = (self.a.get_object(ida), self.b.get_object(idb)) {
                self.seen.insert((ida, idb));
                self.push("page", n as usize, String::new(), Some(idb), x, y);
            }
        }
        while let Some(item) = self.stack.pop() {
            self.step(item);
        }
        self.diffs
    }

    fn push(
        &mut self,
        root: &'static str,
        page: usize,
        path: String,
        object: Option<ObjectId>,
        a: &'a Object,
        b: &'a Object,
    ) {
        self.stack.push(Item { root, page, path, object, a, b });
    }

    fn differ(&mut self, item: &Item, what: &str) {
        let place = place(item.root, item.page, &item.path);
        let object = item.object.map(|(n, g)| format!(" (object {n} {g})")).unwrap_or_default();
        let what = if what.is_empty() { String::new() } else { format!(", which {what},") };
        self.diffs.push(format!("{place}{object}{what}"));
    }

    fn step(&mut self, mut item: Item<'a>) {
        // A reference to a page is compared by page number; the page itself is walked on its own.
        if let (Object::Reference(x), Object::Reference(y)) = (item.a, item.b) {
            if let (Some(pa), Some(pb)) = (self.pages_a.get(x), self.pages_b.get(y)) {
                if pa != pb {
                    self.differ(&item, &format!("points at page {pb} instead of page {pa}"));
                }
                return;
            }
            if !self.seen.insert((*x, *y)) {
                return;
            }
        }
        if let Object::Reference(y) = item.b {
            item.object = Some(*y);
        }
        let (a, b) = match (resolve(self.a, item.a), resolve(self.b, item.b)) {
            (Some(a), Some(b)) => (a, b),
            (Some(_), None) => return self.differ(&item, "is missing"),
            _ => return,
        };
        match (a, b) {
            (Object::Dictionary(x), Object::Dictionary(y)) => self.dicts(&item, x, y, &[]),
            (Object::Stream(x), Object::Stream(y)) => {
                match (x.decompressed_content_with_limit(MAX_STREAM), y.decompressed_content_with_limit(MAX_STREAM)) {
                    (Ok(p), Ok(q)) if p != q && item.path.starts_with("/Contents") => {
                        if let Some(what) = other_drawing(&p, &q) {
                            self.differ(&item, &what);
                        }
                    }
                    (Ok(p), Ok(q)) if p != q => {
                        let at = p.iter().zip(&q).position(|(u, v)| u != v).unwrap_or(p.len().min(q.len()));
                        self.differ(&item, &format!("holds other data from byte {at} of {}", p.len()))
                    }
                    (Ok(_), Err(e)) => self.differ(&item, &format!("is damaged ({e})")),
                    _ => {}
                }
                self.dicts(&item, &x.dict, &y.dict, &STORAGE);
            }
            (Object::Array(x), Object::Array(y)) if x.len() == y.len() => {
                for (i, (p, q)) in x.iter().zip(y).enumerate().rev() {
                    self.push(item.root, item.page, format!("{}[{i}]", item.path), item.object, p, q);
                }
            }
            (Object::String(x, _), Object::String(y, _)) if x == y => {}
            (x, y) if x == y => {}
            _ => self.differ(&item, ""),
        }
    }

    /// Same keys (but `skip`), then each value.
    fn dicts(&mut self, item: &Item<'a>, x: &'a Dictionary, y: &'a Dictionary, skip: &[&[u8]]) {
        let keep = |k: &&Vec<u8>| !skip.contains(&k.as_slice()) && !BACK_EDGES.contains(&k.as_slice());
        let kx: Vec<&Vec<u8>> = x.iter().map(|(k, _)| k).filter(keep).collect();
        let ky: HashSet<&Vec<u8>> = y.iter().map(|(k, _)| k).filter(keep).collect();
        if kx.len() != ky.len() || kx.iter().any(|k| !ky.contains(k)) {
            return self.differ(item, "has other entries");
        }
        for k in kx.into_iter().rev() {
            if let (Ok(p), Ok(q)) = (x.get(k), y.get(k)) {
                let path = format!("{}/{}", item.path, String::from_utf8_lossy(k));
                self.push(item.root, item.page, path, item.object, p, q);
            }
        }
    }
}

/// What a page's content stream `q` draws differently from `p`; `None` when it draws the same
/// operations, only spaced or written otherwise (as a program that rewrites files does).
fn other_drawing(p: &[u8], q: &[u8]) -> Option<String> {
    let (Ok(p), Ok(q)) = (Content::decode(p), Content::decode(q)) else {
        return Some("is not a readable content stream".into());
    };
    let (p, q) = (p.operations, q.operations);
    let same = |x: &lopdf::content::Operation, y: &lopdf::content::Operation| {
        x.operator == y.operator
            && x.operands.len() == y.operands.len()
            && x.operands.iter().zip(&y.operands).all(|(a, b)| same_value(a, b))
    };
    match p.iter().zip(&q).position(|(x, y)| !same(x, y)) {
        Some(i) => {
            Some(format!("draws something else from operation {} of {} (\"{}\")", i + 1, p.len(), q[i].operator))
        }
        None if p.len() != q.len() => Some(format!("has {} drawing operations instead of {}", q.len(), p.len())),
        None => None,
    }
}

/// Equal values, however a string is written (literal or hex).
fn same_value(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::String(x, _), Object::String(y, _)) => x == y,
        (Object::Array(x), Object::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q)),
        _ => a == b,
    }
}

fn resolve<'a>(d: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => d.get_object(*id).ok(),
        o => Some(o),
    }
}

/// A part of the document in words.
fn place(root: &str, page: usize, path: &str) -> String {
    if root == "page" {
        let what = match path {
            "" => "the page".to_owned(),
            p if p.starts_with("/Contents") => "its content stream".to_owned(),
            p if p.starts_with("/Resources") => format!("its resources, at {}", &p["/Resources".len()..]),
            p if p.starts_with("/Annots") => format!("its links, at {p}"),
            p => format!("its entry {p}"),
        };
        return format!("page {page}: {what}");
    }
    if root != "catalog" {
        return if path.is_empty() { root.to_owned() } else { format!("{root}, at {path}") };
    }
    let part = [
        ("/AF[0]", "the attached snapshot"),
        ("/AF[1]", "the attached report manifest"),
        ("/Names/EmbeddedFiles/Names[1]", "the attached snapshot"),
        ("/Names/EmbeddedFiles/Names[3]", "the attached report manifest"),
        ("/Names", "the list of attached files"),
        ("/Metadata", "the XMP metadata"),
        ("/Outlines", "the outline (bookmarks)"),
        ("/OutputIntents", "the colour profile"),
        ("/Pages", "the page tree"),
    ]
    .into_iter()
    .find(|(p, _)| path.starts_with(p));
    match part {
        Some((p, name)) if path.len() > p.len() => format!("{name}, at {}", &path[p.len()..]),
        Some((_, name)) => name.to_owned(),
        None if path.is_empty() => "the document catalog".to_owned(),
        None => format!("the document catalog, at {path}"),
    }
}
