//! `tdg demo-season`: writes the demonstration season (`tdg_office::demo`) to a folder, for the
//! office view's tests, for workshops and for trying `tdg batch`.

use crate::args::Args;
use crate::error::{read, CliError};
use crate::verify_cmd::{date_flag, year_flag};
use tdg_model::Date;

pub const USAGE: &str = "\
usage: tdg demo-season --catalog FILE --out DIR [--period YEAR] [--received YYYY-MM-DD]

  Writes a demonstration season into DIR (which must not exist): trust.json, doc-truoc.txt and
  bao-cao/*.json: 114 communes in 15 clusters, 160 departments in 20 blocks, 4 units that do not
  submit, one report sent twice, and one defective file of each kind the office must catch
  (bao-cao/loi-*.json). Every name says it is demonstration data; its keys come from a fixed
  seed and must never be used for anything real.
  --period    the reporting year (default 2026)
  --received  the day the office receives the batch (default 27/11 of the period)";

pub fn run(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(raw, &["--catalog", "--out", "--period", "--received"], &[])?;
    let (Some(catalog_path), Some(out), true) = (
        args.value("--catalog"),
        args.value("--out"),
        args.positional.is_empty(),
    ) else {
        return Err(CliError::Usage(USAGE.into()));
    };
    let period = year_flag(&args)?.unwrap_or(2026);
    let received = match date_flag(&args, "--received")? {
        Some(day) => day,
        None => Date::new(period, 11, 27)
            .ok_or_else(|| CliError::Invalid(format!("--period {period} has no 27 November")))?,
    };
    let catalog_bytes = read(catalog_path)?;
    let (files, _) = tdg_office::demo::season_with_trust(&catalog_bytes, period, received)
        .map_err(|e| CliError::Invalid(format!("{catalog_path}: {e}")))?;
    let out = std::path::Path::new(out);
    let write_err = |path: &std::path::Path, source| CliError::Write {
        path: path.display().to_string(),
        source,
    };
    // Never into an existing folder: a season must not mix with real reports.
    std::fs::create_dir(out).map_err(|e| write_err(out, e))?;
    for f in &files {
        let path = out.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| write_err(dir, e))?;
        }
        std::fs::write(&path, &f.bytes).map_err(|e| write_err(&path, e))?;
    }
    println!(
        "{} tệp minh hoạ đã ghi vào / demonstration files written to {}",
        files.len(),
        out.display()
    );
    Ok(true)
}
