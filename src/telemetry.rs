//! Structured logs. Filter with `RUST_LOG` (default `info`); JSON lines or
//! readable lines (`HAVEN_LOG_FORMAT`; readable by default with
//! `HAVEN_DEV=1`). Logs carry ids, routes and counts — never report
//! content, contact details, addresses or user agents. The README lists
//! every field a line can carry.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Text => builder.compact().try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    // A second initialisation (tests) keeps the first subscriber.
    let _ = result;
}

#[cfg(test)]
mod tests {
    /// The fields every `tracing` line in the source names.
    fn fields_logged() -> std::collections::BTreeSet<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut sources = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut sources,
        );
        let mut fields = std::collections::BTreeSet::new();
        for text in &sources {
            for level in ["info", "warn", "error", "debug"] {
                for (at, _) in text.match_indices(&format!("tracing::{level}!(")) {
                    let body = &text[at + level.len() + 11..];
                    // The macro's arguments, up to its closing parenthesis.
                    let (mut depth, mut end, mut quoted) = (0i32, body.len(), false);
                    for (i, c) in body.char_indices() {
                        match c {
                            '"' => quoted = !quoted,
                            '(' if !quoted => depth += 1,
                            ')' if !quoted && depth == 0 => {
                                end = i;
                                break;
                            }
                            ')' if !quoted => depth -= 1,
                            _ => {}
                        }
                    }
                    // Its arguments, split where a comma is outside quotes
                    // and parentheses.
                    let mut args = Vec::new();
                    let (mut start, mut depth, mut quoted) = (0usize, 0i32, false);
                    for (i, c) in body[..end].char_indices() {
                        match c {
                            '"' => quoted = !quoted,
                            '(' if !quoted => depth += 1,
                            ')' if !quoted => depth -= 1,
                            ',' if !quoted && depth == 0 => {
                                args.push(&body[start..i]);
                                start = i + 1;
                            }
                            _ => {}
                        }
                    }
                    args.push(&body[start..end]);
                    for arg in args {
                        let arg = arg.trim();
                        if arg.starts_with('"') || arg.is_empty() {
                            continue;
                        }
                        let name = match arg.split_once(" = ") {
                            Some((name, _)) => name.trim(),
                            None => arg.trim_start_matches(['%', '?']),
                        };
                        let name: String = name
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() && name.chars().all(|c| !c.is_ascii_uppercase()) {
                            fields.insert(name);
                        }
                    }
                }
            }
        }
        fields
    }

    /// The README lists every field a log line can carry.
    #[test]
    fn the_readme_lists_every_field_logged() {
        let readme = include_str!("../README.md");
        let list = readme
            .split_once("these are every field a line can carry:")
            .and_then(|(_, rest)| rest.split_once("Never an"))
            .map(|(list, _)| list)
            .expect("the README's log section");
        let missing: Vec<String> = fields_logged()
            .into_iter()
            .filter(|f| !list.contains(&format!("`{f}`")))
            .collect();
        assert!(
            missing.is_empty(),
            "logged but not in the README: {missing:?}"
        );
    }
}
