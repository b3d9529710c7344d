//! The demonstration season, verified and ranked: every planted defect is caught by its own
//! check, every other report passes, and the standings, ranking and "chưa nộp" list add up.

use tdg_model::Date;
use tdg_office::analysis::{analyse, Analysis, RowOutcome};
use tdg_office::demo::{season_with_trust, Defect, COMMUNES, DEPARTMENTS, SILENT_UNITS};
use tdg_office::intake::{register, Season, SeasonFile};
use tdg_office::*;
use tdg_report::trust::{Registration, TrustList};
use tdg_report::verify::{
    CatalogCheck, DatesCheck, KnownCatalog, PeriodCheck, ProofCheck, ReportError, ResultsCheck,
    TimingCheck,
};
use tdg_report::Verdict;

const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

struct Verified {
    analysis: Analysis,
    trust: TrustList,
}

/// Generated and verified once for all the tests of this file (signing 300 reports takes seconds).
fn season() -> &'static Verified {
    static SEASON: std::sync::OnceLock<Verified> = std::sync::OnceLock::new();
    SEASON.get_or_init(make_season)
}

fn make_season() -> Verified {
    let received = Date::parse_iso("2026-11-27").expect("a date");
    let (files, trust) = season_with_trust(CATALOG, 2026, received).expect("the season");
    let catalogs = [KnownCatalog::from_bytes(CATALOG).expect("the catalog")];
    let season = Season {
        catalogs: &catalogs,
        trust: &trust,
        period: 2026,
    };
    let handed: Vec<SeasonFile> = files
        .iter()
        .filter(|f| f.is_report())
        .map(|f| f.handed(received))
        .collect();
    let analysis = analyse(&season, &handed, &[TieBreaker::TargetsMet]);
    Verified { analysis, trust }
}

/// The season as the office view shows it (and the exports read it).
fn view(s: &Verified) -> tdg_office::session::SeasonView {
    tdg_office::session::season_view(
        &s.analysis,
        &[],
        &[],
        Some(2026),
        Date::parse_iso("2026-11-27").ok(),
    )
}

fn outcome(s: &Verified, defect: Defect) -> &RowOutcome {
    &s.analysis
        .rows
        .iter()
        .find(|r| r.file.ends_with(defect.file_name()))
        .expect("the defect's file")
        .outcome
}

fn verdict(s: &Verified, defect: Defect) -> &Verdict {
    match outcome(s, defect) {
        RowOutcome::Report { verdict, .. } => verdict,
        RowOutcome::Unreadable(e) => panic!("{defect:?} was unreadable: {e}"),
    }
}

fn unreadable(s: &Verified, defect: Defect) -> &ReportError {
    match outcome(s, defect) {
        RowOutcome::Unreadable(e) => e,
        RowOutcome::Report { .. } => panic!("{defect:?} was read"),
    }
}

#[test]
fn every_planted_defect_is_caught_by_its_own_check_and_every_other_report_passes() {
    let s = season();
    assert!(matches!(
        verdict(s, Defect::BrokenSignature).proof,
        ProofCheck::Invalid(_)
    ));
    let tampered = verdict(s, Defect::ResultsDiffer);
    assert_eq!(tampered.proof, ProofCheck::Valid);
    assert!(matches!(tampered.results, ResultsCheck::Differ(_)));
    assert_eq!(
        verdict(s, Defect::UnknownKey).key,
        Some(Registration::Unknown)
    );
    for d in [Defect::OtherCluster, Defect::OtherTier] {
        assert!(
            matches!(verdict(s, d).key, Some(Registration::Mismatch { .. })),
            "{d:?}: {:?}",
            verdict(s, d).key
        );
    }
    assert!(matches!(
        verdict(s, Defect::OtherPeriod).period_check,
        PeriodCheck::Other { .. }
    ));
    assert_eq!(
        verdict(s, Defect::UnknownCatalog).catalog,
        CatalogCheck::HashMismatch
    );
    assert!(matches!(
        unreadable(s, Defect::UnknownVersion),
        ReportError::UnknownVersion(_)
    ));
    assert!(matches!(
        unreadable(s, Defect::Unreadable),
        ReportError::Json(_)
    ));
    assert!(matches!(
        verdict(s, Defect::RevokedKey).key,
        Some(Registration::Revoked { .. })
    ));
    assert!(matches!(
        verdict(s, Defect::SubmittedAfterReceipt).timing,
        TimingCheck::SubmittedAfterReceipt { .. }
    ));
    assert!(!matches!(
        verdict(s, Defect::InconsistentDates).dates,
        DatesCheck::Consistent
    ));

    let failing: Vec<&str> = s
        .analysis
        .rows
        .iter()
        .filter(|r| !matches!(&r.outcome, RowOutcome::Report { verdict, .. } if verdict.passes()))
        .map(|r| r.file.as_str())
        .collect();
    // Every defect, and the revoked unit's proper report (its key was revoked before the
    // office received the batch): nothing else.
    assert_eq!(failing.len(), Defect::ALL.len() + 1, "{failing:?}");
    assert!(
        failing
            .iter()
            .all(|n| n.contains("/loi-") || n.ends_with("DEMO-XA-007.json")),
        "{failing:?}"
    );
}

