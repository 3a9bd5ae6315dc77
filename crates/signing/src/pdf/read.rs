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
                let offset: usize = entry.get(..10)?.parse().ok()?;
                lowest = Some(lowest.map_or(offset, |l| l.min(offset)));
            }
        }
    }
    None
}

/// The end of the first revision's `%%EOF`, found by following /Prev back from the last
/// cross-reference section (table or stream) at `last_xref`.
pub(crate) fn first_revision_end(pdf: &[u8], last_xref: usize) -> Option<usize> {
    let mut xref = last_xref;
    // Each /Prev must point further back, so the walk ends.
    while let Some(prev) = prev_xref(pdf, xref) {
        if prev >= xref {
            return None;
        }
        xref = prev;
    }
    let eof = find_first(pdf.get(xref..)?, b"%%EOF")?;
    Some(xref + eof + b"%%EOF".len())
}

/// The /Prev of the trailer (or cross-reference stream dictionary) of the section at `xref`.
fn prev_xref(pdf: &[u8], xref: usize) -> Option<usize> {
    let section = pdf.get(xref..)?;
    let end = [&b"startxref"[..], b"stream"].iter().filter_map(|w| find_first(section, w)).min()?;
    let section = &section[..end];
    let at = find_last(section, b"/Prev")? + b"/Prev".len();
    let digits: Vec<u8> = section[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

fn find_first(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_is_found_from_its_own_xref_table_and_nothing_else_is() {
        let update =
            b"%%EOF\n1 0 obj\nnull\nendobj\nxref\n1 1\n0000000006 00000 n \ntrailer\n<<>>\nstartxref\n26\n%%EOF\n";
        assert_eq!(update_start(update, update.len()), Some(5));
        for bad in [
            &b"xref\n1 1\n0000000006 00000 n \ntrailer\nstartxref\n0\n%%EOF\n"[..],
            "%%EOF\nxref\n1 1\n000000000\u{e9} 00000 n \ntrailer\nstartxref\n6\n%%EOF\n".as_bytes(),
            b"%%EOF\n1 0 obj\nnull\nendobj\nxref\n1 1\n0000000006 00000 n \ntrailer\nstartxref\n999\n%%EOF\n",
            b"startxref\n%%EOF\n",
            b"",
        ] {
            assert_eq!(update_start(bad, bad.len()), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn the_cms_is_cut_from_its_zero_padding_by_its_der_length() {
        let found = Found {
            byte_range: None,
            contents: vec![0x30, 2, 5, 0, 0, 0],
            when: None,
            name: String::new(),
            reason: String::new(),
        };
        assert_eq!(found.cms(), [0x30, 2, 5, 0]);
        let garbage = Found { contents: vec![0x30, 0x7f, 1], ..found };
        assert_eq!(garbage.cms(), [0x30, 0x7f, 1], "an impossible length leaves the bytes as they are");
    }
}
