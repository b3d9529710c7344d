//! `tdg verify`: each report's checks, separately, as a table or JSON. A full verification needs
//! the trust list and the catalog; `--proof-only` checks the signature alone and then never says
//! "ĐẠT / PASS". Exit 0 only when every report passes.

use crate::args::Args;
use crate::error::{read, read_at_most, CliError};
use tdg_model::units::format_points;
use tdg_model::Localized;
use tdg_model::{Date, Lang};
use tdg_report::trust::TrustList;
use tdg_report::verdict_text::{self, CheckLine};
use tdg_report::{verify, KnownCatalog, Verdict, VerifyOptions};

pub const USAGE: &str = "\
usage: tdg verify --trust TRUST.json --catalog FILE [--catalog FILE]... [--received YYYY-MM-DD]
                  [--period YEAR] [--expect-sha256 HEX] [--json] REPORT.json...
       tdg verify --proof-only [--json] REPORT.json...

  --trust          the office's trust list (version 2): which key is registered for which unit,
                   tier, variant and cluster/block, and when
  --catalog        a published catalog (repeat for several versions)
  --received       the day the office received the report(s): sets the official timing (early
                   bonus, late penalty) and judges revocation; without it, timing is not checked
  --period         the reporting year being collected
  --expect-sha256  the SHA-256 printed on the paper copy (one report only)
  --proof-only     check the signature only: says nothing about the unit, the key or the numbers

Exit status 0 only when every report passes every check.";

pub fn run(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(
        raw,
        &[
            "--trust",
            "--catalog",
            "--received",
            "--period",
            "--expect-sha256",
        ],
        &["--json", "--proof-only"],
    )?;
    if args.positional.is_empty() {
        return Err(CliError::Usage(USAGE.into()));
    }
    if args.has("--proof-only") {
        return proof_only(&args);
    }
    let (Some(trust_path), false) = (args.value("--trust"), args.all("--catalog").is_empty())
    else {
        return Err(CliError::Usage(format!(
            "lỗi: cần --trust và --catalog để kiểm tra đầy đủ; chỉ kiểm tra chữ ký: --proof-only\n\
             error: a full verification needs --trust and --catalog; for the signature alone use --proof-only\n\n{USAGE}"
        )));
    };
    let catalogs = load_catalogs(&args)?;
    let trust = load_trust(trust_path, &read(trust_path)?)?;
    let expect_sha256 = args.value("--expect-sha256");
    if expect_sha256.is_some() && args.positional.len() != 1 {
        return Err(CliError::Usage(
            "--expect-sha256 compares one report with its paper copy: give exactly one REPORT.json"
                .into(),
        ));
    }
    let (received_on, period) = (date_flag(&args, "--received")?, year_flag(&args)?);
    // The deadline comes from the period; without the office's own period a unit could declare
    // next year's and turn a late report into an early one.
    if received_on.is_some() && period.is_none() {
        return Err(CliError::Bilingual {
            text: tdg_model::Text::new(
                "--received cần đi cùng --period NĂM (kỳ báo cáo cơ quan đang nhận)",
                "--received needs --period YEAR (the reporting year the office is collecting)",
            ),
        });
    }
    let options = VerifyOptions {
        catalogs: &catalogs,
        trust: Some(&trust),
        received_on,
        period,
        expect_sha256,
    };
    report_all(
        &args,
        |bytes| verify(bytes, &options),
        Verdict::passes,
        |v| table(v, &catalogs, verdict_text::lines(v)),
    )
}

fn proof_only(args: &Args) -> Result<bool, CliError> {
    let options = VerifyOptions::default();
    let all_valid = report_all(
        args,
        |bytes| verify(bytes, &options),
        Verdict::proof_valid,
        |v| table(v, &[], vec![verdict_text::proof(&v.proof)]),
    )?;
    if !args.has("--json") {
        println!(
            "chỉ kiểm tra chữ ký: chưa kiểm tra khóa đã đăng ký, danh mục, kết quả, thời hạn\n\
             proof only: the key's registration, the catalog, the results and the timing were not checked"
        );
    }
    Ok(all_valid)
}

