//! Finding a signature's revision in a PDF: its signature dictionary's fields, where its update
//! starts (from the update's own xref table), and the bytes its /ByteRange covers.

use lopdf::{Dictionary, Object};
use sha2::{Digest, Sha256};

use super::write;
use crate::Sha256Digest;

/// The fields of a signature dictionary, as found in the PDF.
pub(crate) struct Found {
    pub(crate) byte_range: Option<[usize; 4]>,
    pub(crate) contents: Vec<u8>,
    pub(crate) when: Option<String>,
    pub(crate) name: String,
    pub(crate) reason: String,
}

impl Found {
    /// Reads a dictionary with `/Type /Sig`; anything else gives `None`.
    pub(crate) fn read(dict: &Dictionary) -> Option<Found> {
        if dict.get(b"Type").and_then(Object::as_name).ok()? != b"Sig" {
            return None;
        }
        let text = |key: &[u8]| dict.get(key).and_then(Object::as_str).map(write::read_text).ok();
        let byte_range = dict.get(b"ByteRange").and_then(Object::as_array).ok().and_then(|items| {
            let numbers: Vec<usize> = items.iter().filter_map(|o| usize::try_from(o.as_i64().ok()?).ok()).collect();
            <[usize; 4]>::try_from(numbers).ok()
        });
        Some(Found {
            byte_range,
            contents: dict.get(b"Contents").and_then(Object::as_str).map(<[u8]>::to_vec).unwrap_or_default(),
            when: text(b"M"),
            name: text(b"Name").unwrap_or_default(),
            reason: text(b"Reason").unwrap_or_default(),
        })
    }

    /// The end of the revision the signature covers, when its /ByteRange is one we can follow:
    /// from byte 0, one gap, inside the file.
    pub(crate) fn end(&self, file_len: usize) -> Option<usize> {
        let [start, first_len, second, second_len] = self.byte_range?;
        let end = second.checked_add(second_len)?;
        (start == 0 && first_len < second && end <= file_len).then_some(end)
    }

    /// The CMS inside /Contents without its zero padding (the DER says how long it is).
    pub(crate) fn cms(&self) -> &[u8] {
        der_len(&self.contents).map_or(&self.contents[..], |len| &self.contents[..len])
    }
}

/// Whether the gap in `byte_range` is exactly a hex string of `contents_len` bytes.
pub(crate) fn gap_is_contents(pdf: &[u8], byte_range: &[usize; 4], contents_len: usize) -> bool {
    let (from, to) = (byte_range[1], byte_range[2]);
    pdf.get(from) == Some(&b'<') && pdf.get(to - 1) == Some(&b'>') && to - from == 2 + 2 * contents_len
}

/// SHA-256 of the two pieces of the file a /ByteRange names.
pub(crate) fn range_digest(pdf: &[u8], byte_range: &[usize; 4]) -> Sha256Digest {
    let mut hasher = Sha256::new();
    hasher.update(&pdf[byte_range[0]..byte_range[0] + byte_range[1]]);
    hasher.update(&pdf[byte_range[2]..byte_range[2] + byte_range[3]]);
    hasher.finalize().into()
}

/// Where the update that ends at `end` starts: one byte (our newline) before the lowest offset in
/// its own xref table. `None` when the revision is not laid out as our updates are.
pub(crate) fn update_start(pdf: &[u8], end: usize) -> Option<usize> {
    let head = pdf.get(..end)?.strip_suffix(b"%%EOF\n")?;
    let tail_from = head.len().saturating_sub(32);
    let at = tail_from + find_last(&head[tail_from..], b"startxref\n")?;
    let xref_at: usize = std::str::from_utf8(&head[at + b"startxref\n".len()..]).ok()?.trim_end().parse().ok()?;
    let table = pdf.get(xref_at..end)?.strip_prefix(b"xref\n")?;
    let lowest = lowest_offset(table)?;
    (lowest > 0 && lowest < xref_at && pdf[lowest - 1] == b'\n').then_some(lowest - 1)
}

/// The lowest in-use offset of a classic xref section (the text after `xref\n`).
fn lowest_offset(table: &[u8]) -> Option<usize> {
    let mut lines = table.split(|&b| b == b'\n');
    let mut lowest: Option<usize> = None;
    while let Some(header) = lines.next() {
        if header.starts_with(b"trailer") {
            return lowest;
        }
        let header = std::str::from_utf8(header).ok()?;
        let (_, count) = header.split_once(' ')?;
        for _ in 0..count.parse::<usize>().ok()? {
            let entry = std::str::from_utf8(lines.next()?).ok()?;
            if entry.len() == 19 && entry.ends_with(" n ") {
                let offset: usize = entry[..10].parse().ok()?;
                lowest = Some(lowest.map_or(offset, |l| l.min(offset)));
            }
        }
    }
    None
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The length of the DER element at the start of `bytes` (header plus content), if it fits.
fn der_len(bytes: &[u8]) -> Option<usize> {
    use der::{Decode, Reader};
    let mut reader = der::SliceReader::new(bytes).ok()?;
    let header = der::Header::decode(&mut reader).ok()?;
    let total = usize::try_from(reader.position()).ok()? + usize::try_from(header.length()).ok()?;
    (total <= bytes.len()).then_some(total)
}
