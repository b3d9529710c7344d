//! `tdg catalog check FILE...`: every problem of every catalog, located.

use crate::args::Args;
use crate::error::{read, CliError};
use tdg_model::Localized;
use tdg_model::{Catalog, Lang};

/// Returns Ok(true) when every catalog is valid.
pub fn check(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let paths = Args::parse(raw, &[], &[])?.positional;
    if paths.is_empty() {
        return Err(CliError::Usage("usage: tdg catalog check FILE...".into()));
    }
    let mut all_ok = true;
    for path in &paths {
        let bytes = read(path)?;
        match Catalog::from_json(&bytes) {
            Ok(c) => {
                let criteria: usize = c.tiers.iter().map(|t| t.criteria.len()).sum();
                println!(
                    "{path}: hợp lệ / valid — {} {} ({} tiers, {criteria} criteria)",
                    c.id,
                    c.version,
                    c.tiers.len()
                );
                println!(
                    "  căn cứ / basis: {}",
                    tdg_model::citation::basis_line(&c.basis, Lang::Vi)
                );
            }
            Err(tdg_model::CatalogError::Invalid(problems)) => {
                all_ok = false;
                println!("{path}: {} lỗi / problems", problems.len());
                for p in &problems {
                    println!("  - {}\n    {}", p.message(Lang::Vi), p.message(Lang::En));
                }
            }
            Err(e) => {
                all_ok = false;
                println!("{path}: {}\n  {}", e.message(Lang::Vi), e.message(Lang::En));
            }
        }
    }
    Ok(all_ok)
}
