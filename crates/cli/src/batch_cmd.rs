//! `tdg batch`: a season's reports verified and re-scored on every core, ranked inside each tier
//! and cluster or block, with the failures and the units that did not submit; optionally written
//! to CSV and Excel. The same analysis as the office view (`tdg-office`).

use crate::args::Args;
use crate::batch_input::gather;
use crate::error::{read, CliError};
use crate::verify_cmd::{date_flag, load_catalogs, load_trust, printable, year_flag};
use tdg_model::units::format_points;
use tdg_model::Lang;
use tdg_model::Localized;
use tdg_office::analysis::{analyse_outcomes, Analysis, RowOutcome};
use tdg_office::appraisal::{self, AppraisalFile};
use tdg_office::archive::Handed;
use tdg_office::export::{self, Export};
use tdg_office::intake::{most_declared_period, verify_all, Season, SeasonFile};
use tdg_office::session::season_view;
use tdg_office::Standing;
use tdg_report::verdict_text::{report_error_vi, Mark};
use tdg_report::verify::ReportError;

pub const USAGE: &str = "\
usage: tdg batch --trust TRUST.json --catalog FILE [--catalog FILE]... [--period YEAR]
                 [--received YYYY-MM-DD] [--appraisal FILE] [--csv OUT.csv]
                 [--xlsx OUT.xlsx] [--json] PATH...

  PATH        a report file, a folder (read with its subfolders) or a .zip archive
  --trust     the office's trust list (version 2); its units are the register: those without
              a report that counts are listed as not submitted
  --catalog   a published catalog (repeat for several versions)
  --period    the reporting year being collected (default: the year most reports declare)
  --received  the day the office received the batch: sets the official timing; without it
              timing is not checked and units are ranked by their signed totals
  --appraisal the office's appraisal file (thẩm định, as the office view exports it): the
              appraised totals, bands and ranks beside the self-assessed ones
  --csv       write one row per file (UTF-8 with BOM, for Excel)
  --xlsx      write the workbook: reports, one sheet per tier, appraisals, not submitted,
              failed files

Exit status 0 when every file passes, 1 when some fail (listed), 2 on wrong usage.";

pub fn run(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(
        raw,
        &[
            "--trust",
            "--catalog",
            "--period",
            "--received",
            "--appraisal",
            "--csv",
            "--xlsx",
        ],
        &["--json"],
    )?;
    let (Some(trust_path), false, false) = (
        args.value("--trust"),
        args.all("--catalog").is_empty(),
        args.positional.is_empty(),
    ) else {
        return Err(CliError::Usage(USAGE.into()));
    };
    let catalogs = load_catalogs(&args)?;
    let trust = load_trust(trust_path, &read(trust_path)?)?;
    let received_on = date_flag(&args, "--received")?;
    let (handed, skipped) = gather(&args.positional);
    let readable: Vec<(&Handed, &[u8])> = handed
        .iter()
        .filter_map(|h| h.bytes.as_deref().ok().map(|b| (h, b)))
        .collect();
    let files: Vec<SeasonFile> = readable
        .iter()
        .map(|(h, bytes)| SeasonFile {
            name: &h.name,
            bytes,
            received_on,
        })
        .collect();
    let period = match year_flag(&args)? {
        Some(year) => year,
        None => most_declared_period(&files).ok_or_else(|| CliError::Bilingual {
            text: tdg_model::Text::new(
                "không có báo cáo nào đọc được để suy ra năm báo cáo: hãy cho --period NĂM",
                "no readable report to tell the reporting year from: give --period YEAR",
            ),
        })?,
    };
    let season = Season {
        catalogs: &catalogs,
        trust: &trust,
        period,
    };
    let Some(catalog) = catalogs.first().map(|k| &k.catalog) else {
        return Err(CliError::Usage(USAGE.into()));
    };
    let appraisals = match args.value("--appraisal") {
        None => AppraisalFile::default(),
        Some(path) => appraisal::parse(&read(path)?, catalog).map_err(|e| CliError::Bilingual {
            text: tdg_model::Text::new(
                format!("{path}: {}", e.message(tdg_model::Lang::Vi)),
                format!("{path}: {e}"),
            ),
        })?,
    };
    // The tie-breakers are the catalog's (default model): an office changes them there.
    let analysis = analyse_outcomes(
        &season,
        &files,
        verify_all(&season, &files),
        catalog.tie_breakers(),
    );
    let unread: Vec<&Handed> = handed.iter().filter(|h| h.bytes.is_err()).collect();
    let view = season_view(
        &analysis,
        &unread
            .iter()
            .filter_map(|h| {
                h.bytes
                    .as_ref()
                    .err()
                    .map(|why| (h.name.clone(), why.clone()))
            })
            .collect::<Vec<_>>(),
        &skipped,
        Some(period),
        received_on,
    );
    let exported = Export::new(&view, catalog, &appraisals);
    write_exports(&args, &exported)?;
    if args.has("--json") {
        println!(
            "{}",
            json(&analysis, &unread, &skipped, period, received_on.is_some())
        );
    } else {
        print!(
            "{}",
            text(&analysis, &exported, &unread, &skipped, period, received_on)
        );
    }
    Ok(analysis.failed_files() == 0 && unread.is_empty())
}

