//! The webview's reach, read from the files that define it: capabilities, CSP and plugins.
//! Fails if the window could touch the file system, the shell or remote URLs beyond what the
//! app needs (its own commands over IPC).

use std::collections::BTreeMap;

#[path = "../build_support/commands.rs"]
mod commands;

fn json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn csp() -> BTreeMap<String, Vec<String>> {
    let conf = json("tauri.conf.json");
    let csp = &conf["app"]["security"]["csp"];
    let obj = csp.as_object().expect("the CSP is set, as an object of directives");
    obj.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().split_whitespace().map(str::to_owned).collect())).collect()
}

#[test]
fn capabilities_grant_only_the_apps_own_commands_to_local_windows() {
    let source = std::fs::read_to_string(format!("{}/src/commands.rs", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let allowed: Vec<String> =
        commands::parse(&source).unwrap().iter().map(|c| commands::permission(&c.name)).collect();
    assert!(allowed.len() > 20, "the commands were read from src/commands.rs");
    let dir = format!("{}/capabilities", env!("CARGO_MANIFEST_DIR"));
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let cap: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        files += 1;
        assert!(cap.get("remote").is_none(), "{}: remote URLs may not use the IPC", path.display());
        let granted: Vec<&str> = cap["permissions"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect();
        assert_eq!(granted, allowed, "{}: exactly the app's commands, in their order", path.display());
        for p in cap["permissions"].as_array().unwrap() {
            let p = p.as_str().expect("plain permission identifiers, no scoped objects");
            assert!(
                allowed.contains(&p.to_owned()),
                "{}: permission {p} is not one of the app's commands",
                path.display()
            );
        }
        assert_eq!(cap["windows"], serde_json::json!(["main"]));
    }
    assert_eq!(files, 1);
}

#[test]
fn the_content_security_policy_allows_no_remote_or_inline_code() {
    let csp = csp();
    assert_eq!(csp["default-src"], ["'self'"]);
    assert_eq!(csp["script-src"], ["'self'"], "no inline or eval'd script, no remote script");
    assert_eq!(csp["object-src"], ["'none'"]);
    assert_eq!(csp["frame-src"], ["'none'"]);
    assert_eq!(csp["base-uri"], ["'none'"]);
    assert_eq!(csp["connect-src"], ["ipc:", "http://ipc.localhost"], "only the IPC channel");
    assert_eq!(csp["font-src"], ["'self'"], "fonts only from the app's own files (assets/fonts via ui/src/fonts.css)");
    for (directive, sources) in &csp {
        for s in sources {
            let remote = s.starts_with("http:") || s.starts_with("https:") || s.starts_with("ws") || s.contains('*');
            assert!(!remote || s == "http://ipc.localhost", "{directive} allows {s}");
            assert_ne!(s, "'unsafe-eval'", "{directive}");
        }
    }
}

#[test]
fn no_dangerous_options_or_file_shell_or_http_plugins_are_enabled() {
    let conf = json("tauri.conf.json");
    let security = &conf["app"]["security"];
    assert!(security.get("dangerousDisableAssetCspModification").is_none());
    assert!(security.get("assetProtocol").is_none(), "the asset protocol would expose files");
    assert_ne!(conf["app"]["withGlobalTauri"], true);
    assert!(conf["build"].get("devUrl").is_none(), "the app loads its own embedded files, never a server");
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    for plugin in
        ["tauri-plugin-fs", "tauri-plugin-shell", "tauri-plugin-http", "tauri-plugin-opener", "tauri-plugin-process"]
    {
        assert!(!manifest.contains(plugin), "{plugin} gives the webview more than it needs");
    }
}
