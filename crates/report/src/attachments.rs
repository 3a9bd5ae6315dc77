//! Reading a report back: the file as a PDF, and its associated files (the snapshot and, from
//! report format 2 on, the report manifest). Bad input gets a `NotAReport` error, never a panic.

use lopdf::{Document, Object, ObjectId};

use crate::ReportError;

/// More than any attachment of ours decompresses to; a bound against decompression bombs.
pub(crate) const MAX_DECOMPRESSED: usize = 256 << 20;

/// The associated files of a report.
pub(crate) struct Embedded {
    pub snapshot: Vec<u8>,
    /// `None` in a format-1 report, which had only the snapshot.
    pub manifest: Option<Vec<u8>>,
}

/// Parses a PDF, with a bound on what its streams may decompress to.
pub(crate) fn load(pdf: &[u8]) -> Result<Document, ReportError> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(ReportError::NotAReport("the file is not a PDF (it does not start with %PDF-)".into()));
    }
    let options = lopdf::LoadOptions { max_decompressed_size: Some(MAX_DECOMPRESSED), ..Default::default() };
    Document::load_mem_with_options(pdf, options)
        .map_err(|e| ReportError::NotAReport(format!("the file is not a readable PDF: {e}")))
}

fn deref<'a>(d: &'a Document, o: &'a Object) -> Option<&'a Object> {
    d.dereference(o).ok().map(|(_, o)| o)
}

/// The file specifications the catalog lists, as associated files first, then in the name tree.
fn specs(d: &Document) -> Result<Vec<ObjectId>, ReportError> {
    let cat = d.catalog().map_err(|e| ReportError::NotAReport(format!("the PDF has no document catalog: {e}")))?;
    let mut specs: Vec<ObjectId> = Vec::new();
    if let Some(Ok(af)) = cat.get(b"AF").ok().and_then(|o| deref(d, o)).map(Object::as_array) {
        specs.extend(af.iter().filter_map(|o| o.as_reference().ok()));
    }
    let names = cat
        .get(b"Names")
        .ok()
        .and_then(|o| deref(d, o))
        .and_then(|o| o.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
        .and_then(|o| deref(d, o))
        .and_then(|o| o.as_dict().ok())
        .and_then(|n| n.get(b"Names").ok())
        .and_then(|o| o.as_array().ok());
    for id in names.into_iter().flatten().skip(1).step_by(2).filter_map(|o| o.as_reference().ok()) {
        if !specs.contains(&id) {
            specs.push(id);
        }
    }
    Ok(specs)
}

/// One attached file: its `AFRelationship` and its decompressed bytes.
struct File {
    relationship: Vec<u8>,
    bytes: Vec<u8>,
}

/// The attached file of one file specification; `None` when it names no embedded file.
fn file(d: &Document, spec: ObjectId) -> Result<Option<File>, ReportError> {
    let Ok(spec) = d.get_dictionary(spec) else { return Ok(None) };
    let relationship = spec.get(b"AFRelationship").and_then(Object::as_name).map(<[u8]>::to_vec).unwrap_or_default();
    let stream = spec
        .get(b"EF")
        .ok()
        .and_then(|o| deref(d, o))
        .and_then(|o| o.as_dict().ok())
        .and_then(|ef| ef.get(b"F").or_else(|_| ef.get(b"UF")).ok())
        .and_then(|o| deref(d, o));
    let Some(stream) = stream else { return Ok(None) };
    let stream =
        stream.as_stream().map_err(|e| ReportError::NotAReport(format!("an attached file is not a stream: {e}")))?;
    let bytes = stream
        .decompressed_content_with_limit(MAX_DECOMPRESSED)
        .map_err(|e| ReportError::NotAReport(format!("an attached file cannot be decompressed: {e}")))?;
    Ok(Some(File { relationship, bytes }))
}

/// The snapshot (the `Source` file, or the first file of a PDF that marks none) and the manifest
/// (the `Data` file).
pub(crate) fn embedded(d: &Document) -> Result<Embedded, ReportError> {
    let mut snapshot = None;
    let mut first = None;
    let mut manifest = None;
    for spec in specs(d)? {
        let Some(File { relationship, bytes }) = file(d, spec)? else { continue };
        match relationship.as_slice() {
            b"Source" if snapshot.is_none() => snapshot = Some(bytes),
            b"Data" if manifest.is_none() => manifest = Some(bytes),
            _ if first.is_none() => first = Some(bytes),
            _ => {}
        }
    }
    match snapshot.or(first) {
        Some(snapshot) => Ok(Embedded { snapshot, manifest }),
        None => Err(ReportError::NotAReport("the PDF has no attached framework snapshot".into())),
    }
}
