//! Native timings of the pure crates (the same code the browser runs, compiled for this CPU, in
//! release mode). Run by `cargo xtask bench`; prints figures, judges nothing.

use std::path::{Path, PathBuf};
use std::time::Instant;
use tdg_model::{score, Answer, AnswerSheet, Catalog, Evidence};
use tdg_report::{sign_report, verify, KnownCatalog, SignRequest, UnitKey, VerifyOptions};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    run(&root)
}

fn run(root: &Path) -> Result<()> {
    let catalog_bytes = std::fs::read(root.join("assets/catalogs/hp-175-kh-ubnd.json"))?;
    let catalog = Catalog::from_json(&catalog_bytes).map_err(|e| e.to_string())?;
    keystroke(&catalog)?;
    reports(&catalog, &catalog_bytes, root)
}

/// A catalog whose commune tier has 1,000 criteria (the shipped ones, repeated).
fn thousand_criteria(catalog: &Catalog) -> Catalog {
    let mut big = catalog.clone();
    if let Some(tier) = big.tiers.iter_mut().find(|t| t.id == "xa-phuong") {
        let base = tier.criteria.clone();
        tier.criteria = (0..1_000)
            .map(|i| {
                let mut c = base[i % base.len()].clone();
                c.id = format!("{}#{i}", c.id);
                c.max_points = 100;
                c
            })
            .collect();
    }
    big
}

fn keystroke(catalog: &Catalog) -> Result<()> {
    let big = thousand_criteria(catalog);
    let tier = big.tier("xa-phuong").ok_or("no commune tier")?;
    let answers = tier
        .criteria
        .iter()
        .map(|c| {
            let a = Answer {
                numerator: Some(600),
                denominator: Some(1000),
                level: Some("dat".into()),
                count: Some(3),
                evidence: vec![Evidence::Link {
                    url: "https://x.vn".into(),
                }],
                ..Answer::default()
            };
            (c.id.clone(), a)
        })
        .collect();
    let mut sheet = AnswerSheet {
        tier: "xa-phuong".into(),
        period: 2026,
        answers,
        ..AnswerSheet::default()
    };
    // Answers must fit their kinds: keep only the fields each criterion takes.
    for c in &tier.criteria {
        if let Some(a) = sheet.answers.get_mut(&c.id) {
            match c.measure {
                tdg_model::Measure::Ratio { .. } => {
                    a.level = None;
                    a.count = None;
                }
                tdg_model::Measure::Levels { .. } => {
                    a.numerator = None;
                    a.denominator = None;
                    a.count = None;
                }
                tdg_model::Measure::Count { .. } => {
                    a.numerator = None;
                    a.denominator = None;
                    a.level = None;
                }
                _ => {}
            }
        }
    }
    let runs = 200;
    let started = Instant::now();
    for i in 0..runs {
        if let Some(a) = sheet.answers.values_mut().next() {
            a.numerator = Some(500 + i);
        }
        let result = score(&big, &sheet).map_err(|e| e.to_string())?;
        std::hint::black_box(result);
    }
    let per = started.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("native: re-score 1,000 criteria (one keystroke): {per:.3} ms (mean of {runs}; target in the browser: 5 ms)");
    Ok(())
}

fn reports(catalog: &Catalog, catalog_bytes: &[u8], root: &Path) -> Result<()> {
    let sheet: AnswerSheet =
        serde_json::from_slice(&std::fs::read(root.join("assets/samples/xa-phuong.json"))?)?;
    let key = UnitKey::from_seed([5; 32]);
    let n = 1_000;
    let started = Instant::now();
    let files: Vec<String> = (0..n)
        .map(|i| {
            let request = SignRequest {
                training: false,
                catalog,
                catalog_bytes,
                unit_name: format!("UBND xã số {i}"),
                unit_code: format!("XA-{i:04}"),
                unit_group: "Cụm 1".into(),
                sheet: &sheet,
                submitted_on: tdg_model::Date::parse_iso("2026-11-20").unwrap_or(tdg_model::Date {
                    year: 2026,
                    month: 11,
                    day: 20,
                }),
                created: "2026-11-20T02:00:00Z".into(),
            };
            sign_report(&request, &key)
                .map(|s| s.json)
                .map_err(|e| e.to_string().into())
        })
        .collect::<Result<_>>()?;
    let signing = started.elapsed().as_secs_f64();
    let known = [KnownCatalog::from_bytes(catalog_bytes).map_err(|e| e.to_string())?];
    // Every unit registered, as the office's list would have them: the trust check is timed too.
    let trust = tdg_report::trust::TrustList {
        trust_list_version: tdg_report::trust::TRUST_LIST_VERSION,
        office: "bench".into(),
        keys: (0..n)
            .map(|i| tdg_report::trust::RegisteredKey {
                unit_code: format!("XA-{i:04}"),
                unit_name: String::new(),
                did: key.public().did(),
                tier: sheet.tier.clone(),
                variant: None,
                group: "Cụm 1".into(),
                valid_from: tdg_model::Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                },
                valid_until: None,
                revoked_on: None,
            })
            .collect(),
    };
    let options = VerifyOptions {
        catalogs: &known,
        trust: Some(&trust),
        ..Default::default()
    };
    let started = Instant::now();
    let mut passed = 0;
    for file in &files {
        if verify(file.as_bytes(), &options).is_ok_and(|v| v.passes()) {
            passed += 1;
        }
    }
    let verifying = started.elapsed().as_secs_f64();
    println!("native: sign {n} reports: {:.0} ms; verify and re-score {n} reports: {:.0} ms ({passed} passed; target in the browser: 1 s)", signing * 1000.0, verifying * 1000.0);
    Ok(())
}
