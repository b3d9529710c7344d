//! The season as the office hands it on: a CSV file and an Excel workbook, from one table so
//! that both say the same. Headings are Vietnamese; numbers are numbers (points with up to three
//! decimals, as the catalog counts them in thousandths).

use crate::analysis::{Analysis, RowOutcome};
use crate::standing::Standing;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use tdg_model::{Catalog, Lang};
use tdg_report::verdict_text::{report_error_vi, Check, CheckLine, Mark};
use tdg_report::Verdict;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// A sheet's worth of rows under its headings.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the workbook could not be written: {0}")]
    Xlsx(#[from] XlsxError),
}

impl ExportError {
    pub fn message_vi(&self) -> String {
        match self {
            ExportError::Xlsx(e) => format!("không ghi được tệp Excel: {e}"),
        }
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// Points in thousandths, as a number of points.
fn points(milli: u32) -> Cell {
    Cell::Number(f64::from(milli) / 1000.0)
}

fn count(n: u32) -> Cell {
    Cell::Number(f64::from(n))
}

/// The tier's name in the catalog, or its id.
pub fn tier_name(catalog: Option<&Catalog>, id: &str) -> String {
    catalog
        .and_then(|c| c.tier(id))
        .map_or_else(|| id.to_owned(), |t| t.name.get(Lang::Vi).to_owned())
}

/// The band's name in the catalog, or its id.
pub fn band_name(catalog: Option<&Catalog>, id: &str) -> String {
    catalog.map_or_else(
        || id.to_owned(),
        |c| tdg_model::explain::band_name(c, id, Lang::Vi),
    )
}

/// A cluster or block as people read it: its name where the catalog lists it (reports and
/// trust lists carry the id), otherwise the text the unit typed.
pub fn group_name(catalog: Option<&Catalog>, group: &str) -> String {
    catalog
        .and_then(|c| c.emulation_groups.iter().find(|g| g.id == group))
        .map_or_else(|| group.to_owned(), |g| g.name.get(Lang::Vi).to_owned())
}

fn check_cell(line: &CheckLine) -> Cell {
    text(format!("{} {}", line.mark.symbol(), line.vi))
}

fn standing_text(standing: Standing) -> &'static str {
    match standing {
        Standing::Counted => "Được tính",
        Standing::Superseded { .. } => "Đã có báo cáo gửi sau thay thế",
        Standing::Failed => "Không đạt kiểm tra",
    }
}

/// One row per file: who, every check, the totals, band and rank.
pub fn reports_table(a: &Analysis, catalog: Option<&Catalog>) -> Table {
    let mut headings: Vec<String> = [
        "Tệp",
        "Mã đơn vị",
        "Tên đơn vị",
        "Cấp",
        "Cụm, khối thi đua",
        "Năm",
        "Kết quả kiểm tra",
        "Lý do không đạt",
    ]
    .map(String::from)
    .to_vec();
    headings.extend(Check::ALL.iter().map(|c| c.heading(Lang::Vi).to_owned()));
    headings.extend(
        [
            "Tổng điểm đã ký",
            "Tổng điểm chính thức",
            "Xếp loại",
            "Thứ hạng",
            "Số đơn vị trong cụm, khối",
            "Tính vào xếp hạng",
            "SHA-256",
        ]
        .map(String::from),
    );
    let rows = a
        .rows
        .iter()
        .map(|row| match &row.outcome {
            RowOutcome::Unreadable(e) => {
                let mut cells = vec![text(&row.file)];
                cells.extend(std::iter::repeat_n(Cell::Empty, 5));
                cells.push(text("Không đọc được"));
                cells.push(text(report_error_vi(e)));
                cells.extend(std::iter::repeat_n(
                    Cell::Empty,
                    headings.len() - cells.len(),
                ));
                cells
            }
            RowOutcome::Report {
                verdict,
                standing,
                rank,
                ..
            } => report_row(&row.file, verdict, *standing, rank.as_ref(), catalog),
        })
        .collect();
    Table {
        name: "Báo cáo".into(),
        headings,
        rows,
    }
}

fn report_row(
    file: &str,
    v: &Verdict,
    standing: Standing,
    rank: Option<&crate::ranking::RankedEntry>,
    catalog: Option<&Catalog>,
) -> Vec<Cell> {
    let checks: Vec<CheckLine> = Check::ALL.iter().map(|c| c.line(v)).collect();
    let failures: Vec<&str> = checks
        .iter()
        .filter(|c| c.mark == Mark::Fail)
        .map(|c| c.vi.as_str())
        .collect();
    let mut cells = vec![
        text(file),
        text(&v.unit.code),
        text(&v.unit.name),
        text(tier_name(catalog, &v.unit.tier)),
        text(group_name(catalog, &v.unit.group)),
        Cell::Number(f64::from(v.period)),
        text(if v.passes() {
            "Đạt"
        } else {
            "Không đạt"
        }),
        text(failures.join("; ")),
    ];
    cells.extend(checks.iter().map(check_cell));
    cells.extend([
        points(v.stored_total),
        v.official_total().map_or(Cell::Empty, points),
        text(band_name(catalog, &v.stored_band)),
        rank.map_or(Cell::Empty, |r| count(r.rank)),
        rank.map_or(Cell::Empty, |r| count(r.of)),
        text(standing_text(standing)),
        text(&v.sha256),
    ]);
    cells
}

/// Per tier, the counted reports with one column per criterion.
pub fn tier_tables(a: &Analysis, catalog: Option<&Catalog>) -> Vec<Table> {
    let mut tiers: Vec<&str> = a.ranked.iter().map(|r| r.tier.as_str()).collect();
    tiers.dedup();
    tiers
        .into_iter()
        .map(|tier| {
            let criteria: Vec<&str> = a
                .criteria
                .iter()
                .filter(|c| c.tier == tier)
                .map(|c| c.criterion.as_str())
                .collect();
            let mut headings: Vec<String> = [
                "Mã đơn vị",
                "Tên đơn vị",
                "Cụm, khối thi đua",
                "Thứ hạng",
                "Tổng điểm",
            ]
            .map(String::from)
            .to_vec();
            headings.extend(criteria.iter().map(|c| (*c).to_owned()));
            let rows = a
                .ranked
                .iter()
                .filter(|r| r.tier == tier)
                .map(|r| {
                    let e = &a.entries[r.entry];
                    let mut cells = vec![
                        text(&e.unit.code),
                        text(&e.unit.name),
                        text(group_name(catalog, &r.group)),
                        count(r.rank),
                        points(e.total),
                    ];
                    cells.extend(criteria.iter().map(|id| {
                        e.criteria
                            .iter()
                            .find(|c| c.id == *id)
                            .map_or(Cell::Empty, |c| points(c.points))
                    }));
                    cells
                })
                .collect();
            Table {
                name: sheet_name(&tier_name(catalog, tier)),
                headings,
                rows,
            }
        })
        .collect()
}

/// The registered units with no counted report.
pub fn missing_table(a: &Analysis, catalog: Option<&Catalog>) -> Table {
    Table {
        name: "Chưa nộp".into(),
        headings: [
            "Mã đơn vị",
            "Tên đơn vị",
            "Cấp",
            "Cụm, khối thi đua",
            "Tệp đã gửi nhưng không đạt",
        ]
        .map(String::from)
        .to_vec(),
        rows: a
            .missing
            .iter()
            .map(|m| {
                vec![
                    text(&m.unit.code),
                    text(&m.unit.name),
                    text(tier_name(catalog, &m.unit.tier)),
                    text(group_name(catalog, &m.unit.group)),
                    text(
                        m.failed
                            .iter()
                            .map(|&i| a.entries[i].file.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ]
            })
            .collect(),
    }
}

/// Every file that does not count because it failed, with why, in both languages.
pub fn failures_table(a: &Analysis) -> Table {
    let rows = a
        .rows
        .iter()
        .filter_map(|row| {
            let (vi, en) = match &row.outcome {
                RowOutcome::Unreadable(e) => (report_error_vi(e), e.to_string()),
                RowOutcome::Report {
                    verdict,
                    standing: Standing::Failed,
                    ..
                } => {
                    let failed: Vec<CheckLine> = Check::ALL
                        .iter()
                        .map(|c| c.line(verdict))
                        .filter(|l| l.mark == Mark::Fail)
                        .collect();
                    let join = |pick: fn(&CheckLine) -> &str| {
                        failed.iter().map(pick).collect::<Vec<_>>().join("; ")
                    };
                    (join(|l| &l.vi), join(|l| &l.en))
                }
                RowOutcome::Report { .. } => return None,
            };
            Some(vec![text(&row.file), text(vi), text(en)])
        })
        .collect();
    Table {
        name: "Tệp lỗi".into(),
        headings: ["Tệp", "Lý do", "Reason"].map(String::from).to_vec(),
        rows,
    }
}

/// Excel refuses sheet names over 31 characters or with `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The reports table as CSV: UTF-8 with a byte-order mark (without it Excel reads the
/// Vietnamese as mojibake), comma-separated, every text quoted.
pub fn csv(a: &Analysis, catalog: Option<&Catalog>) -> String {
    let table = reports_table(a, catalog);
    let mut out = String::from('\u{feff}');
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(table.headings.iter().map(|h| quote(h)).collect()));
    for row in &table.rows {
        out.push_str(&line(
            row.iter()
                .map(|c| match c {
                    Cell::Text(s) => quote(s),
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        ));
    }
    out
}

/// The workbook: the reports, one sheet per tier, the units that did not submit, the files
/// that failed.
pub fn xlsx(a: &Analysis, catalog: Option<&Catalog>) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let heading = Format::new().set_bold().set_text_wrap();
    let decimal = Format::new().set_num_format("0.###");
    let mut tables = vec![reports_table(a, catalog)];
    tables.extend(tier_tables(a, catalog));
    tables.push(missing_table(a, catalog));
    tables.push(failures_table(a));
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.name)?;
        for (col, h) in (0u16..).zip(&table.headings) {
            sheet.write_string_with_format(0, col, h, &heading)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&table.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string(row, col, s)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number_with_format(row, col, *n, &decimal)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.autofit();
    }
    Ok(workbook.save_to_buffer()?)
}
