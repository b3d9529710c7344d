//! The season as the office hands it on: a CSV file and an Excel workbook, from one table so
//! that both say the same. Headings are Vietnamese; numbers are numbers (points with up to three
//! decimals, as the catalog counts them in thousandths). Made from the season as the office view
//! shows it ([`SeasonView`]) with the office's appraisals beside the self-assessed results, so
//! the page and `tdg batch` export the same table.

use crate::appraisal::{rank_appraised, AppraisalFile, Appraised};
use crate::ranking::RankedEntry;
use crate::session::{CheckMark, CheckView, FileView, SeasonView};
use crate::standing::Standing;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use tdg_model::{Catalog, Lang};
use tdg_report::verdict_text::Check;

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
    fn vietnamese(&self) -> String {
        match self {
            ExportError::Xlsx(e) => format!("không ghi được tệp Excel: {e}"),
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for ExportError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
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

/// The tier's name in the catalog for the report's period (tiers are renamed over the years,
/// as the catalog says), or its id.
pub fn tier_name(catalog: Option<&Catalog>, id: &str, period: Option<i32>) -> String {
    catalog.and_then(|c| c.tier(id)).map_or_else(
        || id.to_owned(),
        |t| match period {
            Some(p) => t.name_for(p).get(Lang::Vi).to_owned(),
            None => t.name.get(Lang::Vi).to_owned(),
        },
    )
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

fn symbol(mark: CheckMark) -> &'static str {
    match mark {
        CheckMark::Pass => "✓",
        CheckMark::Fail => "✗",
        CheckMark::Note => "!",
    }
}

fn check_cell(line: &CheckView) -> Cell {
    text(format!("{} {}", symbol(line.mark), line.text.vi))
}

fn standing_text(standing: Standing) -> &'static str {
    match standing {
        Standing::Counted => "Được tính",
        Standing::Superseded { .. } => "Đã có báo cáo gửi sau thay thế",
        Standing::Failed => "Không đạt kiểm tra",
    }
}

/// The season with the office's appraisals, ready to be written out.
pub struct Export<'a> {
    pub view: &'a SeasonView,
    pub catalog: &'a Catalog,
    pub appraisals: &'a AppraisalFile,
    /// The ranking with the appraisals (the same as the view's without any).
    ranked: Vec<RankedEntry>,
    /// Per entry: its appraisal, if any.
    appraised: Vec<Option<Appraised>>,
    /// Per entry: its place in the view's (self-assessed) ranking and in the appraised one.
    own_place: Vec<Option<usize>>,
    appraised_place: Vec<Option<usize>>,
}

impl<'a> Export<'a> {
    pub fn new(
        view: &'a SeasonView,
        catalog: &'a Catalog,
        appraisals: &'a AppraisalFile,
    ) -> Export<'a> {
        let (ranked, appraised) = rank_appraised(
            &view.entries,
            &view.ranked,
            appraisals,
            catalog,
            catalog.tie_breakers(),
        );
        let places = |ranking: &[RankedEntry]| {
            let mut place = vec![None; view.entries.len()];
            for (i, r) in ranking.iter().enumerate() {
                if let Some(p) = place.get_mut(r.entry) {
                    *p = Some(i);
                }
            }
            place
        };
        Export {
            own_place: places(&view.ranked),
            appraised_place: places(&ranked),
            view,
            catalog,
            appraisals,
            ranked,
            appraised,
        }
    }

    /// The ranking with the appraisals: by the appraised total where there is one.
    pub fn ranked(&self) -> &[RankedEntry] {
        &self.ranked
    }

    /// The appraisal of an entry, if the office made one.
    pub fn appraised(&self, entry: usize) -> Option<&Appraised> {
        self.appraised.get(entry).and_then(Option::as_ref)
    }

    fn own_rank(&self, entry: usize) -> Option<&RankedEntry> {
        self.own_place
            .get(entry)
            .copied()
            .flatten()
            .map(|i| &self.view.ranked[i])
    }

    fn appraised_rank(&self, entry: usize) -> Option<&RankedEntry> {
        self.appraised_place
            .get(entry)
            .copied()
            .flatten()
            .map(|i| &self.ranked[i])
    }
}

