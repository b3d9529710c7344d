//! `tdg`: the same model as the browser app, on the command line.

mod args;
mod catalog_cmd;
mod clock;
mod error;
mod keys_cmd;
mod score_cmd;
mod sign_cmd;
mod table;
mod verify_cmd;

use error::CliError;
use std::process::ExitCode;

const USAGE: &str = "\
tdg — tự đánh giá chuyển đổi số / digital-transformation self-assessment

usage:
  tdg catalog check FILE...
  tdg score --catalog FILE [--tier ID] [--variant ID] [--period YEAR] [--submitted YYYY-MM-DD]
            [--lang vi|en] [--json] ANSWERS.json
  tdg keygen --out KEY.json [--password-file F] [--label TEXT]
  tdg sign --key KEY.json [--password-file F] --catalog FILE [--tier ID] [--variant ID] [--period YEAR]
           --unit-name NAME --unit-code CODE [--unit-group CLUSTER] [--date YYYY-MM-DD] ANSWERS.json > REPORT.json
  tdg verify [--trust TRUST.json] [--catalog FILE]... [--received YYYY-MM-DD] [--json] REPORT.json...

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
        ["keygen", ..] => keys_cmd::keygen(&argv[1..]),
        ["sign", ..] => sign_cmd::run(&argv[1..]),
        ["verify", ..] => verify_cmd::run(&argv[1..]),
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
