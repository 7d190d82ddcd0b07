//! Structured logs. Filter with `RUST_LOG` (default `info`); JSON lines in
//! production, readable lines with `HAVEN_DEV=1`. Logs carry ids, routes and
//! counts — never report content, contact details, addresses or user agents.

use tracing_subscriber::EnvFilter;

pub fn init(dev: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = if dev {
        builder.compact().try_init()
    } else {
        builder.json().flatten_event(true).try_init()
    };
    // A second initialisation (tests) keeps the first subscriber.
    let _ = result;
}
