//! `tdg verify`: each report's checks, separately, as a table or JSON. Exit 0 only when every
//! report passes every check that was asked for.

use crate::args::Args;
use crate::error::{read, CliError};
use tdg_model::units::format_points;
use tdg_model::{Date, Lang};
use tdg_report::trust::TrustList;
use tdg_report::verify::{CatalogCheck, KeyCheck, ProofCheck, ResultsCheck, TimingCheck};
use tdg_report::{verify, KnownCatalog, Verdict, VerifyOptions};

pub fn run(raw: &[String]) -> Result<bool, CliError> {
    let args = Args::parse(raw, &["--trust", "--catalog", "--received"], &["--json"])?;
    if args.positional.is_empty() {
        return Err(CliError::Usage("usage: tdg verify [--trust TRUST.json] [--catalog FILE]... [--received YYYY-MM-DD] [--json] REPORT.json...".into()));
    }
    let mut catalogs = Vec::new();
    for path in args.all("--catalog") {
        let bytes = read(path)?;
        let known = KnownCatalog::from_bytes(&bytes).map_err(|e| CliError::Catalog {
            path: path.to_string(),
            message: e.message(Lang::En),
        })?;
        catalogs.push(known);
    }
    let trust = match args.value("--trust") {
        Some(path) => Some(
            TrustList::from_json(&read(path)?)
                .map_err(|e| CliError::Invalid(format!("{path}: {e}")))?,
        ),
        None => None,
    };
    let received_on = match args.value("--received") {
        Some(d) => Some(Date::parse_iso(d).map_err(|e| CliError::Invalid(e.to_string()))?),
        None => None,
    };
    let options = VerifyOptions {
        catalogs: &catalogs,
        trust: trust.as_ref(),
        received_on,
    };
    let mut all_pass = true;
    let mut json_out = Vec::new();
    for path in &args.positional {
        let outcome = read(path).map(|bytes| verify(&bytes, &options));
        let passes = matches!(&outcome, Ok(Ok(v)) if v.passes());
        all_pass &= passes;
        if args.has("--json") {
            json_out.push(match &outcome {
                Ok(Ok(v)) => serde_json::json!({ "file": path, "passes": passes, "verdict": v }),
                Ok(Err(e)) => {
                    serde_json::json!({ "file": path, "passes": false, "error": e.to_string() })
                }
                Err(e) => {
                    serde_json::json!({ "file": path, "passes": false, "error": e.to_string() })
                }
            });
        } else {
            match &outcome {
                Ok(Ok(v)) => print!("{}", table(path, v, &catalogs)),
                Ok(Err(e)) => {
                    println!("{path}\n  ✗ không phải báo cáo hợp lệ / not a readable report: {e}\n")
                }
                Err(e) => println!("{path}\n  ✗ {e}\n"),
            }
        }
    }
    if args.has("--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&json_out).unwrap_or_default()
        );
    } else {
        let n = args.positional.len();
        println!(
            "{} {}",
            if all_pass {
                "ĐẠT / PASS"
            } else {
                "KHÔNG ĐẠT / FAIL"
            },
            format_args!("({n} report(s))")
        );
    }
    Ok(all_pass)
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

fn table(path: &str, v: &Verdict, catalogs: &[KnownCatalog]) -> String {
    let u = &v.unit;
    // The band's name when a given catalog has it (any catalog: names are for people only).
    let band = catalogs
        .iter()
        .find(|k| k.catalog.bands.iter().any(|b| b.id == v.stored_band))
        .map(|k| tdg_model::explain::band_name(&k.catalog, &v.stored_band, Lang::Vi))
        .unwrap_or_else(|| v.stored_band.clone());
    let mut lines = vec![
        path.to_string(),
        format!(
            "  {} ({}), {} {}, {}/100 — {}",
            u.name,
            u.code,
            u.tier,
            v.period,
            format_points(v.stored_total, Lang::Vi),
            band
        ),
        format!(
            "  sha256 {}  key {}",
            v.sha256,
            v.fingerprint.as_deref().unwrap_or("?")
        ),
    ];
    let proof = match &v.proof {
        ProofCheck::Valid => (true, "chữ ký hợp lệ / proof valid".to_string()),
        ProofCheck::Invalid(why) => (false, format!("chữ ký không hợp lệ / proof invalid: {why}")),
        ProofCheck::IssuerMismatch => (false, "chữ ký bằng khóa khác khóa của đơn vị phát hành / signed with another key than the issuer's".into()),
        ProofCheck::BadIssuer(why) => (false, format!("bên phát hành không phải did:key / issuer is not a did:key: {why}")),
    };
    let key = match &v.key {
        KeyCheck::NotChecked => None,
        KeyCheck::Registered => Some((
            true,
            "khóa đã đăng ký cho đơn vị / key registered for this unit".to_string(),
        )),
        KeyCheck::Unknown => Some((false, "khóa chưa đăng ký / key not registered".to_string())),
        KeyCheck::RegisteredForOther(units) => Some((
            false,
            format!(
                "khóa đăng ký cho đơn vị khác / key registered for other units: {}",
                units.join(", ")
            ),
        )),
    };
    let catalog = match &v.catalog {
        CatalogCheck::NotChecked => None,
        CatalogCheck::Known => Some((true, "danh mục đã biết / catalog known".to_string())),
        CatalogCheck::Unknown => Some((false, "danh mục không rõ / catalog unknown".to_string())),
        CatalogCheck::HashMismatch => Some((
            false,
            "danh mục bị sửa (SHA-256 khác) / catalog changed (SHA-256 differs)".to_string(),
        )),
    };
    let results = match &v.results {
        ResultsCheck::NotChecked => None,
        ResultsCheck::Equal => Some((
            true,
            "kết quả khớp khi chấm lại / results equal the re-scored ones".to_string(),
        )),
        ResultsCheck::Differ(d) => Some((
            false,
            format!(
                "kết quả khác khi chấm lại / results differ: {}",
                d.join("; ")
            ),
        )),
        ResultsCheck::Unscorable(why) => Some((
            false,
            format!("không chấm lại được / cannot re-score: {why}"),
        )),
    };
    let timing = match &v.timing {
        TimingCheck::NotChecked => None,
        TimingCheck::OnTime => Some((true, "đúng hạn / on time".to_string())),
        TimingCheck::Late(days) => Some((
            false,
            format!(
                "muộn {} ngày so với hạn / late by {} day(s) past the deadline",
                days + 1,
                days + 1
            ),
        )),
    };
    for (ok, text) in [Some(proof), key, catalog, results, timing]
        .into_iter()
        .flatten()
    {
        lines.push(format!("  {} {text}", mark(ok)));
    }
    lines.join("\n") + "\n\n"
}
