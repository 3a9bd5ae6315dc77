//! The signature update: an incremental update (classic xref table, /Prev to the previous one)
//! that adds an invisible signature field on page 1 and its signature dictionary, and rewrites
//! only what must point at them (the page's /Annots, the catalog's /AcroForm). It is a function of
//! the PDF before it and the signature's parameters alone, so a verifier can rebuild it and
//! compare byte for byte.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::write;
use crate::error::{Error, Result};

/// Bytes reserved for the CMS in /Contents (written as twice as many hex digits).
pub(crate) const CONTENTS_LEN: usize = 16 * 1024;

/// Width the /ByteRange array is padded to with spaces, so that filling it moves nothing.
const BYTE_RANGE_WIDTH: usize = 40;

/// What a signature update says besides its CMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Params {
    pub(crate) when: DateTime<Utc>,
    pub(crate) name: String,
    pub(crate) reason: String,
}

/// A built update and where its signature goes.
pub(crate) struct Update {
    /// The bytes appended after the PDF.
    pub(crate) bytes: Vec<u8>,
    /// /ByteRange as written: everything from 0 to the end of the update except /Contents.
    pub(crate) byte_range: [usize; 4],
}

/// The update that signs `prefix`, with `cms` in /Contents (zeros while it is being made).
pub(crate) fn build(prefix: &[u8], params: &Params, cms: &[u8]) -> Result<Update> {
    if cms.len() > CONTENTS_LEN {
        return Err(Error::Pdf(format!("the signature is {} bytes; at most {CONTENTS_LEN} fit", cms.len())));
    }
    let doc = Document::load_mem(prefix).map_err(|e| Error::Pdf(format!("cannot read the PDF: {e}")))?;
    let before = Before::read(&doc)?;
    let field_id = (before.size, 0);
    let sig_id = (before.size + 1, 0);
    let mut objects: BTreeMap<ObjectId, Vec<u8>> = BTreeMap::new();
    for (id, value) in before.rewritten(&doc, field_id)? {
        let mut out = Vec::new();
        write::object(&mut out, &value)?;
        objects.insert(id, out);
    }
    objects.insert(field_id, field(&before, sig_id));
    let (sig, contents_at) = signature_dictionary(params);
    objects.insert(sig_id, sig);

    // The update starts with a newline of its own, so it begins at a known byte after any PDF.
    let mut bytes = b"\n".to_vec();
    let mut offsets = Vec::new();
    let mut contents_start = 0;
    for (&(id, generation), body) in &objects {
        offsets.push((id, generation, prefix.len() + bytes.len()));
        bytes.extend_from_slice(format!("{id} {generation} obj\n").as_bytes());
        if id == sig_id.0 {
            contents_start = prefix.len() + bytes.len() + contents_at;
        }
        bytes.extend_from_slice(body);
        bytes.extend_from_slice(b"\nendobj\n");
    }
    let xref_at = prefix.len() + bytes.len();
    bytes.extend_from_slice(&xref_table(&offsets));
    bytes.extend_from_slice(&before.trailer(xref_at)?);

    let contents_end = contents_start + 2 + 2 * CONTENTS_LEN;
    let end = prefix.len() + bytes.len();
    let byte_range = [0, contents_start, contents_end, end - contents_end];
    let local = contents_start - prefix.len();
    let range = format!("[{} {} {} {}]", byte_range[0], byte_range[1], byte_range[2], byte_range[3]);
    let range_at = local - b"/Contents ".len() - BYTE_RANGE_WIDTH;
    bytes[range_at..range_at + range.len()].copy_from_slice(range.as_bytes());
    put_contents(&mut bytes, local, cms);
    Ok(Update { bytes, byte_range })
}

/// What the update needs from the PDF before it.
struct Before {
    size: u32,
    prev_xref: usize,
    trailer: Dictionary,
    root: ObjectId,
    page: ObjectId,
    /// Where the /AcroForm dictionary lives when it is an object of its own.
    form_id: Option<ObjectId>,
    form: Dictionary,
    field_name: String,
}

