//! `tdg score`: the breakdown of one answers file, as a table or JSON.

use crate::args::Args;
use crate::error::{load_catalog, read, CliError};
use tdg_model::gap::{advice, Advice};
use tdg_model::{score, AnswerSheet, Assessment, Date, Lang};

const VALUE_FLAGS: &[&str] = &[
    "--catalog",
    "--tier",
    "--variant",
    "--period",
    "--submitted",
    "--lang",
];

/// Returns Ok(true) when the answers have no field-level error.
pub fn run(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(raw, VALUE_FLAGS, &["--json"])?;
    let catalog_path = args
        .value("--catalog")
        .ok_or_else(|| CliError::Usage("tdg score needs --catalog FILE".into()))?;
    let [answers_path] = args.positional.as_slice() else {
        return Err(CliError::Usage(
            "tdg score needs exactly one ANSWERS.json".into(),
        ));
    };
    let catalog = load_catalog(catalog_path)?;
    let sheet = scoped(
        &catalog,
        sheet_with_flags(load_sheet(answers_path)?, &args)?,
    );
    let assessment = score(&catalog, &sheet)?;
    if args.has("--json") {
        print_json(&assessment, &advice(&catalog, &sheet, &assessment));
    } else {
        let lang = match args.value("--lang") {
            None | Some("vi") => Lang::Vi,
            Some("en") => Lang::En,
            Some(other) => {
                return Err(CliError::Invalid(format!(
                    "--lang takes vi or en, not '{other}'"
                )))
            }
        };
        print!(
            "{}",
            crate::table::render(&catalog, &sheet, &assessment, lang)
        );
    }
    Ok(assessment.errors.is_empty())
}

/// The answers of the sheet's tier and variant; the others are named on stderr, not scored.
pub fn scoped(catalog: &tdg_model::Catalog, sheet: AnswerSheet) -> AnswerSheet {
    let scoped = tdg_model::scored_sheet(catalog, &sheet);
    if !scoped.set_aside.is_empty() {
        let ids = scoped.set_aside.join(", ");
        eprintln!(
            "chú ý: không chấm (không thuộc cấp, phân loại đã chọn): {ids}
             note: not scored (not criteria of the chosen tier and variant): {ids}"
        );
    }
    scoped.sheet
}

/// Reads an answers file strictly: integers only within ±(2^53−1), every problem located.
pub fn load_sheet(path: &str) -> Result<AnswerSheet, CliError> {
    AnswerSheet::from_json(&read(path)?).map_err(|error| CliError::AnswerSheet {
        path: path.to_string(),
        error,
    })
}

/// Flags override the file; a file without tier or period needs the flag.
pub fn sheet_with_flags(mut sheet: AnswerSheet, args: &Args) -> Result<AnswerSheet, CliError> {
    if let Some(tier) = args.value("--tier") {
        sheet.tier = tier.to_string();
    }
    if let Some(variant) = args.value("--variant") {
        sheet.variant = Some(variant.to_string());
    }
    if let Some(period) = args.value("--period") {
        sheet.period = period.parse().map_err(|_| {
            CliError::Invalid(format!(
                "--period takes a year such as 2026, not '{period}'"
            ))
        })?;
    }
    if let Some(date) = args.value("--submitted") {
        sheet.submitted_on =
            Some(Date::parse_iso(date).map_err(|e| CliError::Invalid(e.to_string()))?);
    }
    if sheet.tier.is_empty() {
        return Err(CliError::Invalid(
            "no tier: give --tier ID or \"tier\" in the answers file".into(),
        ));
    }
    if sheet.period == 0 {
        return Err(CliError::Invalid(
            "no period: give --period YEAR or \"period\" in the answers file".into(),
        ));
    }
    Ok(sheet)
}

fn print_json(assessment: &Assessment, advice: &Advice) {
    let value = serde_json::json!({ "assessment": assessment, "advice": advice });
    match serde_json::to_string_pretty(&value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("error: {e}"),
    }
}
