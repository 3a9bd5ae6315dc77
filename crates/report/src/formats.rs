//! The report formats: how the PDF of a version is made from its data. A PDF records its format
//! in its manifest (and in its Producer), and verify renders the pages again with that format's
//! renderer. Any change that alters the bytes of a PDF needs a new format number here, with the
//! old renderer kept, so that every PDF exported before still verifies; the samples under
//! `tests/samples/` fail loudly until that is done.

use governance_core::version::ReportData;

use crate::{Rendered, ReportError};

/// The format this app writes.
pub const CURRENT: u32 = 4;

pub(crate) type Renderer = fn(&ReportData) -> Result<Rendered, ReportError>;

/// One report format.
pub struct Format {
    pub number: u32,
    /// What a PDF of this format holds, for messages.
    pub about: &'static str,
    /// `None` for a format this app can no longer render, whose pages verify cannot compare.
    render: Option<Renderer>,
}

/// Every format a PDF of this app was ever written in, oldest first.
pub const FORMATS: &[Format] = &[
    Format {
        number: 1,
        about: "written before the report manifest, with pages drawn from data the PDF does not hold",
        render: None,
    },
    Format {
        number: 2,
        about: "the snapshot and the report manifest, from which every page is rendered",
        render: Some(crate::render_format_2),
    },
    Format {
        number: 3,
        about: "as format 2, with text in every script: font fallback, bidi, shaping and line breaks by UAX 14",
        render: Some(crate::render_format_3),
    },
    Format {
        number: 4,
        about: "as format 3, with the compliance rules per jurisdiction, the coverage of the obligation catalogues \
                and the obligations each part answers",
        render: Some(crate::render_format_4),
    },
];

pub fn format(number: u32) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.number == number)
}

/// The renderer of a format, when this app has one.
pub(crate) fn renderer(number: u32) -> Option<Renderer> {
    format(number).and_then(|f| f.render)
}

/// Renders `data` in report format `number`; `None` when this app has no renderer for it.
pub fn render(number: u32, data: &ReportData) -> Option<Result<Rendered, ReportError>> {
    renderer(number).map(|r| r(data))
}

/// The PDF's Producer: names the format, never the app's version, so that the bytes depend only
/// on the content.
pub(crate) fn producer(number: u32) -> String {
    format!("Governance Workbench report format {number} (printpdf 0.12)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_format_is_the_newest_and_can_be_rendered() {
        assert_eq!(FORMATS.last().map(|f| f.number), Some(CURRENT));
        assert!(renderer(CURRENT).is_some());
        assert!(renderer(1).is_none(), "format 1 pages depended on data the PDF does not hold");
        assert!(renderer(CURRENT + 1).is_none());
        assert!(FORMATS.windows(2).all(|w| w[0].number < w[1].number));
    }
}