fn write_exports(args: &Args, x: &Export) -> Result<(), CliError> {
    let write = |path: &str, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|source| CliError::Write {
            path: path.to_owned(),
            source,
        })
    };
    if let Some(path) = args.value("--csv") {
        write(path, export::csv(x).as_bytes())?;
    }
    if let Some(path) = args.value("--xlsx") {
        let bytes = export::xlsx(x).map_err(|e| CliError::Bilingual {
            text: tdg_model::Text::new(
                format!("{path}: {}", e.message(tdg_model::Lang::Vi)),
                format!("{path}: {e}"),
            ),
        })?;
        write(path, &bytes)?;
    }
    Ok(())
}

fn text(
    a: &Analysis,
    x: &Export,
    unread: &[&Handed],
    skipped: &[String],
    period: i32,
    received_on: Option<tdg_model::Date>,
) -> String {
    let catalog = Some(x.catalog);
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&printable(&s));
        out.push('\n');
    };
    line(format!("Năm báo cáo / period {period}"));
    match received_on {
        Some(day) => line(format!(
            "ngày nhận / received {}: xếp hạng theo tổng điểm chính thức / ranked by official totals",
            day.display_vn()
        )),
        None => line(
            "chưa kiểm tra thời hạn (không có --received): xếp hạng theo tổng điểm đã ký / \
             timing not checked (no --received): ranked by the signed totals"
                .into(),
        ),
    }
    line(String::new());
    line("XẾP HẠNG / RANKING".into());
    let mut heading = None;
    // Ranked by the appraised total where the office appraised a unit (--appraisal).
    for r in x.ranked() {
        if heading != Some((&r.tier, &r.group)) {
            heading = Some((&r.tier, &r.group));
            let tier = export::tier_name(catalog, &r.tier, Some(period));
            let group = if r.group.is_empty() {
                "—".to_owned()
            } else {
                export::group_name(catalog, &r.group)
            };
            line(format!("{tier} · {group} ({} đơn vị / units)", r.of));
        }
        let e = &a.entries[r.entry];
        let band = export::band_name(catalog, &e.band);
        let appraised = x.appraised(r.entry).map_or_else(String::new, |ap| {
            format!(
                "  thẩm định / appraised {} {}",
                format_points(ap.total, Lang::Vi),
                export::band_name(catalog, &ap.band)
            )
        });
        line(format!(
            "  {:>3}{} {:<14} {:<32} {:>7}  {band}{appraised}",
            r.rank,
            if r.tied { "=" } else { " " },
            e.unit.code,
            e.unit.name,
            format_points(e.total, Lang::Vi),
        ));
    }
    line(String::new());
    line("TỆP KHÔNG ĐẠT / FILES THAT FAIL".into());
    for row in &a.rows {
        match &row.outcome {
            RowOutcome::Unreadable(e) => {
                line(format!("  {}", row.file));
                line(format!("    ✗ {} / {}", report_error_vi(e), e));
            }
            RowOutcome::Report {
                verdict,
                standing: Standing::Failed,
                checks,
                ..
            } => {
                line(format!("  {} ({})", row.file, verdict.unit.code));
                for c in checks.iter().filter(|c| c.mark == Mark::Fail) {
                    line(format!("    ✗ {} / {}", c.text.vi, c.text.en));
                }
            }
            RowOutcome::Report { .. } => {}
        }
    }
    for h in unread {
        if let Err(why) = &h.bytes {
            line(format!(
                "  {}\n    ✗ {} / {}",
                h.name, why.text.vi, why.text.en
            ));
        }
    }
    let superseded: Vec<String> = a
        .rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Report {
                standing: Standing::Superseded { by },
                ..
            } => Some(format!("  {} → {}", row.file, a.entries[*by].file)),
            _ => None,
        })
        .collect();
    if !superseded.is_empty() {
        line(String::new());
        line("ĐÃ CÓ BÁO CÁO GỬI SAU THAY THẾ / REPLACED BY A LATER REPORT".into());
        superseded.into_iter().for_each(&mut line);
    }
    line(String::new());
    line("CHƯA NỘP / NOT SUBMITTED".into());
    for m in &a.missing {
        line(format!(
            "  {:<14} {} ({})",
            m.unit.code, m.unit.name, m.unit.group
        ));
    }
    if !skipped.is_empty() {
        line(String::new());
        line("BỎ QUA (không phải tệp .json) / SKIPPED (not .json files)".into());
        skipped.iter().for_each(|s| line(format!("  {s}")));
    }
    line(String::new());
    line(format!(
        "{} tệp / files: {} xếp hạng / ranked, {} không đạt / fail, {} chưa nộp / not submitted",
        a.rows.len() + unread.len(),
        a.ranked.len(),
        a.failed_files() + unread.len(),
        a.missing.len()
    ));
    out
}

