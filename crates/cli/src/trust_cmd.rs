//! `tdg trust convert`: a version 1 trust list (keys bound to unit codes only) to version 2, with
//! each unit's tier, variant, cluster or block and validity taken from a CSV.

use crate::args::Args;
use crate::error::{read, CliError};
use tdg_model::Localized;
use tdg_report::trust::{convert_v1, read_unit_csv, CSV_HEADER};

pub const USAGE: &str = "\
usage: tdg trust convert --csv UNITS.csv OLD.json > NEW.json

  Converts a version 1 trust list to version 2. UNITS.csv starts with the header line
    unitCode,tier,variant,group,validFrom,validUntil
  and has one row per unit of the old list (variant and validUntil may be empty; dates are
  YYYY-MM-DD; quote a field that holds a comma). Nothing is guessed: a unit without a row stops
  the conversion. A row for a unit with no key in the old list is named and left out (an entry
  of the new list is a key).";

pub fn run(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(raw, &["--csv"], &[])?;
    let (Some(csv_path), [old_path]) = (args.value("--csv"), args.positional.as_slice()) else {
        return Err(CliError::Usage(USAGE.into()));
    };
    let csv = String::from_utf8(read(csv_path)?).map_err(|_| CliError::Bilingual {
        text: tdg_model::Text::new(
            format!("{csv_path} không phải văn bản UTF-8"),
            format!("{csv_path} is not UTF-8 text"),
        ),
    })?;
    let convert = |e: tdg_report::trust::ConvertError| CliError::Bilingual {
        text: tdg_model::Text::new(e.message(tdg_model::Lang::Vi), e.to_string()),
    };
    let rows = read_unit_csv(&csv).map_err(convert)?;
    let list = convert_v1(&read(old_path)?, &rows).map_err(convert)?;
    let text = serde_json::to_string_pretty(&list).map_err(|e| CliError::Invalid(e.to_string()))?;
    println!("{text}");
    eprintln!(
        "{} khóa đã chuyển / {} key(s) converted ({CSV_HEADER})",
        list.keys.len(),
        list.keys.len()
    );
    // A row for a unit the old list has no key for cannot become an entry (an entry is a key):
    // said, so that an office that listed a new unit there knows to register its key.
    // `convert_v1` keeps every key of the old list (a key without a row stops it), so the units
    // with no entry in the new list are those with no key in the old one.
    let left_out: Vec<&str> = rows
        .iter()
        .map(|r| r.unit_code.as_str())
        .filter(|code| !list.keys.iter().any(|k| k.unit_code == *code))
        .collect();
    if !left_out.is_empty() {
        let codes = left_out.join(", ");
        eprintln!(
            "{} đơn vị trong tệp CSV chưa có khóa trong danh sách cũ nên không được đưa vào danh \
             sách mới: {codes}. Hãy đăng ký khóa của các đơn vị này tại mục “Sổ đăng ký đơn vị \
             và khóa” trên trang của cơ quan tiếp nhận (office.html).\n\
             {} unit(s) of the CSV file have no key in the old list and are not in the new one: \
             {codes}. Register their keys in “Unit register and keys” on the office page \
             (office.html).",
            left_out.len(),
            left_out.len()
        );
    }
    Ok(true)
}