#[test]
fn the_season_ranks_every_cluster_and_lists_who_did_not_submit() {
    let s = season();
    let entries = &s.analysis.entries;
    let standing = standings(entries);
    let counted: Vec<usize> = (0..entries.len())
        .filter(|&i| standing[i] == Standing::Counted)
        .collect();
    let superseded = standing
        .iter()
        .filter(|s| matches!(s, Standing::Superseded { .. }))
        .count();
    assert_eq!(superseded, 1, "one unit sent its report again");
    // Every registered unit but the silent ones and the revoked one counts once.
    assert_eq!(counted.len(), COMMUNES + DEPARTMENTS - SILENT_UNITS - 1);

    let ranked = &s.analysis.ranked;
    assert_eq!(ranked.len(), counted.len());
    let clusters: std::collections::BTreeSet<(&str, &str)> = ranked
        .iter()
        .map(|r| (r.tier.as_str(), r.group.as_str()))
        .collect();
    assert_eq!(clusters.len(), 15 + 20);
    for r in ranked {
        assert!(r.rank >= 1 && r.rank <= r.of);
    }
    // Within a cluster, a lower rank never has a lower total.
    for pair in ranked.windows(2) {
        if (pair[0].tier.as_str(), pair[0].group.as_str())
            == (pair[1].tier.as_str(), pair[1].group.as_str())
        {
            assert!(entries[pair[0].entry].total >= entries[pair[1].entry].total);
        }
    }

    let missing = not_submitted(&register(&s.trust), entries, &counted, 2026);
    assert_eq!(missing.len(), SILENT_UNITS + 1);
    let revoked = missing
        .iter()
        .find(|m| m.unit.code == "DEMO-XA-007")
        .expect("the revoked unit");
    assert_eq!(
        revoked.failed.len(),
        2,
        "its proper report and the defect file"
    );
}

#[test]
fn the_analysis_gives_every_file_a_row_and_every_failure_a_reason_in_both_languages() {
    let analysis = &season().analysis;
    let handed = analysis.rows.len();
    assert_eq!(
        handed,
        COMMUNES + DEPARTMENTS - SILENT_UNITS + 1 + Defect::ALL.len()
    );
    assert_eq!(analysis.failed_files(), Defect::ALL.len() + 1);
    assert_eq!(analysis.missing.len(), SILENT_UNITS + 1);
    assert!(analysis.timing_checked);
    for row in &analysis.rows {
        match &row.outcome {
            RowOutcome::Unreadable(e) => {
                let vi = tdg_report::verdict_text::report_error_vi(e);
                assert!(!vi.is_empty() && vi != e.to_string(), "{}", row.file)
            }
            RowOutcome::Report {
                standing,
                checks,
                rank,
                ..
            } => {
                assert_eq!(
                    rank.is_some(),
                    *standing == Standing::Counted,
                    "{}",
                    row.file
                );
                let failed = checks
                    .iter()
                    .any(|c| c.mark == tdg_report::verdict_text::Mark::Fail);
                assert_eq!(
                    failed,
                    *standing == Standing::Failed,
                    "{}: {checks:?}",
                    row.file
                );
            }
        }
    }
    let cut = unreadable(season(), Defect::Unreadable);
    assert!(tdg_report::verdict_text::report_error_vi(cut).contains("dòng"));
}