fn json(
    a: &Analysis,
    unread: &[&Handed],
    skipped: &[String],
    period: i32,
    timing_checked: bool,
) -> serde_json::Value {
    use serde_json::json;
    let rows: Vec<_> = a
        .rows
        .iter()
        .map(|row| match &row.outcome {
            RowOutcome::Unreadable(e) => unreadable_json(&row.file, e),
            RowOutcome::Report {
                verdict,
                entry,
                standing,
                checks,
                rank,
            } => json!({
                "file": row.file,
                "passes": verdict.passes(),
                "standing": standing,
                "unit": verdict.unit,
                "total": a.entries[*entry].total,
                "official": a.entries[*entry].official,
                "band": verdict.stored_band,
                "rank": rank,
                "checks": checks.iter().map(|c| json!({
                    "mark": c.mark.symbol(), "vi": c.text.vi, "en": c.text.en
                })).collect::<Vec<_>>(),
            }),
        })
        .chain(unread.iter().filter_map(|h| {
            h.bytes.as_ref().err().map(|why| {
                json!({ "file": h.name, "passes": false, "error": { "vi": why.text.vi, "en": why.text.en } })
            })
        }))
        .collect();
    json!({
        "period": period,
        "timingChecked": timing_checked,
        "files": rows,
        "ranking": a.ranked,
        "notSubmitted": a.missing,
        "skipped": skipped,
        "bands": a.bands,
        "criteria": a.criteria,
    })
}

fn unreadable_json(file: &str, e: &ReportError) -> serde_json::Value {
    serde_json::json!({
        "file": file,
        "passes": false,
        "error": { "vi": report_error_vi(e), "en": e.to_string() },
    })
}
