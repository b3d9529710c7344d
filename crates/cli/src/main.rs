//! `tdg`: the same model as the browser app, on the command line.

mod args;
mod batch_cmd;
mod batch_input;
mod catalog_cmd;
mod clock;
mod demo_cmd;
mod error;
mod keys_cmd;
mod score_cmd;
mod sign_cmd;
mod table;
mod verify_cmd;

mod trust_cmd;

use error::CliError;

/// See Cargo.toml: an allocator built for many small, short-lived allocations (each report
/// read into a JSON tree, canonicalised and re-scored).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::ffi::OsString;
use std::process::ExitCode;

const USAGE: &str = "\
tdg — tự đánh giá chuyển đổi số / digital-transformation self-assessment

usage:
  tdg catalog check FILE...
  tdg score --catalog FILE [--tier ID] [--variant ID] [--period YEAR] [--submitted YYYY-MM-DD]
            [--lang vi|en] [--json] ANSWERS.json
  tdg keygen --out KEY.json [--password-file F | --passphrase] [--label TEXT]
  tdg sign --key KEY.json [--password-file F] --catalog FILE [--tier ID] [--variant ID] [--period YEAR]
           --unit-name NAME --unit-code CODE [--unit-group CLUSTER] [--date YYYY-MM-DD] ANSWERS.json > REPORT.json
  tdg verify --trust TRUST.json --catalog FILE... [--received YYYY-MM-DD] [--period YEAR]
             [--expect-sha256 HEX] [--json] REPORT.json...
  tdg verify --proof-only [--json] REPORT.json...
  tdg batch --trust TRUST.json --catalog FILE... [--period YEAR] [--received YYYY-MM-DD]
            [--csv OUT.csv] [--xlsx OUT.xlsx] [--json] PATH...
  tdg demo-season --catalog FILE --out DIR [--period YEAR] [--received YYYY-MM-DD]
  tdg trust convert --csv UNITS.csv OLD.json > NEW.json

Every command answers --help. Exit status: 0 all good; 1 the input has problems (listed);
2 wrong usage or unreadable file";

/// Arguments stay `OsString` until a command's parser reads them: one that is not UTF-8 is then
/// an error with a message (`std::env::args` would panic on it).
type Run = fn(&[OsString]) -> Result<bool, CliError>;

/// Each command: the words that name it, its usage, and what runs it.
const COMMANDS: &[(&[&str], &str, Run)] = &[
    (&["catalog", "check"], "usage: tdg catalog check FILE...\n\n  Checks catalog files; every problem is listed with its JSON path.", catalog_cmd::check),
    (&["score"], "usage: tdg score --catalog FILE [--tier ID] [--variant ID] [--period YEAR] [--submitted YYYY-MM-DD]\n                 [--lang vi|en] [--json] ANSWERS.json\n\n  Scores one answers file. Answers of another tier or variant, or of a criterion not assessed that year, are named and not scored.", score_cmd::run),
    (&["keygen"], "usage: tdg keygen --out KEY.json [--password-file F | --passphrase] [--label TEXT]\n\n  Makes a unit key and writes its password-protected backup (Argon2id 64 MiB, 3 passes;\n  a password of at least 12 characters, or --passphrase: eight generated words, printed once).", keys_cmd::keygen),
    (&["sign"], "usage: tdg sign --key KEY.json [--password-file F] --catalog FILE [--tier ID] [--variant ID]\n                [--period YEAR] --unit-name NAME --unit-code CODE [--unit-group CLUSTER]\n                [--date YYYY-MM-DD] ANSWERS.json > REPORT.json\n\n  Signs the answers of the chosen tier and variant (others are named and left out).", sign_cmd::run),
    (&["verify"], verify_cmd::USAGE, verify_cmd::run),
    (&["batch"], batch_cmd::USAGE, batch_cmd::run),
    (&["demo-season"], demo_cmd::USAGE, demo_cmd::run),
    (&["trust", "convert"], trust_cmd::USAGE, trust_cmd::run),
];

/// `tdg verify … | head`: once the reader has closed the pipe, stop quietly as Unix tools do
/// (exit status 141, a shell's "killed by SIGPIPE"), not with a panic and a stack trace. Rust
/// ignores SIGPIPE, so `println!` panics on a closed stdout; setting the signal back would
/// need `unsafe`, which this workspace forbids.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info)
    }));
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    let result = dispatch(&argv);
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{}", e.for_terminal());
            ExitCode::from(2)
        }
    }
}

fn dispatch(argv: &[OsString]) -> Result<bool, CliError> {
    let is_help = |a: &OsString| a == "--help" || a == "-h";
    if argv.len() == 1 && (is_help(&argv[0]) || argv[0] == "help") {
        println!("{USAGE}");
        return Ok(true);
    }
    for (words, usage, run) in COMMANDS {
        let named =
            argv.len() >= words.len() && argv.iter().zip(words.iter()).all(|(a, w)| a == *w);
        if named {
            let rest = &argv[words.len()..];
            if rest.iter().any(is_help) {
                println!("{usage}");
                return Ok(true);
            }
            return run(rest);
        }
    }
    Err(CliError::Usage(USAGE.to_string()))
}