#[test]
fn the_workbook_reads_back_with_every_sheet_frozen_headings_and_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let s = season();
    let catalog = tdg_model::Catalog::from_json(CATALOG).expect("the catalog");
    let view = view(s);
    let none = tdg_office::appraisal::AppraisalFile::default();
    let bytes = tdg_office::export::xlsx(&tdg_office::export::Export::new(&view, &catalog, &none))
        .expect("a workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("a zip");
    for i in 1..=5 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut archive
                .by_name(&format!("xl/worksheets/sheet{i}.xml"))
                .expect("a sheet"),
            &mut xml,
        )
        .expect("its XML");
        assert!(
            xml.contains(r#"ySplit="1""#),
            "sheet {i}: the heading row is frozen"
        );
    }
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("an xlsx file");
    let names = book.sheet_names();
    assert_eq!(names.len(), 5, "{names:?}");
    assert_eq!(names[0], "Báo cáo");
    assert!(names.contains(&"Chưa nộp".to_owned()) && names.contains(&"Tệp lỗi".to_owned()));

    let reports = book.worksheet_range("Báo cáo").expect("the reports sheet");
    assert_eq!(reports.height(), s.analysis.rows.len() + 1);
    let col = columns(&reports);
    // The first counted report: its total and rank are numbers, equal to the analysis.
    let first = s
        .analysis
        .ranked
        .iter()
        .find(|r| r.rank == 1)
        .expect("a first place");
    let entry = &s.analysis.entries[first.entry];
    let row = reports
        .rows()
        .find(|r| r[col("Tệp")].to_string() == entry.file)
        .expect("its row");
    assert_eq!(
        row[col("Tổng điểm chính thức")],
        Data::Float(f64::from(entry.total) / 1000.0)
    );
    assert_eq!(row[col("Thứ hạng")], Data::Float(1.0));
    assert_eq!(row[col("Kết quả kiểm tra")], Data::String("Đạt".into()));

    let missing = book.worksheet_range("Chưa nộp").expect("the missing sheet");
    assert_eq!(missing.height(), SILENT_UNITS + 1 + 1);
    let failed = book.worksheet_range("Tệp lỗi").expect("the failures sheet");
    assert_eq!(failed.height(), Defect::ALL.len() + 1 + 1);
    let cut = failed
        .rows()
        .find(|r| r[0].to_string().ends_with(Defect::Unreadable.file_name()))
        .expect("the cut file");
    assert!(cut[1].to_string().contains("dòng"), "{:?}", cut[1]);
}

/// A sheet's column by its heading (the first row).
fn columns(sheet: &calamine::Range<calamine::Data>) -> impl Fn(&str) -> usize {
    let headings: Vec<String> = sheet
        .rows()
        .next()
        .expect("headings")
        .iter()
        .map(|c| c.to_string())
        .collect();
    move |name| headings.iter().position(|h| h == name).expect(name)
}

#[test]
fn the_csv_starts_with_a_byte_order_mark_and_has_a_line_per_file() {
    let s = season();
    let catalog = tdg_model::Catalog::from_json(CATALOG).expect("the catalog");
    let view = view(s);
    let none = tdg_office::appraisal::AppraisalFile::default();
    let csv = tdg_office::export::csv(&tdg_office::export::Export::new(&view, &catalog, &none));
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), s.analysis.rows.len() + 1);
    assert!(csv
        .lines()
        .next()
        .expect("headings")
        .contains("\"Tổng điểm chính thức\""));
    // For a Vietnamese Excel a decimal has a comma (a point there separates thousands: 30.911
    // would read as 30 911); for programs, a point. Whole numbers are the same in both.
    let export = tdg_office::export::Export::new(&view, &catalog, &none);
    let vi = tdg_office::export::csv_in(&export, tdg_model::Lang::Vi);
    let decimal = view
        .files
        .iter()
        .filter_map(|f| f.official_total)
        .find(|t| t % 1000 != 0)
        .expect("a total with decimals");
    let (whole, part) = (decimal / 1000, format!("{:03}", decimal % 1000));
    let part = part.trim_end_matches('0');
    assert!(
        vi.contains(&format!(",\"{whole},{part}\",")),
        "{whole},{part}"
    );
    assert!(csv.contains(&format!(",{whole}.{part},")), "{whole}.{part}");
    assert!(!vi.contains(&format!(",{whole}.{part},")));
    assert_eq!(vi.lines().count(), csv.lines().count());
}

