//! The `faq-kiosk` binary: hands the command line over to [`faq_kiosk::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    faq_kiosk::cli::run_from_environment()
}