impl Before {
    fn read(doc: &Document) -> Result<Before> {
        if !matches!(doc.reference_table.cross_reference_type, lopdf::xref::XrefType::CrossReferenceTable) {
            return Err(Error::Pdf(
                "the PDF uses a cross-reference stream; only classic xref tables are signed".into(),
            ));
        }
        if doc.trailer.has(b"Encrypt") {
            return Err(Error::Pdf("the PDF is encrypted".into()));
        }
        let size = match doc.trailer.get(b"Size") {
            Ok(Object::Integer(n)) => u32::try_from(*n).map_err(|_| Error::Pdf(format!("trailer /Size {n}")))?,
            _ => return Err(missing("the trailer's /Size")),
        };
        let root =
            doc.trailer.get(b"Root").and_then(Object::as_reference).map_err(|_| missing("the trailer's /Root"))?;
        let page = *doc.get_pages().get(&1).ok_or_else(|| missing("page 1"))?;
        let (form_id, form) = match dictionary(doc, root, "catalog")?.get(b"AcroForm") {
            Ok(Object::Reference(id)) => (Some(*id), dictionary(doc, *id, "/AcroForm")?.clone()),
            Ok(Object::Dictionary(d)) => (None, d.clone()),
            Ok(_) => return Err(Error::Pdf("the catalog's /AcroForm is not a dictionary".into())),
            Err(_) => (None, Dictionary::new()),
        };
        let field_name = field_name(doc, &form)?;
        Ok(Before {
            size,
            prev_xref: doc.xref_start,
            trailer: doc.trailer.clone(),
            root,
            page,
            form_id,
            form,
            field_name,
        })
    }

    /// The objects that change to hold the new field: page 1 (or its /Annots array), and the
    /// /AcroForm (in the catalog or on its own, and its /Fields array when that is separate).
    fn rewritten(&self, doc: &Document, field: ObjectId) -> Result<Vec<(ObjectId, Object)>> {
        let mut changed = Vec::new();
        match append(doc, dictionary(doc, self.page, "page 1")?, b"Annots", field)? {
            Appended::InHolder(page) => changed.push((self.page, Object::Dictionary(page))),
            Appended::Separate(id, array) => changed.push((id, array)),
        }
        let mut form = self.form.clone();
        form.set("SigFlags", 3);
        let form = match append(doc, &form, b"Fields", field)? {
            Appended::InHolder(form) => form,
            Appended::Separate(id, array) => {
                changed.push((id, array));
                form
            }
        };
        match self.form_id {
            Some(id) => changed.push((id, Object::Dictionary(form))),
            None => {
                let mut catalog = dictionary(doc, self.root, "catalog")?.clone();
                catalog.set("AcroForm", Object::Dictionary(form));
                changed.push((self.root, Object::Dictionary(catalog)));
            }
        }
        Ok(changed)
    }

    /// The trailer: the previous one's /Root, /Info and /ID, the new /Size and /Prev.
    fn trailer(&self, xref_at: usize) -> Result<Vec<u8>> {
        let mut trailer = Dictionary::new();
        trailer.set("Size", i64::from(self.size) + 2);
        for key in [&b"Root"[..], b"Info", b"ID"] {
            if let Ok(value) = self.trailer.get(key) {
                trailer.set(key, value.clone());
            }
        }
        trailer.set("Prev", self.prev_xref as i64);
        let mut out = b"trailer\n".to_vec();
        write::object(&mut out, &Object::Dictionary(trailer))?;
        out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
        Ok(out)
    }
}

/// How a reference was appended to an array held under a key of a dictionary.
enum Appended {
    /// The array is in the dictionary, which changed.
    InHolder(Dictionary),
    /// The array is an object of its own, which changed.
    Separate(ObjectId, Object),
}

/// Appends `field` to the array under `key` of `holder`, creating the array when absent.
fn append(doc: &Document, holder: &Dictionary, key: &[u8], field: ObjectId) -> Result<Appended> {
    let what = String::from_utf8_lossy(key);
    match holder.get(key) {
        Ok(Object::Reference(id)) => {
            let mut array = doc
                .get_object(*id)
                .and_then(Object::as_array)
                .map_err(|_| missing(&format!("the /{what} array")))?
                .clone();
            array.push(Object::Reference(field));
            Ok(Appended::Separate(*id, Object::Array(array)))
        }
        Ok(Object::Array(array)) => {
            let mut array = array.clone();
            array.push(Object::Reference(field));
            let mut holder = holder.clone();
            holder.set(key, Object::Array(array));
            Ok(Appended::InHolder(holder))
        }
        Ok(_) => Err(Error::Pdf(format!("/{what} is not an array"))),
        Err(_) => {
            let mut holder = holder.clone();
            holder.set(key, Object::Array(vec![Object::Reference(field)]));
            Ok(Appended::InHolder(holder))
        }
    }
}