/// One row per file: who, every check, the totals, band and rank, self-assessed and appraised.
pub fn reports_table(x: &Export) -> Table {
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
    // "Kiểm tra: …": a check's column is its verdict, next to the value columns it checks
    // ("Năm" beside "Kiểm tra: Năm báo cáo"; the walk-through read them as one column twice).
    headings.extend(
        Check::ALL
            .iter()
            .map(|c| format!("Kiểm tra: {}", c.heading(Lang::Vi))),
    );
    headings.extend(
        [
            "Tổng điểm đã ký",
            "Tổng điểm chính thức",
            "Xếp loại",
            "Thứ hạng",
            "Số đơn vị trong cụm, khối",
            "Điểm thẩm định",
            "Xếp loại thẩm định",
            "Thứ hạng sau thẩm định",
            "Tính vào xếp hạng",
            "Mã SHA-256",
        ]
        .map(String::from),
    );
    let rows = x
        .view
        .files
        .iter()
        .map(|f| match (&f.unreadable, f.entry) {
            (None, Some(entry)) => report_row(x, f, entry),
            (why, _) => {
                let mut cells = vec![text(&f.file)];
                cells.extend(std::iter::repeat_n(Cell::Empty, 5));
                cells.push(text("Không đọc được"));
                cells.push(text(
                    why.as_ref().map(|w| w.text.vi.as_str()).unwrap_or_default(),
                ));
                cells.extend(std::iter::repeat_n(
                    Cell::Empty,
                    headings.len() - cells.len(),
                ));
                cells
            }
        })
        .collect();
    Table {
        name: "Báo cáo".into(),
        headings,
        rows,
    }
}

fn report_row(x: &Export, f: &FileView, entry: usize) -> Vec<Cell> {
    let catalog = Some(x.catalog);
    let failures: Vec<&str> = f
        .checks
        .iter()
        .filter(|c| c.mark == CheckMark::Fail)
        .map(|c| c.text.vi.as_str())
        .collect();
    let (code, name, tier, group) = f.unit.as_ref().map_or_else(Default::default, |u| {
        (
            u.code.clone(),
            u.name.clone(),
            tier_name(catalog, &u.tier, f.period),
            group_name(catalog, &u.group),
        )
    });
    let mut cells = vec![
        text(&f.file),
        text(code),
        text(name),
        text(tier),
        text(group),
        f.period.map_or(Cell::Empty, |p| Cell::Number(f64::from(p))),
        text(if f.passes { "Đạt" } else { "Không đạt" }),
        text(failures.join("; ")),
    ];
    cells.extend(f.checks.iter().map(check_cell));
    let rank = x.own_rank(entry);
    let appraised = x.appraised(entry);
    cells.extend([
        f.signed_total.map_or(Cell::Empty, points),
        f.official_total.map_or(Cell::Empty, points),
        f.band
            .as_deref()
            .map_or(Cell::Empty, |b| text(band_name(catalog, b))),
        rank.map_or(Cell::Empty, |r| count(r.rank)),
        rank.map_or(Cell::Empty, |r| count(r.of)),
        appraised.map_or(Cell::Empty, |a| points(a.total)),
        appraised.map_or(Cell::Empty, |a| text(band_name(catalog, &a.band))),
        x.appraised_rank(entry)
            .map_or(Cell::Empty, |r| count(r.rank)),
        f.standing.map_or(Cell::Empty, |s| text(standing_text(s))),
        text(&f.sha256),
    ]);
    cells
}

