//! `export-oscal`: a published version as an OSCAL component definition and, with `--catalogs`,
//! each shipped obligation catalogue as an OSCAL catalog that the definition's `source`s name.

use std::path::{Component, Path, PathBuf};

use governance_core::fsutil::write_atomically;
use governance_core::obligations::{catalogues, Catalogue};
use governance_core::{oscal, Error, Store};

pub struct Args<'a> {
    pub framework: &'a str,
    pub version: u32,
    pub out: &'a Path,
    pub catalogs: Option<&'a Path>,
}

pub fn export(store: &Store, args: &Args) -> Result<(), Error> {
    let (info, fw) = store.version_framework(args.framework, args.version)?;
    let prefix = match args.catalogs {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::Io(format!("cannot make the folder {}: {e}", dir.display())))?;
            href_prefix(args.out, dir)?
        }
        None => String::new(),
    };
    let href = |c: &Catalogue| format!("{prefix}{}.json", c.id);
    let doc = oscal::component_definition(&fw, &info, &href)?;
    if let Some(dir) = args.catalogs {
        for c in catalogues() {
            write_atomically(&dir.join(format!("{}.json", c.id)), oscal::to_json(&oscal::catalog(c)).as_bytes())?;
        }
        println!("wrote {} OSCAL catalogs to {}", catalogues().len(), dir.display());
    }
    let json = oscal::to_json(&doc);
    write_atomically(args.out, json.as_bytes())?;
    let component = &doc.component_definition.components[0];
    let requirements: usize =
        component.control_implementations.iter().map(|ci| ci.implemented_requirements.len()).sum();
    println!(
        "wrote {} ({} KB), OSCAL {} component definition of version {} of {}: {requirements} implemented \
         requirement(s) from {} catalogue(s), SHA-256 {}",
        args.out.display(),
        json.len().div_ceil(1024),
        oscal::OSCAL_VERSION,
        info.number,
        info.framework,
        component.control_implementations.len(),
        info.sha256
    );
    Ok(())
}

/// The catalogs folder as a URI reference relative to the component definition's folder, ending
/// in `/` (empty when they are the same folder). Both folders must exist.
fn href_prefix(out: &Path, catalogs: &Path) -> Result<String, Error> {
    let out_dir = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let real = |p: &Path| {
        std::fs::canonicalize(p).map_err(|e| Error::Io(format!("cannot find the folder {}: {e}", p.display())))
    };
    let (from, to) = (real(out_dir)?, real(catalogs)?);
    let common = from.components().zip(to.components()).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in from.components().skip(common) {
        rel.push("..");
    }
    rel.extend(to.components().skip(common));
    let mut href = String::new();
    for part in rel.components() {
        match part {
            Component::Normal(name) => {
                let name = name
                    .to_str()
                    .ok_or_else(|| Error::Io(format!("the folder name {} is not UTF-8", catalogs.display())))?;
                href.push_str(&percent_encode(name));
            }
            _ => href.push_str(".."),
        }
        href.push('/');
    }
    Ok(href)
}

/// Percent-encodes all but RFC 3986's unreserved characters, so a folder name with spaces or
/// other scripts is still a valid URI reference.
fn percent_encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogs_folder_is_named_relative_to_the_component_definition_and_percent_encoded() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        for d in ["out", "out/catalogs", "other folder/ü"] {
            std::fs::create_dir_all(base.join(d)).unwrap();
        }
        let out = base.join("out/cd.json");
        assert_eq!(href_prefix(&out, &base.join("out/catalogs")).unwrap(), "catalogs/");
        assert_eq!(href_prefix(&out, &base.join("out")).unwrap(), "");
        assert_eq!(href_prefix(&out, &base.join("other folder/ü")).unwrap(), "../other%20folder/%C3%BC/");
    }
}
