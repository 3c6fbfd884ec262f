//! The `faq-kiosk` binary: parses the command line and hands over to [`faq_kiosk::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    faq_kiosk::cli::main(faq_kiosk::cli::Cli::parse())
}