/// Per tier, the counted reports with one column per criterion, ranked as the table ranks them
/// (by the appraised total where there is one).
pub fn tier_tables(x: &Export) -> Vec<Table> {
    let view = x.view;
    let catalog = Some(x.catalog);
    let mut tiers: Vec<&str> = x.ranked.iter().map(|r| r.tier.as_str()).collect();
    tiers.dedup();
    let counted: Vec<usize> = view.ranked.iter().map(|r| r.entry).collect();
    let stats = crate::stats::criterion_stats(&view.entries, &counted);
    tiers
        .into_iter()
        .map(|tier| {
            let criteria: Vec<&str> = stats
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
                "Điểm thẩm định",
            ]
            .map(String::from)
            .to_vec();
            // The criterion in its own words and its maximum, never its id (an office worker
            // reads the sheet, not the catalog file).
            let tier_def = x.catalog.tier(tier);
            headings.extend(criteria.iter().map(
                |id| match tier_def.and_then(|t| t.criterion(id)) {
                    Some(c) => format!(
                        "{} ({} đ)",
                        c.text.vi,
                        tdg_model::units::format_points(c.max_points, Lang::Vi)
                    ),
                    None => (*id).to_owned(),
                },
            ));
            let rows = x
                .ranked
                .iter()
                .filter(|r| r.tier == tier)
                .map(|r| {
                    let e = &view.entries[r.entry];
                    let mut cells = vec![
                        text(&e.unit.code),
                        text(&e.unit.name),
                        text(group_name(catalog, &r.group)),
                        count(r.rank),
                        points(e.total),
                        x.appraised(r.entry)
                            .map_or(Cell::Empty, |a| points(a.total)),
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
                name: sheet_name(&tier_name(catalog, tier, view.period)),
                headings,
                rows,
            }
        })
        .collect()
}

/// The appraisals of this season's ranked units: one row per appraised criterion, with the
/// unit's own points beside the appraised ones and the reason.
pub fn appraisal_table(x: &Export) -> Table {
    let view = x.view;
    let catalog = x.catalog;
    let mut rows = Vec::new();
    for r in &view.ranked {
        let e = &view.entries[r.entry];
        let Some(unit) = x.appraisals.unit(&e.unit.tier, &e.unit.code) else {
            continue;
        };
        for a in &unit.criteria {
            let own = e.criteria.iter().find(|c| c.id == a.criterion);
            let criterion_text = catalog
                .tier(&e.unit.tier)
                .and_then(|t| t.criterion(&a.criterion))
                .map(|c| c.text.get(Lang::Vi).to_owned())
                .unwrap_or_default();
            rows.push(vec![
                text(&e.unit.code),
                text(&e.unit.name),
                text(tier_name(Some(catalog), &e.unit.tier, Some(e.period))),
                text(group_name(Some(catalog), &r.group)),
                text(&a.criterion),
                text(criterion_text),
                own.map_or(Cell::Empty, |c| points(c.points)),
                points(a.milli_points),
                own.map_or(Cell::Empty, |c| points(c.max)),
                text(&a.reason),
            ]);
        }
    }
    Table {
        name: "Thẩm định".into(),
        headings: [
            "Mã đơn vị",
            "Tên đơn vị",
            "Cấp",
            "Cụm, khối thi đua",
            "Mã tiêu chí",
            "Tiêu chí",
            "Điểm tự đánh giá",
            "Điểm thẩm định",
            "Điểm tối đa",
            "Lý do thẩm định",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The registered units with no counted report.
pub fn missing_table(x: &Export) -> Table {
    let view = x.view;
    let catalog = Some(x.catalog);
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
        rows: view
            .missing
            .iter()
            .map(|m| {
                vec![
                    text(&m.unit.code),
                    text(&m.unit.name),
                    text(tier_name(catalog, &m.unit.tier, view.period)),
                    text(group_name(catalog, &m.unit.group)),
                    text(
                        m.failed
                            .iter()
                            .filter_map(|&i| view.entries.get(i))
                            .map(|e| e.file.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ]
            })
            .collect(),
    }
}

/// Every file that does not count because it failed, with why, in both languages.
pub fn failures_table(view: &SeasonView) -> Table {
    let rows = view
        .files
        .iter()
        .filter_map(|f| {
            let (vi, en) = match (&f.unreadable, f.standing) {
                (Some(why), _) => (why.text.vi.clone(), why.text.en.clone()),
                (None, Some(Standing::Failed)) => {
                    let failed: Vec<&CheckView> = f
                        .checks
                        .iter()
                        .filter(|l| l.mark == CheckMark::Fail)
                        .collect();
                    let join = |pick: fn(&CheckView) -> &str| {
                        failed
                            .iter()
                            .map(|l| pick(l))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    (join(|l| &l.text.vi), join(|l| &l.text.en))
                }
                _ => return None,
            };
            Some(vec![text(&f.file), text(vi), text(en)])
        })
        .collect();
    Table {
        name: "Tệp lỗi".into(),
        // Vietnamese headings, as every sheet's; the reason is given in both languages.
        headings: ["Tệp", "Lý do", "Lý do (tiếng Anh)"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// Excel's longest sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;

/// Excel refuses sheet names over 31 characters or with `[]:*?/\`: a longer name is cut after
/// its last whole word that fits ("Sở, ban, ngành, đơn vị thuộc", never "… thuộc th"), without a
/// trailing comma.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    fit_words(clean.trim(), SHEET_NAME_MAX)
}

/// `text` cut to at most `max` characters on a word boundary (a single word too long is cut).
fn fit_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if next.chars().count() > max {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    out.trim_end_matches([',', ';', ' ', '-', '–']).to_owned()
}

/// Sheet names unique as Excel compares them (whatever the case): a repeated one gets " (2)",
/// " (3)"…, its words cut to leave room.
fn unique_sheet_names(names: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    names
        .iter()
        .map(|name| {
            let mut candidate = name.clone();
            let mut n = 2;
            while seen.contains(&candidate.to_lowercase()) {
                let suffix = format!(" ({n})");
                candidate = format!(
                    "{}{suffix}",
                    fit_words(name, SHEET_NAME_MAX - suffix.chars().count())
                );
                n += 1;
            }
            seen.push(candidate.to_lowercase());
            candidate
        })
        .collect()
}

/// The reports table as CSV for programs (`tdg batch --csv`): numbers with a decimal point.
pub fn csv(x: &Export) -> String {
    csv_in(x, Lang::En)
}

/// The reports table as CSV: UTF-8 with a byte-order mark (without it Excel reads the
/// Vietnamese as mojibake), comma-separated, every text quoted. Points have up to three
/// decimals, and Excel in the Vietnamese locale reads "." as the thousands separator (30.911
/// points would be read as 30 911): in `Lang::Vi` a decimal is written the Vietnamese way,
/// quoted ("30,911"), which that Excel reads as the number; in `Lang::En` as 30.911.
pub fn csv_in(x: &Export, lang: Lang) -> String {
    let table = reports_table(x);
    let mut out = String::from('\u{feff}');
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(table.headings.iter().map(|h| quote(h)).collect()));
    for row in &table.rows {
        out.push_str(&line(
            row.iter()
                .map(|c| match c {
                    Cell::Text(s) => quote(s),
                    Cell::Number(n) if lang == Lang::Vi && n.fract() != 0.0 => {
                        quote(&n.to_string().replace('.', ","))
                    }
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        ));
    }
    out
}

/// The workbook: the reports, one sheet per tier, the appraisals (when there are any), the
/// units that did not submit, the files that failed.
pub fn xlsx(x: &Export) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let heading = Format::new().set_bold().set_text_wrap();
    let decimal = Format::new().set_num_format("0.###");
    let mut tables = vec![reports_table(x)];
    tables.extend(tier_tables(x));
    let appraisals = appraisal_table(x);
    if !appraisals.rows.is_empty() {
        tables.push(appraisals);
    }
    tables.push(missing_table(x));
    tables.push(failures_table(x.view));
    let names = unique_sheet_names(&tables.iter().map(|t| t.name.clone()).collect::<Vec<_>>());
    for (table, name) in tables.iter().zip(&names) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sheet_name_is_cut_on_a_word_and_repeated_names_are_told_apart() {
        assert_eq!(
            sheet_name("Sở, ban, ngành, đơn vị thuộc thành phố"),
            "Sở, ban, ngành, đơn vị thuộc"
        );
        assert_eq!(
            sheet_name("Cấp xã, phường, đặc khu"),
            "Cấp xã, phường, đặc khu"
        );
        assert_eq!(sheet_name("a/b[c]"), "abc");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
        let names: Vec<String> = [
            "Báo cáo",
            "Sở, ban, ngành, đơn vị thuộc",
            "sở, ban, ngành, đơn vị thuộc",
            "Sở, ban, ngành, đơn vị thuộc",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            unique_sheet_names(&names),
            [
                "Báo cáo",
                "Sở, ban, ngành, đơn vị thuộc",
                "sở, ban, ngành, đơn vị (2)",
                "Sở, ban, ngành, đơn vị (3)"
            ]
        );
        assert_eq!(Check::Results.heading(Lang::Vi), "Kiểm tra chấm lại");
        assert_eq!(Check::Key.heading(Lang::Vi), "Khóa đã đăng ký");
    }
}
