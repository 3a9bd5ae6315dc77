//! From laid-out pages to PDF bytes: printpdf turns the pages into a `lopdf` document, which is
//! then finished here with what printpdf does not provide: the document information and XMP
//! metadata (PDF/A-3b), the sRGB output intent, the canonical JSON snapshot and the report
//! manifest as associated files, a nested outline with exact positions, links on the contents
//! page, a document ID derived from the content hash, and stream compression.

use std::io::Write;

use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{Op, PaintMode, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Pt, Rect};

use crate::fonts::{font_id, subset_face, Face};
use crate::layout::{Doc, Page};
use crate::style::Rgb;
use crate::ReportError;

/// Everything about the file that is not page content.
pub(crate) struct Meta<'a> {
    pub title: String,
    pub author: &'a str,
    pub subject: String,
    pub keywords: String,
    pub date: DateTime<Utc>,
    /// 16 bytes that identify this document (derived from the snapshot hash and version).
    pub id: [u8; 16],
    /// Names the report format, never the app's version: the bytes depend only on the content.
    pub producer: String,
    /// The associated files, in the order of their names (a name tree is sorted).
    pub files: Vec<Attachment<'a>>,
}

/// An associated file (PDF/A-3).
pub(crate) struct Attachment<'a> {
    pub name: String,
    pub desc: String,
    /// `Source` for the snapshot, `Data` for the manifest: how verify tells them apart.
    pub relationship: &'static str,
    pub bytes: &'a [u8],
}
const CREATOR: &str = "Governance Workbench";
/// Deflate level for the streams. Measured on the large framework: level 3 gives a 1.7 MB file in
/// 90 ms less than level 6 (1.5 MB); level 1 saves another 35 ms but grows the file to 2.6 MB.
const COMPRESSION: u32 = 3;

