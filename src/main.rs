//! The `haven` binary: reads configuration, starts telemetry, runs the
//! command. Everything else lives in the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    // A `.env` file is read in development; the environment wins.
    let _ = dotenvy::dotenv();
    let cli = haven::cli::Cli::parse();
    let result = haven::config::Config::from_env().and_then(|config| {
        haven::telemetry::init(config.log_format);
        haven::cli::run(cli, config)
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("haven: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
