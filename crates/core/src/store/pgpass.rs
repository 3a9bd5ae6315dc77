//! The password file of PostgreSQL's clients (`PGPASSFILE`, or `~/.pgpass`), read as libpq reads
//! it: `host:port:database:user:password` lines, `*` matching anything, `\:` and `\\` escaped,
//! the first matching line winning, and the file ignored when others may read it.

use std::path::PathBuf;

/// The password for this server, database and user, if the password file has one.
pub(crate) fn lookup(host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let path =
        std::env::var_os("PGPASSFILE").map(PathBuf::from).or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
    if !private(&path) {
        return None;
    }
    find(&std::fs::read_to_string(path).ok()?, host, port, database, user)
}

#[cfg(unix)]
fn private(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    // libpq refuses a password file that the group or others can read; so do we.
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn private(path: &std::path::Path) -> bool {
    path.is_file()
}

fn find(text: &str, host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), database, user];
    text.lines().filter(|l| !l.trim_start().starts_with('#')).find_map(|line| {
        let fields = split(line);
        let [h, p, d, u, password] = fields.as_slice() else { return None };
        let matches =
            [h, p, d, u].iter().zip(wanted).all(|(field, want)| field.as_str() == "*" || field.as_str() == want);
        matches.then(|| password.clone())
    })
}

/// The fields of one line, split at unescaped colons.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("never empty").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("never empty").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn the_first_matching_line_gives_the_password_with_wildcards_and_escapes() {
        let file = "# team\n\
                    db.example:5432:other:alice:nope\n\
                    db.example:*:governance:alice:pa\\:ss\\\\word\n\
                    *:*:*:*:fallback\n";
        assert_eq!(find(file, "db.example", 5432, "governance", "alice").as_deref(), Some("pa:ss\\word"));
        assert_eq!(find(file, "db.example", 5432, "other", "alice").as_deref(), Some("nope"));
        assert_eq!(find(file, "elsewhere", 6000, "x", "bob").as_deref(), Some("fallback"));
        assert_eq!(
            find("db:5432:g:alice\n", "db", 5432, "g", "alice"),
            None,
            "a line with four fields has no password"
        );
    }
}