/// The fill rectangles of a page, then its text (`text` appends the text operations).
fn page_ops(p: &Page, text: impl FnOnce(&mut Option<Rgb>, &mut Vec<Op>)) -> Vec<Op> {
    let mut ops = Vec::with_capacity(p.fills.len() * 2 + p.runs.len() * 3 + 4);
    let mut fill: Option<Rgb> = None;
    for f in &p.fills {
        if fill != Some(f.color) {
            ops.push(Op::SetFillColor { col: f.color.pdf() });
            fill = Some(f.color);
        }
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(f.x),
                y: Pt(crate::layout::round(p.h - f.y - f.h)),
                width: Pt(f.w),
                height: Pt(f.h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }
    text(&mut fill, &mut ops);
    ops
}

/// PDF text string: PDFDocEncoding-compatible ASCII as a literal, anything else UTF-16BE.
fn text(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut v = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(v, StringFormat::Hexadecimal)
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

fn pdf_date(d: &DateTime<Utc>) -> String {
    d.format("D:%Y%m%d%H%M%S+00'00'").to_string()
}

fn xmp_date(d: &DateTime<Utc>) -> String {
    d.format("%Y-%m-%dT%H:%M:%S+00:00").to_string()
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn uuid(id: &[u8; 16]) -> String {
    let h = hex(id);
    format!("uuid:{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

fn xmp(meta: &Meta) -> Vec<u8> {
    let date = xmp_date(&meta.date);
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n\
</rdf:Description>\n\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
<dc:format>application/pdf</dc:format>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
</rdf:Description>\n\
<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n\
<xmp:CreateDate>{date}</xmp:CreateDate>\n<xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
<xmp:MetadataDate>{date}</xmp:MetadataDate>\n<xmp:CreatorTool>{creator}</xmp:CreatorTool>\n\
</rdf:Description>\n\
<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n\
<pdf:Producer>{producer}</pdf:Producer>\n<pdf:Keywords>{keywords}</pdf:Keywords>\n\
</rdf:Description>\n\
<rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n\
<xmpMM:DocumentID>{id}</xmpMM:DocumentID>\n<xmpMM:InstanceID>{id}</xmpMM:InstanceID>\n\
</rdf:Description>\n\
</rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        title = xml_escape(&meta.title),
        author = xml_escape(meta.author),
        subject = xml_escape(&meta.subject),
        creator = CREATOR,
        producer = xml_escape(&meta.producer),
        keywords = xml_escape(&meta.keywords),
        id = uuid(&meta.id),
    )
    .into_bytes()
}

fn deflate(data: &[u8]) -> Result<Vec<u8>, ReportError> {
    let mut e =
        flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 3), flate2::Compression::new(COMPRESSION));
    e.write_all(data).map_err(|e| ReportError::Pdf(e.to_string()))?;
    e.finish().map_err(|e| ReportError::Pdf(e.to_string()))
}

fn lo(e: lopdf::Error) -> ReportError {
    ReportError::Pdf(e.to_string())
}

/// Lays the pages out as a PDF, embeds the subset fonts and finishes the file.
pub(crate) fn build_pdf(doc: &Doc, meta: &Meta) -> Result<Vec<u8>, ReportError> {
    let mut pdf = PdfDocument::new(&meta.title);
    let new_page = |p: &Page, ops: Vec<Op>| {
        let mut page = PdfPage::new(printpdf::Mm(10.0), printpdf::Mm(10.0), ops);
        let r = Rect::from_wh(Pt(p.w), Pt(p.h));
        page.media_box = r.clone();
        page.trim_box = r.clone();
        page.crop_box = r;
        page
    };
    if doc.text.shaped {
        // Every line that needs it is shaped once: its glyphs choose the subsets, then it is written.
        let lines: Vec<Vec<Option<crate::shaping::ShapedLine>>> =
            doc.pages.iter().map(|p| crate::shaping::draw::shape_runs(&p.runs)).collect();
        let runs = doc.pages.iter().zip(&lines).flat_map(|(p, l)| p.runs.iter().zip(l));
        let emb = crate::shaping::draw::embed(runs)?;
        for (id, font) in &emb.fonts {
            pdf.resources.fonts.map.insert(id.clone(), PdfFont::new(font.clone()));
        }
        pdf.pages = doc
            .pages
            .iter()
            .zip(&lines)
            .map(|(p, l)| {
                let ops = page_ops(p, |fill, ops| crate::shaping::draw::page_ops(&p.runs, l, &emb, p.h, fill, ops));
                new_page(p, ops)
            })
            .collect();
    } else {
        for face in [Face::Regular, Face::Bold] {
            let used = &doc.text.used[face.index()];
            if used.iter().next().is_some() {
                let font = subset_face(doc.text.fonts.face(face), used)?;
                pdf.resources.fonts.map.insert(font_id(face), PdfFont::new(font));
            }
        }
        pdf.pages = doc
            .pages
            .iter()
            .map(|p| new_page(p, page_ops(p, |fill, ops| crate::text::page_text_ops(&p.runs, p.h, fill, ops))))
            .collect();
    }
    let opts = PdfSaveOptions { optimize: false, subset_fonts: false, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo_doc = pdf.to_lopdf_document(&opts, &mut warnings);
    drop(pdf);
    finish(&mut lo_doc, doc, meta)?;
    let mut out = Vec::new();
    lo_doc.save_to(&mut out).map_err(|e| ReportError::Pdf(e.to_string()))?;
    Ok(out)
}

fn finish(d: &mut lopdf::Document, doc: &Doc, meta: &Meta) -> Result<(), ReportError> {
    d.version = "1.7".into();
    let root = d.trailer.get(b"Root").and_then(Object::as_reference).map_err(lo)?;
    let page_ids: Vec<ObjectId> = d.page_iter().collect();
    if page_ids.len() != doc.pages.len() {
        return Err(ReportError::Pdf(format!("{} pages laid out, {} written", doc.pages.len(), page_ids.len())));
    }
    // Objects are added in a fixed order, so that their numbers (and the bytes) never change.
    info_and_id(d, meta);
    // XMP metadata: left uncompressed, as PDF/A requires.
    let xmp_id = d.add_object(
        Stream::new(Dictionary::from_iter(vec![("Type", name("Metadata")), ("Subtype", name("XML"))]), xmp(meta))
            .with_compression(false),
    );
    let intent = output_intent(d);
    let (specs, names) = attachments(d, meta);
    let dests = Dests { doc, page_ids: &page_ids };
    let outlines_id = outline(d, &dests);
    links(d, &dests)?;

    let cat = d.get_dictionary_mut(root).map_err(lo)?;
    cat.set("Metadata", Object::Reference(xmp_id));
    cat.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    cat.set("Names", Object::Dictionary(names));
    cat.set("AF", Object::Array(specs.into_iter().map(Object::Reference).collect()));
    cat.set("Lang", text("en"));
    if let Some(id) = outlines_id {
        cat.set("Outlines", Object::Reference(id));
        cat.set("PageMode", name("UseOutlines"));
    }
    cat.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))])),
    );
    compress(d)
}

