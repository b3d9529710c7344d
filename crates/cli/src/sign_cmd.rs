//! `tdg sign`: what the app does when a unit signs, for scripts and tests.

use crate::args::Args;
use crate::error::{load_catalog, read, CliError};
use crate::score_cmd;
use tdg_model::Date;
use tdg_report::{sign_report, SignRequest};

const VALUE_FLAGS: &[&str] = &[
    "--key",
    "--password-file",
    "--catalog",
    "--tier",
    "--variant",
    "--period",
    "--unit-name",
    "--unit-code",
    "--unit-group",
    "--date",
];

pub fn run(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(raw, VALUE_FLAGS, &[])?;
    let need = |flag: &str| {
        args.value(flag)
            .ok_or_else(|| CliError::Usage(format!("tdg sign needs {flag}")))
    };
    let [answers_path] = args.positional.as_slice() else {
        return Err(CliError::Usage(
            "tdg sign needs exactly one ANSWERS.json".into(),
        ));
    };
    let catalog_path = need("--catalog")?;
    let catalog_bytes = read(catalog_path)?;
    let catalog = load_catalog(catalog_path)?;
    let sheet = score_cmd::scoped(
        &catalog,
        score_cmd::sheet_with_flags(score_cmd::load_sheet(answers_path)?, &args)?,
    );
    let submitted_on = match args.value("--date") {
        Some(d) => Date::parse_iso(d).map_err(|e| CliError::Invalid(e.to_string()))?,
        None => crate::clock::today(),
    };
    let key = crate::keys_cmd::open_key(&args, need("--key")?)?;
    let request = SignRequest {
        training: false,
        catalog: &catalog,
        catalog_bytes: &catalog_bytes,
        unit_name: need("--unit-name")?.to_string(),
        unit_code: need("--unit-code")?.to_string(),
        unit_group: args.value("--unit-group").unwrap_or("").to_string(),
        sheet: &sheet,
        submitted_on,
        created: match args.value("--date") {
            Some(d) => format!("{d}T00:00:00Z"),
            None => crate::clock::now_rfc3339(),
        },
    };
    let signed = sign_report(&request, &key).map_err(CliError::Sign)?;
    print!("{}", signed.json);
    eprintln!("sha256: {}", signed.sha256);
    Ok(true)
}
