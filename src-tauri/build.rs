//! Every command is declared once, as a `#[tauri::command]` function in `src/commands.rs`. This
//! build step reads them and writes what Tauri needs from that list: the invoke handler
//! (`$OUT_DIR/handler.rs`), an allow-permission per command, and the window's capability, which
//! grants exactly those permissions.

#[path = "build_support/commands.rs"]
mod commands;

fn main() {
    println!("cargo::rerun-if-changed=src/commands.rs");
    println!("cargo::rerun-if-changed=build_support/commands.rs");
    let source = std::fs::read_to_string("src/commands.rs").expect("src/commands.rs is readable");
    let list = commands::parse(&source).unwrap_or_else(|e| panic!("{e}"));

    let paths: Vec<String> = list.iter().map(|c| format!("crate::commands::{}", c.name)).collect();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_if_changed(&out.join("handler.rs"), &format!("tauri::generate_handler![{}]\n", paths.join(", ")));
    // Written into the source tree, like tauri-build's own permission files, so that it can be
    // read and reviewed; tests/security.rs checks it grants nothing else.
    write_if_changed(std::path::Path::new("capabilities/default.json"), &commands::capability_json(&list));

    let names: Vec<&'static str> = list.into_iter().map(|c| &*Box::leak(c.name.into_boxed_str())).collect();
    let manifest = tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice()));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri build step");
}

/// Writes a file only when its content changes, so that an unchanged build stays fresh.
fn write_if_changed(path: &std::path::Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