/// Document information, consistent with the XMP packet, and the document ID.
fn info_and_id(d: &mut lopdf::Document, meta: &Meta) {
    let date = pdf_date(&meta.date);
    let info = Dictionary::from_iter(vec![
        ("Title", text(&meta.title)),
        ("Author", text(meta.author)),
        ("Subject", text(&meta.subject)),
        ("Keywords", text(&meta.keywords)),
        ("Creator", text(CREATOR)),
        ("Producer", text(&meta.producer)),
        ("CreationDate", Object::string_literal(date.clone())),
        ("ModDate", Object::string_literal(date)),
    ]);
    match d.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            d.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = d.add_object(info);
            d.trailer.set("Info", Object::Reference(id));
        }
    }
    d.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(meta.id.to_vec(), StringFormat::Hexadecimal),
            Object::String(meta.id.to_vec(), StringFormat::Hexadecimal),
        ]),
    );
}

/// The sRGB output intent.
fn output_intent(d: &mut lopdf::Document) -> Dictionary {
    let icc_id =
        d.add_object(Stream::new(Dictionary::from_iter(vec![("N", Object::Integer(3))]), crate::icc::srgb_profile()));
    Dictionary::from_iter(vec![
        ("Type", name("OutputIntent")),
        ("S", name("GTS_PDFA1")),
        ("OutputConditionIdentifier", text("sRGB IEC61966-2.1")),
        ("RegistryName", text("http://www.color.org")),
        ("Info", text("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(icc_id)),
    ])
}

/// The associated files: their file specifications, and the catalog's name tree that lists them.
fn attachments(d: &mut lopdf::Document, meta: &Meta) -> (Vec<ObjectId>, Dictionary) {
    let date = pdf_date(&meta.date);
    let mut specs = Vec::new();
    let mut names = Vec::new();
    for file in &meta.files {
        let params = Dictionary::from_iter(vec![
            ("Size", Object::Integer(file.bytes.len() as i64)),
            ("CreationDate", Object::string_literal(date.clone())),
            ("ModDate", Object::string_literal(date.clone())),
        ]);
        let ef_id = d.add_object(Stream::new(
            Dictionary::from_iter(vec![
                ("Type", name("EmbeddedFile")),
                ("Subtype", name("application/json")),
                ("Params", Object::Dictionary(params)),
            ]),
            file.bytes.to_vec(),
        ));
        let fs_id = d.add_object(Dictionary::from_iter(vec![
            ("Type", name("Filespec")),
            ("F", text(&file.name)),
            ("UF", text(&file.name)),
            ("Desc", text(&file.desc)),
            ("AFRelationship", name(file.relationship)),
            (
                "EF",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("F", Object::Reference(ef_id)),
                    ("UF", Object::Reference(ef_id)),
                ])),
            ),
        ]));
        specs.push(fs_id);
        names.extend([text(&file.name), Object::Reference(fs_id)]);
    }
    let tree = Dictionary::from_iter(vec![(
        "EmbeddedFiles",
        Object::Dictionary(Dictionary::from_iter(vec![("Names", Object::Array(names))])),
    )]);
    (specs, tree)
}

/// Destinations on the written pages.
struct Dests<'a> {
    doc: &'a Doc,
    page_ids: &'a [ObjectId],
}

