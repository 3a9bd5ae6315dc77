fn main() {
    // Only these commands get permissions generated; capabilities/default.json grants exactly them.
    let manifest = tauri_build::AppManifest::new().commands(&crate_commands::ALL);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri build step");
}

mod crate_commands {
    include!("src/command_names.rs");
}
