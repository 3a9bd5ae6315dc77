//! The embedded DejaVu Sans faces: metrics for layout, coverage checks and subsetting.
//!
//! Layout measures text with the advance widths of the full fonts (no shaping, no kerning: that
//! is also exactly how printpdf positions the glyphs). Only the characters a report uses are
//! embedded: the fonts are subset with allsorts (already in printpdf's tree) after layout.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{FontId, ParsedFont};

use crate::ReportError;

static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The character drawn in place of one the font lacks (the font has it; it is reported too).
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular = 0,
    Bold = 1,
}

impl Face {
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The fixed resource name of a face: printpdf's own ids come from a process-wide counter, which
/// would make two exports in one process differ.
pub(crate) fn font_id(face: Face) -> FontId {
    FontId(match face {
        Face::Regular => "F1".to_owned(),
        Face::Bold => "F2".to_owned(),
    })
}

/// Metrics of one face, indexed by code point.
pub(crate) struct FaceData {
    ttf: &'static [u8],
    /// PostScript-style name used in the PDF (after the subset tag).
    pub(crate) name: &'static str,
    /// Advance width in em for code points below 0x10000; negative when the font has no glyph.
    bmp_advance: Vec<f32>,
    /// Glyph ids for code points below 0x10000 (0 when the font has no glyph).
    bmp_gid: Vec<u16>,
    /// Code point, glyph id and advance of the code points above the BMP that the font covers.
    astral: Vec<(u32, u16, f32)>,
}

impl FaceData {
    fn load(ttf: &'static [u8], name: &'static str) -> FaceData {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(ttf, 0, &mut warnings).expect("the bundled DejaVu font parses");
        let upem = f32::from(parsed.units_per_em.max(1));
        let mut bmp_advance = vec![-1.0f32; 0x10000];
        let mut bmp_gid = vec![0u16; 0x10000];
        let mut astral = Vec::new();
        for (&cp, &gid) in &parsed.codepoint_to_glyph {
            if gid == 0 {
                continue;
            }
            let adv = f32::from(parsed.glyph_widths.get(&gid).copied().unwrap_or(0)) / upem;
            if cp < 0x10000 {
                bmp_advance[cp as usize] = adv;
                bmp_gid[cp as usize] = gid;
            } else {
                astral.push((cp, gid, adv));
            }
        }
        astral.sort_by_key(|a| a.0);
        FaceData { ttf, name, bmp_advance, bmp_gid, astral }
    }

    /// Advance width in em, or `None` when the font has no glyph for `c`.
    #[inline]
    pub(crate) fn advance(&self, c: char) -> Option<f32> {
        let cp = c as u32;
        if cp < 0x10000 {
            let a = self.bmp_advance[cp as usize];
            (a >= 0.0).then_some(a)
        } else {
            self.astral.binary_search_by_key(&cp, |a| a.0).ok().map(|i| self.astral[i].2)
        }
    }

    pub(crate) fn gid(&self, c: char) -> Option<u16> {
        let cp = c as u32;
        let g = if cp < 0x10000 {
            self.bmp_gid[cp as usize]
        } else {
            self.astral.binary_search_by_key(&cp, |a| a.0).ok().map_or(0, |i| self.astral[i].1)
        };
        (g != 0).then_some(g)
    }

    pub(crate) fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }
}

pub(crate) struct Fonts {
    pub(crate) faces: [FaceData; 2],
}

impl Fonts {
    pub(crate) fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            faces: [FaceData::load(REGULAR_TTF, "DejaVuSans"), FaceData::load(BOLD_TTF, "DejaVuSans-Bold")],
        })
    }

    pub(crate) fn face(&self, f: Face) -> &FaceData {
        &self.faces[f.index()]
    }
}

/// A set of characters: a bitmap for the BMP, a sorted set above it.
#[derive(Clone)]
pub(crate) struct CharSet {
    bmp: Vec<u64>,
    astral: BTreeSet<char>,
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet { bmp: vec![0; 0x10000 / 64], astral: BTreeSet::new() }
    }
}

impl CharSet {
    #[inline]
    pub(crate) fn insert(&mut self, c: char) {
        let cp = c as u32;
        if cp < 0x10000 {
            self.bmp[(cp / 64) as usize] |= 1 << (cp % 64);
        } else {
            self.astral.insert(c);
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let bmp = self.bmp.iter().enumerate().flat_map(|(i, &w)| {
            (0..64u32).filter(move |b| w & (1u64 << b) != 0).filter_map(move |b| char::from_u32(i as u32 * 64 + b))
        });
        bmp.chain(self.astral.iter().copied())
    }
}

/// A six-letter subset tag (ISO 32000-1, 9.6.4) derived from the glyph set, so it is stable.
fn subset_tag(chars: &[char]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h ^= *c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| {
            let v = (h >> (i * 10)) % 26;
            char::from(b'A' + v as u8)
        })
        .collect()
}

/// Subsets `face` to the characters in `used` and returns it as a printpdf font whose glyph ids,
/// widths and cmap all belong to the subset. Every character in `used` must be covered.
pub(crate) fn subset_face(data: &FaceData, used: &CharSet) -> Result<ParsedFont, ReportError> {
    let font_file = ReadScope::new(data.ttf)
        .read::<FontData<'_>>()
        .map_err(|e| ReportError::Font(format!("cannot read {}: {e:?}", data.name)))?;
    let provider =
        font_file.table_provider(0).map_err(|e| ReportError::Font(format!("cannot read {}: {e:?}", data.name)))?;
    let mut warnings = Vec::new();
    let chars: Vec<char> = used.iter().filter(|c| data.has(*c)).collect();
    let mut gids: Vec<u16> = chars.iter().filter_map(|c| data.gid(*c)).collect();
    gids.push(0);
    gids.sort_unstable();
    gids.dedup();
    let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unrestricted)
        .map_err(|e| ReportError::Font(format!("cannot subset {}: {e:?}", data.name)))?;
    drop(provider);
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| ReportError::Font(format!("cannot parse the subset of {}", data.name)))?;
    if let Some(c) = chars.iter().find(|c| font.lookup_glyph_index(**c as u32).is_none()) {
        return Err(ReportError::Font(format!("the subset of {} lost U+{:04X}", data.name, *c as u32)));
    }
    font.font_name = Some(format!("{}+{}", subset_tag(&chars), data.name));
    Ok(font)
}
