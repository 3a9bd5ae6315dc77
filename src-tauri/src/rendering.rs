//! How the webview draws on Linux machines without a graphics card.
//!
//! WebKitGTK composites pages with OpenGL. Where there is no GPU (virtual desktops, remote
//! sessions, Xvfb) that OpenGL is Mesa's software renderer, and every repaint then costs a
//! full-window composite on the CPU: measured at 72 ms to redraw a 40 x 20 px label, against
//! 16 ms with WebKit's own non-composited painting. So the app turns compositing off when it
//! finds no GPU device, unless the user already chose either way.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch for non-composited painting.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether to turn compositing off: only when the user has not set the switch themselves and
/// the machine has no GPU device node.
pub fn should_disable_compositing(user_setting: Option<&OsStr>, has_gpu: bool) -> bool {
    user_setting.is_none() && !has_gpu
}

/// Whether `dri` (normally `/dev/dri`) holds a GPU device node (`card*` or `renderD*`).
pub fn has_gpu_device(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("card") || name.starts_with("renderD")
        })
    })
}

/// Applies the choice to this process before the webview starts (the web process inherits it).
/// Returns whether compositing was turned off.
pub fn configure() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let off = should_disable_compositing(
        std::env::var_os(DISABLE_COMPOSITING).as_deref(),
        has_gpu_device(Path::new("/dev/dri")),
    );
    if off {
        // Called first thing in `run`, before any other thread exists.
        std::env::set_var(DISABLE_COMPOSITING, "1");
    }
    off
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_is_turned_off_only_without_a_gpu_and_without_a_user_choice() {
        assert!(should_disable_compositing(None, false));
        assert!(!should_disable_compositing(None, true));
        assert!(!should_disable_compositing(Some(OsStr::new("0")), false));
        assert!(!should_disable_compositing(Some(OsStr::new("1")), true));
    }

    #[test]
    fn a_render_node_or_card_counts_as_a_gpu_and_other_files_do_not() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_gpu_device(dir.path()));
        assert!(!has_gpu_device(&dir.path().join("missing")));
        std::fs::write(dir.path().join("by-path"), "").unwrap();
        assert!(!has_gpu_device(dir.path()));
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_gpu_device(dir.path()));
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("card0"), "").unwrap();
        assert!(has_gpu_device(other.path()));
    }
}