impl Dests<'_> {
    /// A little above `y` (from the top) on page `page`.
    fn at(&self, page: usize, y: f32) -> Object {
        let h = self.doc.pages[page].h;
        Object::Array(vec![
            Object::Reference(self.page_ids[page]),
            name("XYZ"),
            Object::Integer(0),
            Object::Real(crate::layout::round((h - y + 6.0).min(h))),
            Object::Integer(0),
        ])
    }
}

/// The outline: sections, with their parts as closed children. Returns the outline root, if any.
fn outline(d: &mut lopdf::Document, dests: &Dests) -> Option<ObjectId> {
    let outlines_id = d.new_object_id();
    let items = &dests.doc.outline;
    let item_ids: Vec<ObjectId> = items.iter().map(|_| d.new_object_id()).collect();
    let tops: Vec<usize> = (0..items.len()).filter(|&i| items[i].level == 0).collect();
    let entry = |i: usize, parent: ObjectId, siblings: &[usize], k: usize| {
        let mut dict = Dictionary::from_iter(vec![
            ("Title", text(&items[i].title)),
            ("Parent", Object::Reference(parent)),
            ("Dest", dests.at(items[i].page, items[i].y)),
        ]);
        if k > 0 {
            dict.set("Prev", Object::Reference(item_ids[siblings[k - 1]]));
        }
        if let Some(&n) = siblings.get(k + 1) {
            dict.set("Next", Object::Reference(item_ids[n]));
        }
        dict
    };
    for (t, &i) in tops.iter().enumerate() {
        let end = tops.get(t + 1).copied().unwrap_or(items.len());
        let kids: Vec<usize> = (i + 1..end).collect();
        let mut dict = entry(i, outlines_id, &tops, t);
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            dict.set("First", Object::Reference(item_ids[first]));
            dict.set("Last", Object::Reference(item_ids[last]));
            dict.set("Count", Object::Integer(-(kids.len() as i64)));
        }
        for (k, &j) in kids.iter().enumerate() {
            d.objects.insert(item_ids[j], Object::Dictionary(entry(j, item_ids[i], &kids, k)));
        }
        d.objects.insert(item_ids[i], Object::Dictionary(dict));
    }
    let (&first, &last) = (tops.first()?, tops.last()?);
    d.objects.insert(
        outlines_id,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", name("Outlines")),
            ("First", Object::Reference(item_ids[first])),
            ("Last", Object::Reference(item_ids[last])),
            ("Count", Object::Integer(tops.len() as i64)),
        ])),
    );
    Some(outlines_id)
}

/// Links (the contents page): printable, borderless, straight to the outline's position.
fn links(d: &mut lopdf::Document, dests: &Dests) -> Result<(), ReportError> {
    for (pi, page) in dests.doc.pages.iter().enumerate() {
        if page.links.is_empty() {
            continue;
        }
        let mut annots = Vec::new();
        for l in &page.links {
            let target = &dests.doc.outline[l.target];
            let r = |v: f32| Object::Real(crate::layout::round(v));
            annots.push(Object::Reference(d.add_object(Dictionary::from_iter(vec![
                ("Type", name("Annot")),
                ("Subtype", name("Link")),
                ("Rect", Object::Array(vec![r(l.x), r(page.h - l.y - l.h), r(l.x + l.w), r(page.h - l.y)])),
                ("Border", Object::Array(vec![Object::Integer(0), Object::Integer(0), Object::Integer(0)])),
                ("F", Object::Integer(4)),
                ("Dest", dests.at(target.page, target.y)),
            ]))));
        }
        d.get_dictionary_mut(dests.page_ids[pi]).map_err(lo)?.set("Annots", Object::Array(annots));
    }
    Ok(())
}

/// Compresses every stream but the metadata.
fn compress(d: &mut lopdf::Document) -> Result<(), ReportError> {
    for obj in d.objects.values_mut() {
        if let Object::Stream(s) = obj {
            if !s.allows_compression || s.dict.has(b"Filter") {
                continue;
            }
            let z = deflate(&s.content)?;
            if z.len() < s.content.len() {
                s.dict.set("Filter", name("FlateDecode"));
                s.set_content(z);
            }
        }
    }
    Ok(())
}