#[test]
fn the_exports_carry_the_appraised_total_band_and_rank_and_the_reasons_sheet() {
    use calamine::{Data, Reader, Xlsx};
    use tdg_office::appraisal::{AppraisalFile, CriterionAppraisal, UnitAppraisal};
    use tdg_office::export::{csv, tier_tables, xlsx, Export};
    let s = season();
    let catalog = tdg_model::Catalog::from_json(CATALOG).expect("the catalog");
    let view = view(s);
    // The first of a cluster loses a criterion's points entirely.
    let first = view
        .ranked
        .iter()
        .find(|r| r.rank == 1 && r.of > 3)
        .expect("a first place");
    let e = &view.entries[first.entry];
    let criterion = e
        .criteria
        .iter()
        .find(|c| c.points > 0)
        .expect("a scored criterion");
    let mut appraisals = AppraisalFile::default();
    appraisals.set(UnitAppraisal {
        tier: e.unit.tier.clone(),
        unit_code: e.unit.code.clone(),
        criteria: vec![CriterionAppraisal {
            criterion: criterion.id.clone(),
            milli_points: 0,
            reason: "Minh chứng không khớp số liệu (thử nghiệm)".into(),
        }],
    });
    let x = Export::new(&view, &catalog, &appraisals);
    let appraised = x.appraised(first.entry).expect("appraised").clone();
    assert_eq!(appraised.total, e.total - criterion.points);

    let mut book = Xlsx::new(std::io::Cursor::new(xlsx(&x).expect("a workbook"))).expect("xlsx");
    assert!(book.sheet_names().contains(&"Thẩm định".to_owned()));
    let reports = book.worksheet_range("Báo cáo").expect("the reports sheet");
    let col = columns(&reports);
    let row = reports
        .rows()
        .find(|r| r[col("Tệp")].to_string() == e.file)
        .expect("its row");
    assert_eq!(row[col("Thứ hạng")], Data::Float(1.0));
    assert_eq!(
        row[col("Điểm thẩm định")],
        Data::Float(f64::from(appraised.total) / 1000.0)
    );
    assert_eq!(
        row[col("Xếp loại thẩm định")],
        Data::String(tdg_office::export::band_name(
            Some(&catalog),
            &appraised.band
        ))
    );
    let new_rank = x
        .ranked()
        .iter()
        .find(|r| r.entry == first.entry)
        .expect("ranked")
        .rank;
    assert_eq!(
        row[col("Thứ hạng sau thẩm định")],
        Data::Float(f64::from(new_rank))
    );
    // Another unit of the cluster, not appraised: no appraised total, a rank all the same.
    let other = view
        .ranked
        .iter()
        .find(|r| r.group == first.group && r.entry != first.entry)
        .expect("another");
    let other_row = reports
        .rows()
        .find(|r| r[col("Tệp")].to_string() == view.entries[other.entry].file)
        .expect("its row");
    assert_eq!(other_row[col("Điểm thẩm định")], Data::Empty);
    assert!(matches!(
        other_row[col("Thứ hạng sau thẩm định")],
        Data::Float(_)
    ));

    let sheet = book
        .worksheet_range("Thẩm định")
        .expect("the appraisal sheet");
    assert_eq!(sheet.height(), 2);
    let line: Vec<String> = sheet
        .rows()
        .nth(1)
        .expect("a line")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(line[0], e.unit.code);
    assert_eq!(line[4], criterion.id);
    assert_eq!(line[7], "0");
    assert_eq!(line[9], "Minh chứng không khớp số liệu (thử nghiệm)");

    // The tier sheets name each criterion in its own words, with its maximum, not its id.
    let communes = tier_tables(&x)
        .into_iter()
        .find(|t| t.name.starts_with("Cấp xã"))
        .expect("the communes' sheet");
    assert!(
        communes.headings.iter().any(|h| h.ends_with(" (40 đ)")),
        "{:?}",
        communes.headings
    );
    assert!(
        !communes.headings.iter().any(|h| h.starts_with("xp.")),
        "{:?}",
        communes.headings
    );
    let text = csv(&x);
    let head = text.lines().next().expect("headings");
    // Every heading once (walk-through L10: "Năm" and "SHA-256" read as repeated).
    let names: Vec<&str> = head.trim_start_matches('\u{feff}').split("\",\"").collect();
    let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "{head}");
    assert!(
        head.contains("\"Kiểm tra: Năm báo cáo\"") && head.contains("\"Mã SHA-256\""),
        "{head}"
    );
    for h in [
        "\"Điểm thẩm định\"",
        "\"Xếp loại thẩm định\"",
        "\"Thứ hạng sau thẩm định\"",
    ] {
        assert!(head.contains(h), "{h}");
    }
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("\"{}\"", e.file)))
        .expect("its line");
    assert!(
        line.contains(&format!(",{},", f64::from(appraised.total) / 1000.0)),
        "{line}"
    );
}

#[test]
fn tiers_are_named_as_the_catalog_names_them_in_the_reports_period() {
    let catalog = tdg_model::Catalog::from_json(CATALOG).expect("the catalog");
    let name = |period| tdg_office::export::tier_name(Some(&catalog), "xa-phuong", period);
    assert_eq!(name(Some(2024)), "Cấp xã, phường, thị trấn");
    assert_eq!(name(Some(2026)), "Cấp xã, phường, đặc khu");
    assert_eq!(
        tdg_office::export::tier_name(None, "xa-phuong", Some(2024)),
        "xa-phuong"
    );
}
