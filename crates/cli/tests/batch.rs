//! `tdg demo-season` and `tdg batch` as an office would run them: a folder, a zip, the exports,
//! the exit codes.

mod common;
use common::tdg;
use std::path::{Path, PathBuf};

const CATALOG: &str = "assets/catalogs/hp-175-kh-ubnd.json";

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A fresh demonstration season, written by `tdg demo-season`, once per test binary.
fn season() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tdg-batch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = tdg(&["demo-season", "--catalog", CATALOG, "--out", path(&dir)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn batch_json(extra: &[&str], input: &str) -> (Option<i32>, serde_json::Value) {
    let trust = season().join("trust.json");
    let mut args = vec![
        "batch",
        "--trust",
        path(&trust),
        "--catalog",
        CATALOG,
        "--json",
    ];
    args.extend(extra);
    args.push(input);
    let out = tdg(&args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), json)
}

fn failing(json: &serde_json::Value) -> usize {
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f["passes"] == false)
        .count()
}

#[test]
fn a_season_folder_is_verified_ranked_and_exported_and_the_failures_make_exit_1() {
    let dir = season();
    let xlsx = dir.join("out.xlsx");
    let csv = dir.join("out.csv");
    let reports = dir.join("bao-cao");
    let (code, json) = batch_json(
        &[
            "--received",
            "2026-11-27",
            "--xlsx",
            path(&xlsx),
            "--csv",
            path(&csv),
        ],
        path(&reports),
    );
    assert_eq!(code, Some(1), "some files fail");
    assert_eq!(json["period"], 2026, "the year most reports declare");
    assert_eq!(json["timingChecked"], true);
    assert_eq!(json["files"].as_array().expect("files").len(), 284);
    assert_eq!(failing(&json), 14);
    assert_eq!(json["notSubmitted"].as_array().expect("missing").len(), 5);
    assert_eq!(json["ranking"].as_array().expect("ranking").len(), 269);
    assert!(std::fs::read(&xlsx)
        .expect("the workbook")
        .starts_with(b"PK"));
    assert!(std::fs::read_to_string(&csv)
        .expect("the CSV")
        .starts_with('\u{feff}'));
}

#[test]
fn a_zip_of_the_season_reads_the_same_and_a_broken_zip_is_listed_not_dropped() {
    let dir = season();
    let zip_path = dir.join("mua-bao-cao.zip");
    {
        let file = std::fs::File::create(&zip_path).expect("the zip");
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default();
        let mut names: Vec<_> = std::fs::read_dir(dir.join("bao-cao"))
            .expect("reports")
            .map(|e| e.expect("entry").path())
            .collect();
        names.sort();
        for name in names {
            let inner = format!(
                "bao-cao/{}",
                name.file_name().and_then(|n| n.to_str()).expect("name")
            );
            zip.start_file(inner, options).expect("an entry");
            std::io::Write::write_all(&mut zip, &std::fs::read(&name).expect("a report"))
                .expect("written");
        }
        zip.start_file("ghi-chu.txt", options).expect("an entry");
        zip.finish().expect("the zip is written");
    }
    let (code, json) = batch_json(&["--period", "2026"], path(&zip_path));
    assert_eq!(code, Some(1));
    assert_eq!(json["files"].as_array().expect("files").len(), 284);
    assert_eq!(json["timingChecked"], false, "no received date, no timing");
    assert_eq!(
        json["skipped"][0],
        format!("{}/ghi-chu.txt", path(&zip_path))
    );

    let broken = dir.join("hong.zip");
    std::fs::write(&broken, b"PK not really").expect("written");
    let (code, json) = batch_json(&["--period", "2026"], path(&broken));
    assert_eq!(code, Some(1));
    let error = &json["files"][0]["error"];
    assert!(error["vi"].as_str().expect("vi").contains(".zip"), "{json}");
}

#[test]
fn without_a_received_date_the_table_says_timing_was_not_checked() {
    let trust = season().join("trust.json");
    let reports = season().join("bao-cao");
    let out = tdg(&[
        "batch",
        "--trust",
        path(&trust),
        "--catalog",
        CATALOG,
        path(&reports),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("chưa kiểm tra thời hạn"), "{text}");
    assert!(text.contains("CHƯA NỘP / NOT SUBMITTED"), "{text}");
    // Clusters in the order people number them.
    let two = text.find("Cụm thi đua số 2 (").expect("cluster 2");
    let ten = text.find("Cụm thi đua số 10 (").expect("cluster 10");
    assert!(two < ten);
}

#[test]
fn wrong_usage_exits_2_and_a_season_never_goes_into_an_existing_folder() {
    assert_eq!(
        tdg(&["batch", "--catalog", CATALOG, "x"]).status.code(),
        Some(2)
    );
    let out = tdg(&["demo-season", "--catalog", CATALOG, "--out", path(season())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(tdg(&["batch", "--help"]).status.success());
}

#[test]
fn an_appraisal_file_puts_the_appraised_total_in_the_csv_and_a_bad_one_is_refused_located() {
    let dir = season();
    let reports = dir.join("bao-cao");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(reports.join("DEMO-XA-010.json")).expect("a report"))
            .expect("json");
    let subject = &report["credentialSubject"];
    let criterion = subject["results"]["criteria"][0]["id"]
        .as_str()
        .expect("an id");
    let appraisal = dir.join("tham-dinh.json");
    std::fs::write(
        &appraisal,
        serde_json::json!({"format": "tdg-appraisal", "version": 1, "units": [{
            "tier": subject["unit"]["tier"], "unitCode": "DEMO-XA-010",
            "criteria": [{"criterion": criterion, "milliPoints": 0, "reason": "thử nghiệm"}]}]})
        .to_string(),
    )
    .expect("written");
    let csv = dir.join("tham-dinh.csv");
    let with = |extra: &[&str]| {
        let trust = dir.join("trust.json");
        let mut args = vec!["batch", "--trust", path(&trust), "--catalog", CATALOG];
        args.extend(extra);
        args.push(path(&reports));
        tdg(&args)
    };
    let out = with(&[
        "--received",
        "2026-11-27",
        "--appraisal",
        path(&appraisal),
        "--csv",
        path(&csv),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("thẩm định / appraised"));
    let text = std::fs::read_to_string(&csv).expect("the CSV");
    let headings: Vec<&str> = text.lines().next().expect("headings").split(',').collect();
    let col = headings
        .iter()
        .position(|h| *h == "\"Điểm thẩm định\"")
        .expect("the column");
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("\"bao-cao/DEMO-XA-010.json\"") || l.contains("/DEMO-XA-010.json\"")
        })
        .expect("its line");
    // Every text is quoted and no text here holds a comma before that column.
    assert_ne!(line.split(',').nth(col), Some(""), "{line}");

    std::fs::write(&appraisal, br#"{"format":"tdg-appraisal","version":1,"units":[{"tier":"xa-phuong","unitCode":"X","criteria":[{"criterion":"nope","milliPoints":0,"reason":"r"}]}]}"#).expect("written");
    let out = with(&["--appraisal", path(&appraisal)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/units/0/criteria/0/criterion"), "{err}");
}