/// Verifies every file, prints each verdict (or JSON) and the closing line.
fn report_all(
    args: &Args,
    check: impl Fn(&[u8]) -> Result<Verdict, tdg_report::verify::ReportError>,
    passes: fn(&Verdict) -> bool,
    render: impl Fn(&Verdict) -> String,
) -> Result<bool, CliError> {
    let mut all_pass = true;
    let mut json_out = Vec::new();
    for path in &args.positional {
        let outcome =
            read_at_most(path, tdg_report::strict_json::MAX_BYTES).map(|bytes| check(&bytes));
        let ok = matches!(&outcome, Ok(Ok(v)) if passes(v));
        all_pass &= ok;
        if args.has("--json") {
            json_out.push(match &outcome {
                Ok(Ok(v)) => serde_json::json!({ "file": path, "passes": ok, "verdict": v }),
                Ok(Err(e)) => {
                    serde_json::json!({ "file": path, "passes": false, "error": e.to_string() })
                }
                Err(e) => {
                    serde_json::json!({ "file": path, "passes": false, "error": e.to_string() })
                }
            });
            continue;
        }
        match &outcome {
            Ok(Ok(v)) => print!("{path}\n{}", render(v)),
            Ok(Err(e)) => {
                println!("{path}\n  ✗ không phải báo cáo hợp lệ / not a readable report: {e}\n")
            }
            Err(e) => println!("{path}\n  ✗ {e}\n"),
        }
    }
    let n = args.positional.len();
    if args.has("--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&json_out).unwrap_or_default()
        );
    } else if args.has("--proof-only") {
        let word = if all_pass {
            "CHỮ KÝ HỢP LỆ / PROOF VALID"
        } else {
            "CHỮ KÝ KHÔNG HỢP LỆ / PROOF INVALID"
        };
        println!("{word} ({n} report(s))");
    } else {
        let word = if all_pass {
            "ĐẠT / PASS"
        } else {
            "KHÔNG ĐẠT / FAIL"
        };
        println!("{word} ({n} report(s))");
    }
    Ok(all_pass)
}

pub(crate) fn load_trust(path: &str, bytes: &[u8]) -> Result<TrustList, CliError> {
    TrustList::from_json(bytes).map_err(|e| CliError::Bilingual {
        text: tdg_model::Text::new(
            format!("{path}: {}", e.message(tdg_model::Lang::Vi)),
            format!("{path}: {e}"),
        ),
    })
}

pub(crate) fn load_catalogs(args: &Args) -> Result<Vec<KnownCatalog>, CliError> {
    args.all("--catalog")
        .into_iter()
        .map(|path| {
            KnownCatalog::from_bytes(&read(path)?).map_err(|e| CliError::Catalog {
                path: path.to_string(),
                message: e.message(Lang::En),
            })
        })
        .collect()
}

pub(crate) fn date_flag(args: &Args, flag: &str) -> Result<Option<Date>, CliError> {
    args.value(flag)
        .map(|d| Date::parse_iso(d).map_err(|e| CliError::Invalid(format!("{flag}: {e}"))))
        .transpose()
}

pub(crate) fn year_flag(args: &Args) -> Result<Option<i32>, CliError> {
    args.value("--period")
        .map(|p| {
            p.parse().map_err(|_| {
                CliError::Invalid(format!("--period takes a year such as 2026, not '{p}'"))
            })
        })
        .transpose()
}

fn table(v: &Verdict, catalogs: &[KnownCatalog], checks: Vec<CheckLine>) -> String {
    let u = &v.unit;
    // The band's name when a given catalog has it (any catalog: names are for people only).
    let band = catalogs
        .iter()
        .find(|k| k.catalog.band(&v.stored_band).is_some())
        .map(|k| tdg_model::explain::band_name(&k.catalog, &v.stored_band, Lang::Vi))
        .unwrap_or_else(|| v.stored_band.clone());
    let mut lines = vec![
        format!(
            "  {} ({}), {}{}, {}, {} {}",
            u.name,
            u.code,
            u.tier,
            u.variant
                .as_deref()
                .map(|x| format!("/{x}"))
                .unwrap_or_default(),
            if u.group.is_empty() { "—" } else { &u.group },
            v.period,
            v.submitted_on.display_vn()
        ),
        format!(
            "  tổng điểm đã ký / signed total {}/100 — {band}",
            format_points(v.stored_total, Lang::Vi)
        ),
        format!(
            "  sha256 {}  key {}",
            v.sha256,
            v.fingerprint.as_deref().unwrap_or("?")
        ),
    ];
    for c in checks {
        lines.push(format!(
            "  {} {} / {}",
            c.mark.symbol(),
            c.text.vi,
            c.text.en
        ));
    }
    // Every line may carry text from the report: it must not move the cursor, hide text or
    // reorder what the office reads.
    lines
        .iter()
        .map(|l| printable(l))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n\n"
}

/// Text from a file, safe for a terminal: control characters (line breaks and escapes among
/// them) and bidirectional overrides are shown as `\u{…}` instead of acting.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
