// The app's commands. build.rs generates an allow-permission for each; the capability grants them.
pub const ALL: [&str; 3] = ["app_info", "list_frameworks", "open_framework"];
