//! PAdES baseline B-B signatures of PDFs: a detached CMS (SubFilter ETSI.CAdES.detached, with
//! signing-certificate-v2 and no signing-time; the time is the signature dictionary's /M) in an
//! incremental update that changes nothing else. The verifier accepts a base revision followed by
//! updates it can rebuild byte for byte from their own parameters, and reports anything else.

mod read;
mod update;
mod write;

use std::ops::Range;

use chrono::{DateTime, Utc};
use lopdf::Document;

use crate::certificate::Certificate;
use crate::cms::{sign_digest, verify_digest, SignOptions};
use crate::error::{Error, Result};
use crate::keyfile::Signer;
use read::Found;
use update::Params;

/// One signature revision of a PDF and what holds of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfSignature {
    /// /Name of the signature dictionary: who signed, in their words.
    pub name: String,
    /// /Reason of the signature dictionary.
    pub reason: String,
    /// /M, the signing time; `None` when missing or not written as our updates write it.
    pub when: Option<DateTime<Utc>>,
    /// The certificate that made the CMS, when the CMS verifies.
    pub certificate: Option<Certificate>,
    /// The CMS verifies over the /ByteRange, which covers the whole file up to the end of this
    /// revision except the /Contents string.
    pub intact: bool,
    /// The revision is exactly the update this crate writes for these parameters and this CMS:
    /// it changes nothing but what holds the signature.
    pub exact_update: bool,
    /// The bytes of the revision's update.
    pub range: Range<usize>,
    /// Why `intact` or `exact_update` does not hold.
    pub problem: Option<String>,
}

/// The signatures of a PDF, in file order, and what lies outside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfSignatures {
    /// Length of the base revision: the file as first written, up to its first revision's
    /// `%%EOF` (for the app's PDFs, the whole export). Everything after it must be signature
    /// updates.
    pub base_len: usize,
    /// Each signature's revision, in the order they were added.
    pub revisions: Vec<PdfSignature>,
    /// Byte ranges after the base that no signature revision accounts for (an update that
    /// changed a page, bytes appended to the file ...).
    pub other_updates: Vec<Range<usize>>,
}

impl PdfSignatures {
    /// The base revision's bytes.
    pub fn base<'a>(&self, pdf: &'a [u8]) -> &'a [u8] {
        &pdf[..self.base_len.min(pdf.len())]
    }

    /// Every signature is intact and exact, and nothing but signatures follows the base.
    pub fn all_hold(&self) -> bool {
        self.other_updates.is_empty() && self.revisions.iter().all(|r| r.intact && r.exact_update)
    }
}

/// Signs `pdf` as `signer` by appending a signature update; see the module documentation.
pub fn sign_pdf(pdf: &[u8], signer: &Signer, when: DateTime<Utc>, name: &str, reason: &str) -> Result<Vec<u8>> {
    let params = Params { when, name: name.to_owned(), reason: reason.to_owned() };
    let update = update::build(pdf, &params, &[])?;
    let mut signed = [pdf, &update.bytes].concat();
    let digest = read::range_digest(&signed, &update.byte_range);
    let cms = sign_digest(signer, &digest, &SignOptions::default())?;
    if cms.len() > update::CONTENTS_LEN {
        return Err(Error::Pdf(format!("the signature is {} bytes; at most {} fit", cms.len(), update::CONTENTS_LEN)));
    }
    update::put_contents(&mut signed, update.byte_range[1], &cms);
    Ok(signed)
}

/// Finds and checks every signature of `pdf`. A file that is not a PDF is an error; a PDF with
/// bad signatures is not (each says what is wrong).
pub fn signatures(pdf: &[u8]) -> Result<PdfSignatures> {
    let doc = Document::load_mem(pdf).map_err(|e| Error::Pdf(format!("not a PDF this verifier reads: {e}")))?;
    let mut found: Vec<Found> = doc.objects.values().filter_map(|o| Found::read(o.as_dict().ok()?)).collect();
    found.sort_by_key(|f| f.end(pdf.len()).unwrap_or(usize::MAX));
    let revisions: Vec<PdfSignature> = found.iter().map(|f| check(pdf, f)).collect();
    let first_eof = read::first_revision_end(pdf, doc.xref_start)
        .ok_or_else(|| Error::Pdf("cannot follow the cross-reference sections back to the first revision".into()))?;
    let base_len = base_len(pdf, first_eof, revisions.first());
    let mut other_updates = Vec::new();
    let mut covered = base_len;
    for revision in &revisions {
        if revision.range.start > covered {
            other_updates.push(covered..revision.range.start);
        }
        covered = covered.max(revision.range.end);
    }
    if covered < pdf.len() {
        other_updates.push(covered..pdf.len());
    }
    Ok(PdfSignatures { base_len, revisions, other_updates })
}

/// Where the base revision ends: after its `%%EOF`, where the first signature update starts
/// when it follows at once; a final end-of-line of an unsigned file counts as the base's.
fn base_len(pdf: &[u8], first_eof: usize, first: Option<&PdfSignature>) -> usize {
    let eol = match &pdf[first_eof..] {
        [b'\r', b'\n', ..] => 2,
        [b'\n' | b'\r', ..] => 1,
        _ => 0,
    };
    match first {
        Some(signature) if (first_eof..=first_eof + eol).contains(&signature.range.start) => signature.range.start,
        _ if first_eof + eol == pdf.len() => pdf.len(),
        _ => first_eof,
    }
}

/// The base revision's bytes: the file as first written (see [`PdfSignatures::base_len`]).
pub fn base_revision(pdf: &[u8]) -> Result<&[u8]> {
    Ok(signatures(pdf)?.base(pdf))
}

/// Checks one signature: its CMS over its byte range, and its update against a rebuilt one.
fn check(pdf: &[u8], found: &Found) -> PdfSignature {
    let when = found.when.as_deref().and_then(write::read_date);
    let mut signature = PdfSignature {
        name: found.name.clone(),
        reason: found.reason.clone(),
        when,
        certificate: None,
        intact: false,
        exact_update: false,
        range: pdf.len()..pdf.len(),
        problem: None,
    };
    let (Some(end), Some(byte_range)) = (found.end(pdf.len()), found.byte_range) else {
        signature.problem = Some("its /ByteRange does not lie within the file (is the file truncated?)".into());
        return signature;
    };
    signature.range = end..end;
    let cms = found.cms();
    let verified = if read::gap_is_contents(pdf, &byte_range, found.contents.len()) {
        verify_digest(&read::range_digest(pdf, &byte_range), cms)
    } else {
        Err(Error::Invalid("its /ByteRange leaves out more than the /Contents string".into()))
    };
    match verified {
        Ok(verified) => {
            signature.certificate = Some(verified.certificate);
            signature.intact = true;
        }
        Err(e) => signature.problem = Some(e.to_string()),
    }
    let Some(start) = read::update_start(pdf, end) else {
        signature.problem.get_or_insert_with(|| "its revision is not laid out as a signature update".into());
        return signature;
    };
    signature.range = start..end;
    let rebuilt = match when {
        Some(when) => {
            update::build(&pdf[..start], &Params { when, name: found.name.clone(), reason: found.reason.clone() }, cms)
        }
        None => Err(Error::Pdf("its /M is not a date written as our updates write it".into())),
    };
    match rebuilt {
        Ok(update) if update.bytes == pdf[start..end] => signature.exact_update = true,
        Ok(_) => {
            signature
                .problem
                .get_or_insert_with(|| "its update changes more than the signature (not signature-only)".into());
        }
        Err(e) => {
            signature.problem.get_or_insert_with(|| e.to_string());
        }
    }
    signature
}
