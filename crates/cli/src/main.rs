//! `tdg`: the same model as the browser app, on the command line.

mod args;
mod catalog_cmd;
mod error;
mod score_cmd;
mod table;

use error::CliError;
use std::process::ExitCode;

const USAGE: &str = "\
tdg — tự đánh giá chuyển đổi số / digital-transformation self-assessment

usage:
  tdg catalog check FILE...
  tdg score --catalog FILE [--tier ID] [--variant ID] [--period YEAR] [--submitted YYYY-MM-DD]
            [--lang vi|en] [--json] ANSWERS.json

exit status: 0 all good; 1 the input has problems (listed); 2 wrong usage or unreadable file";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let result = match argv
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["catalog", "check", ..] => catalog_cmd::check(&argv[2..]),
        ["score", ..] => score_cmd::run(&argv[1..]),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => Err(CliError::Usage(USAGE.to_string())),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{}", e.message());
            ExitCode::from(2)
        }
    }
}
