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
pub(crate) static FILES: [FontFile; 15] = [
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
    font!("NotoSansKR-Regular", "NotoSansKR-Hangul-Regular.ttf"),
    font!("DroidSansFallbackFull", "DroidSansFallbackFull.ttf"),
    font!("NotoSansSymbols-Regular", "NotoSansSymbols-Regular.ttf"),
    font!("NotoSansSymbols2-Regular", "NotoSansSymbols2-Regular.ttf"),
    font!("NotoEmoji-Regular", "NotoEmoji-Regular.ttf"),
];

/// One family of the fallback order: its regular and bold file (the same file where the family
/// has no bold) and the ranges of characters it may draw.
struct Family {
    regular: usize,
    bold: usize,
    ranges: &'static [(u32, u32)],
}

/// The fallback order and ranges of `assets/fonts/README.md` (the app's `unicode-range`s are the
/// same): a character goes to the first family whose ranges hold it and that has a glyph for it.
const FAMILIES: [Family; 10] = [
    Family {
        regular: 0,
        bold: 1,
        ranges: &[
            (0x0000, 0x058F),
            (0x0700, 0x074F),
            (0x0780, 0x086F),
            (0x0900, 0xFB1C),
            (0xFE00, 0xFE6F),
            (0xFF00, 0x1F1E5),
            (0x1F200, 0x1F2FF),
            (0x1F650, 0x1F67F),
            (0x1F700, 0x1F8FF),
            (0x1FA00, 0x1FA6F),
            (0x1FB00, 0x10FFFF),
        ],
    },
    Family {
        regular: 2,
        bold: 3,
        ranges: &[(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
    },
    Family { regular: 4, bold: 5, ranges: &[(0x0590, 0x05FF), (0xFB1D, 0xFB4F)] },
    Family { regular: 6, bold: 7, ranges: &[(0x0900, 0x097F), (0x1CD0, 0x1CFF), (0xA830, 0xA83F), (0xA8E0, 0xA8FF)] },
    Family { regular: 8, bold: 9, ranges: &[(0x0E00, 0x0E7F)] },
    Family {
        regular: 10,
        bold: 10,
        ranges: &[(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDC)],
    },
    Family {
        regular: 11,
        bold: 11,
        ranges: &[
            (0x2E80, 0x2FDF),
            (0x2FF0, 0x33FF),
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xF900, 0xFAFF),
            (0xFE10, 0xFE1F),
            (0xFE30, 0xFE6F),
            (0xFF00, 0xFFEF),
        ],
    },
    Family { regular: 12, bold: 12, ranges: &[(0x2000, 0x2BFF), (0x1F100, 0x1F1E5), (0x1F700, 0x1F77F)] },
    Family {
        regular: 13,
        bold: 13,
        ranges: &[
            (0x2000, 0x2BFF),
            (0x4DC0, 0x4DFF),
            (0xFFF9, 0xFFFB),
            (0x10140, 0x101FF),
            (0x102E0, 0x102FF),
            (0x10E60, 0x10E7F),
            (0x1D2E0, 0x1D37F),
            (0x1F000, 0x1F0FF),
            (0x1F650, 0x1F67F),
            (0x1F780, 0x1F8FF),
            (0x1FA00, 0x1FA6F),
            (0x1FB00, 0x1FBFF),
        ],
    },
    Family { regular: EMOJI, bold: EMOJI, ranges: EMOJI_RANGES },
];

/// Noto Emoji, and the characters it may draw.
pub(crate) const EMOJI: usize = 14;
const EMOJI_RANGES: &[(u32, u32)] = &[
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x200D, 0x200D),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x20E3, 0x20E3),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x21AA),
    (0x231A, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0xFE0E, 0xFE0F),
    (0x1F000, 0x1FAFF),
    (0xE0020, 0xE007F),
];

fn holds(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    ranges.iter().any(|&(a, b)| (a..=b).contains(&cp))
}

/// Whether a grapheme cluster is an emoji sequence: it asks for emoji presentation, is a keycap,
/// joins pictographs, carries a skin tone, or is a pair of regional indicators (a flag).
pub(crate) fn is_emoji_sequence(cluster: &str) -> bool {
    let mut n = 0;
    let mut regional = 0;
    for c in cluster.chars() {
        n += 1;
        match c as u32 {
            0xFE0F | 0x20E3 | 0x1F3FB..=0x1F3FF => return true,
            0x200D if n > 1 => return true,
            0x1F1E6..=0x1F1FF => regional += 1,
            _ => {}
        }
    }
    regional == 2
}

/// The font for a grapheme cluster: Noto Emoji for an emoji sequence it can start, else the font
/// [`pick`] gives its first visible character.
pub(crate) fn pick_cluster(cluster: &str, base: char, bold: bool) -> Option<usize> {
    if is_emoji_sequence(cluster) && loaded()[EMOJI].face.glyph_index(base).is_some() {
        return Some(EMOJI);
    }
    pick(base, bold)
}

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
    FAMILIES
        .iter()
        .filter(|f| holds(f.ranges, c))
        .map(|f| if bold { f.bold } else { f.regular })
        .find(|&i| fonts[i].face.glyph_index(c).is_some())
}

/// The regular or bold DejaVu file: where text in Latin, Greek and Cyrillic goes.
pub(crate) fn primary(bold: bool) -> usize {
    if bold {
        FAMILIES[0].bold
    } else {
        FAMILIES[0].regular
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