/// `Signature<n>`, n one more than the number of fields, or the next name not yet taken.
fn field_name(doc: &Document, form: &Dictionary) -> Result<String> {
    let fields = match form.get(b"Fields") {
        Ok(value) => {
            doc.dereference(value).and_then(|(_, v)| v.as_array()).map_err(|_| missing("the /Fields array"))?.clone()
        }
        Err(_) => Vec::new(),
    };
    let taken: Vec<Vec<u8>> = fields
        .iter()
        .filter_map(|f| doc.dereference(f).ok()?.1.as_dict().ok()?.get(b"T").ok()?.as_str().ok().map(<[u8]>::to_vec))
        .collect();
    let mut n = fields.len() + 1;
    while taken.contains(&format!("Signature{n}").into_bytes()) {
        n += 1;
    }
    Ok(format!("Signature{n}"))
}

/// The signature field, merged with its widget: invisible (zero rectangle), printed, locked.
fn field(before: &Before, sig: ObjectId) -> Vec<u8> {
    let mut out = b"<</Type /Annot/Subtype /Widget/FT /Sig/T ".to_vec();
    write::text(&mut out, &before.field_name);
    let (page, page_gen) = before.page;
    out.extend_from_slice(format!("/V {} {} R/F 132/Rect [0 0 0 0]/P {page} {page_gen} R>>", sig.0, sig.1).as_bytes());
    out
}

/// The signature dictionary with /ByteRange and /Contents left as placeholders, and the offset
/// of the /Contents string's `<` inside it.
fn signature_dictionary(params: &Params) -> (Vec<u8>, usize) {
    let mut out = b"<</Type /Sig/Filter /Adobe.PPKLite/SubFilter /ETSI.CAdES.detached/ByteRange ".to_vec();
    out.extend_from_slice(&[b' '; BYTE_RANGE_WIDTH]);
    out.extend_from_slice(b"/Contents ");
    let contents_at = out.len();
    out.push(b'<');
    out.extend(std::iter::repeat_n(b'0', 2 * CONTENTS_LEN));
    out.extend_from_slice(b">/M ");
    write::text(&mut out, &write::date(params.when));
    out.extend_from_slice(b"/Name ");
    write::text(&mut out, &params.name);
    out.extend_from_slice(b"/Reason ");
    write::text(&mut out, &params.reason);
    out.extend_from_slice(b">>");
    (out, contents_at)
}

/// Writes `cms` as upper-case hex into the zero-filled /Contents string whose `<` is at `at`.
pub(crate) fn put_contents(bytes: &mut [u8], at: usize, cms: &[u8]) {
    for (i, b) in cms.iter().enumerate() {
        let hex = format!("{b:02X}");
        bytes[at + 1 + 2 * i..at + 3 + 2 * i].copy_from_slice(hex.as_bytes());
    }
}

/// The classic xref section of the update: one subsection per run of consecutive object numbers.
fn xref_table(offsets: &[(u32, u16, usize)]) -> Vec<u8> {
    let mut out = b"xref\n".to_vec();
    let mut i = 0;
    while i < offsets.len() {
        let mut run = 1;
        while i + run < offsets.len() && offsets[i + run].0 == offsets[i].0 + run as u32 {
            run += 1;
        }
        out.extend_from_slice(format!("{} {run}\n", offsets[i].0).as_bytes());
        for &(_, generation, at) in &offsets[i..i + run] {
            out.extend_from_slice(format!("{at:010} {generation:05} n \n").as_bytes());
        }
        i += run;
    }
    out
}

fn dictionary<'a>(doc: &'a Document, id: ObjectId, what: &str) -> Result<&'a Dictionary> {
    doc.get_dictionary(id).map_err(|_| missing(what))
}

fn missing(what: &str) -> Error {
    Error::Pdf(format!("{what} is missing or damaged"))
}
