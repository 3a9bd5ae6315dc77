//! The fonts report format 3 draws with, and the fixed fallback order that picks one for each
//! piece of text. The order is a constant, so the same text gives the same bytes on any machine.

use std::sync::OnceLock;

use rustybuzz::Face as HbFace;

/// One font file shipped in `assets/fonts/`.
pub(crate) struct FontFile {
    /// PostScript-style name used in the PDF (after the subset tag).
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! font {
    ($name:literal, $file:literal) => {
        FontFile { name: $name, bytes: include_bytes!(concat!("../../../../assets/fonts/", $file)) }
    };
}

/// Every font file, by number. The number is also the PDF font resource (`F<n+1>`).
pub(crate) static FILES: [FontFile; 14] = [
    font!("DejaVuSans", "DejaVuSans.ttf"),
    font!("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    font!("NotoSansArabic-Regular", "NotoSansArabic-Regular.ttf"),
    font!("NotoSansArabic-Bold", "NotoSansArabic-Bold.ttf"),
    font!("NotoSansHebrew-Regular", "NotoSansHebrew-Regular.ttf"),
    font!("NotoSansHebrew-Bold", "NotoSansHebrew-Bold.ttf"),
    font!("NotoSansDevanagari-Regular", "NotoSansDevanagari-Regular.ttf"),
    font!("NotoSansDevanagari-Bold", "NotoSansDevanagari-Bold.ttf"),
    font!("NotoSansThai-Regular", "NotoSansThai-Regular.ttf"),
    font!("NotoSansThai-Bold", "NotoSansThai-Bold.ttf"),
    font!("DroidSansFallbackFull", "DroidSansFallbackFull.ttf"),
    font!("NotoSansSymbols-Regular", "NotoSansSymbols-Regular.ttf"),
    font!("NotoSansSymbols2-Regular", "NotoSansSymbols2-Regular.ttf"),
    font!("NanumGothic", "NanumGothic.ttf"),
];

/// The fallback order: for each family its regular and its bold file (the same file where the
/// family has no bold). Latin, Greek and Cyrillic come first, so text in them never changes font.
const FAMILIES: [(usize, usize); 9] = [
    (0, 1),   // DejaVu Sans: Latin, Greek, Cyrillic, many symbols.
    (2, 3),   // Noto Sans Arabic.
    (4, 5),   // Noto Sans Hebrew.
    (6, 7),   // Noto Sans Devanagari.
    (8, 9),   // Noto Sans Thai.
    (10, 10), // Droid Sans Fallback: Chinese and Japanese.
    (13, 13), // Nanum Gothic: Korean.
    (11, 11), // Noto Sans Symbols.
    (12, 12), // Noto Sans Symbols 2.
];

/// A loaded font: its shaping face and its units per em.
pub(crate) struct Loaded {
    pub face: HbFace<'static>,
    pub upem: f32,
}

/// The loaded fonts, parsed once per process.
pub(crate) fn loaded() -> &'static [Loaded] {
    static LOADED: OnceLock<Vec<Loaded>> = OnceLock::new();
    LOADED.get_or_init(|| {
        FILES
            .iter()
            .map(|f| {
                let face = HbFace::from_slice(f.bytes, 0).expect("a bundled font parses");
                let upem = f32::from(face.units_per_em().max(1) as u16);
                Loaded { face, upem }
            })
            .collect()
    })
}

/// The font for a cluster whose first character is `c`: the first family in the fallback order
/// that has it (in the bold file when `bold`). `None` when no shipped font has it. Answers for
/// the Basic Multilingual Plane are kept per thread: looking through the fonts' cmaps is slow.
pub(crate) fn pick(c: char, bold: bool) -> Option<usize> {
    const UNKNOWN: u8 = 0;
    const NONE: u8 = u8::MAX;
    thread_local! {
        static PICKED: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![UNKNOWN; 2 * 0x10000]);
    }
    let cp = c as usize;
    if cp >= 0x10000 {
        return search(c, bold);
    }
    let slot = usize::from(bold) * 0x10000 + cp;
    PICKED.with(|picked| {
        let known = picked.borrow()[slot];
        match known {
            UNKNOWN => {
                let found = search(c, bold);
                picked.borrow_mut()[slot] = found.map_or(NONE, |f| f as u8 + 1);
                found
            }
            NONE => None,
            n => Some(usize::from(n - 1)),
        }
    })
}

fn search(c: char, bold: bool) -> Option<usize> {
    let fonts = loaded();
    // DejaVu has some Arabic, Hebrew and Thai; those scripts go to their own fonts.
    let skip = usize::from(matches!(c as u32, 0x0590..=0x08FF | 0x0E00..=0x0E7F | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF));
    FAMILIES.iter().skip(skip).map(|&(r, b)| if bold { b } else { r }).find(|&i| fonts[i].face.glyph_index(c).is_some())
}

/// The regular or bold DejaVu file: where text in Latin, Greek and Cyrillic goes.
pub(crate) fn primary(bold: bool) -> usize {
    if bold {
        FAMILIES[0].1
    } else {
        FAMILIES[0].0
    }
}

/// Characters that never need a glyph of their own: joiners, variation selectors, direction
/// marks and other default-ignorable code points. They are never reported as missing.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}
