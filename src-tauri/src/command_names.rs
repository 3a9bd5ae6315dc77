// The app's commands. build.rs generates an allow-permission for each; the capability grants them.
pub const ALL: [&str; 13] = [
    "app_info",
    "list_frameworks",
    "open_framework",
    "apply_edit",
    "undo_edit",
    "undo_labels",
    "removal_impact",
    "create_framework",
    "duplicate_framework",
    "delete_framework",
    "import_framework",
    "export_framework",
    "audit_log",
];
