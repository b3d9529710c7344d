//! How each check of a verdict reads, in Vietnamese and English: decided once here, used by
//! `tdg verify` and (later) the office's view in the browser.

use crate::report::REPORT_VERSION;
use crate::trust::{FieldMismatch, Registration};
use crate::verify::{
    CatalogCheck, DatesCheck, Difference, FileHashCheck, PeriodCheck, ProofCheck, ReportError,
    ResultsCheck, TimingCheck, Verdict,
};
use tdg_model::units::format_points;
use tdg_model::Localized;
use tdg_model::{Lang, Timing};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Pass,
    Fail,
    /// Not a failure, but something the office must see (not checked, late, changed timing).
    Note,
}

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Pass => "✓",
            Mark::Fail => "✗",
            Mark::Note => "!",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckLine {
    pub mark: Mark,
    pub text: tdg_model::Text,
}

fn line(mark: Mark, vi: impl Into<String>, en: impl Into<String>) -> CheckLine {
    CheckLine {
        mark,
        text: tdg_model::Text::new(vi, en),
    }
}

/// The checks of a verdict, each a column of the office's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Proof,
    Dates,
    Key,
    Catalog,
    Results,
    Timing,
    Period,
    FileHash,
    /// A submission, or a report made in training mode.
    Purpose,
}

impl Check {
    pub const ALL: [Check; 9] = [
        Check::Proof,
        Check::Dates,
        Check::Key,
        Check::Catalog,
        Check::Results,
        Check::Timing,
        Check::Period,
        Check::FileHash,
        Check::Purpose,
    ];

    /// The column's heading.
    pub fn heading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Check::Proof, Lang::Vi) => "Chữ ký",
            (Check::Proof, Lang::En) => "Proof",
            (Check::Dates, Lang::Vi) => "Ngày ký",
            (Check::Dates, Lang::En) => "Dates",
            (Check::Key, Lang::Vi) => "Khóa đã đăng ký",
            (Check::Key, Lang::En) => "Registered key",
            (Check::Catalog, Lang::Vi) => "Danh mục tiêu chí",
            (Check::Catalog, Lang::En) => "Catalog",
            (Check::Results, Lang::Vi) => "Kiểm tra chấm lại",
            (Check::Results, Lang::En) => "Results equal re-score",
            (Check::Timing, Lang::Vi) => "Thời hạn",
            (Check::Timing, Lang::En) => "Timing",
            (Check::Period, Lang::Vi) => "Năm báo cáo",
            (Check::Period, Lang::En) => "Period",
            (Check::FileHash, Lang::Vi) => "Mã SHA-256 của tệp",
            (Check::FileHash, Lang::En) => "File SHA-256",
            (Check::Purpose, Lang::Vi) => "Mục đích",
            (Check::Purpose, Lang::En) => "Purpose",
        }
    }

    /// How this check of `v` reads.
    pub fn line(self, v: &Verdict) -> CheckLine {
        match self {
            Check::Proof => proof(&v.proof),
            Check::Dates => dates(&v.dates),
            Check::Key => key(v.key.as_ref()),
            Check::Catalog => catalog(&v.catalog),
            Check::Results => results(&v.results),
            Check::Timing => timing(&v.timing, v.stored_total, v.results == ResultsCheck::Equal),
            Check::Period => period(&v.period_check, v.period),
            Check::FileHash => file_hash(&v.file_hash),
            Check::Purpose => purpose(v.training),
        }
    }
}

/// Whether the report was made to be submitted or in training mode.
pub fn purpose(training: bool) -> CheckLine {
    if training {
        line(
            Mark::Fail,
            "báo cáo làm trong chế độ tập huấn: không có giá trị nộp",
            "a report made in training mode: not valid as a submission",
        )
    } else {
        line(Mark::Pass, "báo cáo để nộp", "a report for submission")
    }
}

/// Every check of the verdict, one line each, in a fixed order.
pub fn lines(v: &Verdict) -> Vec<CheckLine> {
    let mut lines: Vec<CheckLine> = Check::ALL.iter().map(|c| c.line(v)).collect();
    if let Some(name) = &v.registered_name {
        lines.insert(
            3,
            line(
                Mark::Note,
                format!(
                    "tên đơn vị đã đăng ký: “{name}”, báo cáo ghi: “{}”",
                    v.unit.name
                ),
                format!(
                    "unit name registered: “{name}”, the report says: “{}”",
                    v.unit.name
                ),
            ),
        );
    }
    lines
}

/// The proof alone, for `--proof-only`.
pub fn proof(p: &ProofCheck) -> CheckLine {
    match p {
        ProofCheck::Valid => line(Mark::Pass, "chữ ký hợp lệ", "proof valid"),
        ProofCheck::Invalid(why) => line(
            Mark::Fail,
            format!("chữ ký không hợp lệ: {}", why.message(tdg_model::Lang::Vi)),
            format!("proof invalid: {why}"),
        ),
        ProofCheck::IssuerMismatch => line(
            Mark::Fail,
            "chữ ký bằng khóa khác khóa của đơn vị phát hành",
            "signed with another key than the issuer's",
        ),
        ProofCheck::BadIssuer(why) => line(
            Mark::Fail,
            format!("bên phát hành không phải did:key: {why}"),
            format!("issuer is not a did:key: {why}"),
        ),
    }
}

fn dates(d: &DatesCheck) -> CheckLine {
    match d {
        DatesCheck::Consistent => line(
            Mark::Pass,
            "ngày ký và ngày gửi khớp nhau",
            "signing time and submission day agree",
        ),
        DatesCheck::BadTimestamp { field, value } => line(
            Mark::Fail,
            format!("{field} không phải thời điểm hợp lệ: '{value}'"),
            format!("{field} is not a valid timestamp: '{value}'"),
        ),
        DatesCheck::ValidFromNotCreated {
            valid_from,
            created_on,
        } => line(
            Mark::Fail,
            format!(
                "validFrom ({}) không cùng ngày với thời điểm ký ({})",
                valid_from.display_vn(),
                created_on.display_vn()
            ),
            format!(
                "validFrom ({}) is not the signing day ({})",
                valid_from.display_vn(),
                created_on.display_vn()
            ),
        ),
        DatesCheck::NotTheSigningDay {
            submitted_on,
            created_on,
        } => line(
            Mark::Fail,
            format!(
                "ngày gửi {} không phải ngày ký {}",
                submitted_on.display_vn(),
                created_on.display_vn()
            ),
            format!(
                "submission day {} is not the signing day {}",
                submitted_on.display_vn(),
                created_on.display_vn()
            ),
        ),
    }
}

fn key(r: Option<&Registration>) -> CheckLine {
    let Some(r) = r else {
        return line(
            Mark::Fail,
            "khóa chưa được kiểm tra (không có danh sách khóa)",
            "key not checked (no trust list given)",
        );
    };
    match r {
        Registration::Valid => line(
            Mark::Pass,
            "khóa đã đăng ký cho đơn vị, cấp và cụm/khối này",
            "key registered for this unit, tier and cluster/block",
        ),
        Registration::Unknown => line(Mark::Fail, "khóa chưa đăng ký", "key not registered"),
        Registration::OtherUnits { units } => line(
            Mark::Fail,
            format!("khóa đăng ký cho đơn vị khác: {}", units.join(", ")),
            format!("key registered for other units: {}", units.join(", ")),
        ),
        Registration::Mismatch { fields } => line(
            Mark::Fail,
            format!(
                "báo cáo khai khác với đăng ký: {}",
                mismatches(fields, Lang::Vi)
            ),
            format!(
                "the report declares other than the registration: {}",
                mismatches(fields, Lang::En)
            ),
        ),
        Registration::NotYetValid { valid_from } => line(
            Mark::Fail,
            format!("khóa chỉ có hiệu lực từ {}", valid_from.display_vn()),
            format!("key valid only from {}", valid_from.display_vn()),
        ),
        Registration::Expired { valid_until } => line(
            Mark::Fail,
            format!("khóa hết hiệu lực sau {}", valid_until.display_vn()),
            format!("key expired after {}", valid_until.display_vn()),
        ),
        Registration::Revoked { revoked_on } => line(
            Mark::Fail,
            format!("khóa bị thu hồi từ {}", revoked_on.display_vn()),
            format!("key revoked on {}", revoked_on.display_vn()),
        ),
    }
}

fn mismatches(fields: &[FieldMismatch], lang: Lang) -> String {
    let field = |f: &str| {
        match (f, lang) {
            ("tier", Lang::Vi) => "cấp",
            ("tier", Lang::En) => "tier",
            ("variant", Lang::Vi) => "phân loại",
            ("variant", Lang::En) => "variant",
            ("group", Lang::Vi) => "cụm, khối",
            ("group", Lang::En) => "cluster or block",
            (other, _) => other,
        }
        .to_string()
    };
    // The catalog's name where it has one, else the value as written; an empty one says so.
    let shown = |name: &Option<tdg_model::Text>, value: &str| match name {
        Some(n) => n.get(lang).to_string(),
        None if value.trim().is_empty() => match lang {
            Lang::Vi => "(trống)".into(),
            Lang::En => "(empty)".into(),
        },
        None => value.to_string(),
    };
    fields
        .iter()
        .map(|f| {
            let declared = shown(&f.declared_name, &f.declared);
            let registered = shown(&f.registered_name, &f.registered);
            match lang {
                Lang::Vi => format!(
                    "{}: báo cáo khai “{declared}”, khóa đăng ký cho “{registered}”",
                    field(&f.field)
                ),
                Lang::En => format!(
                    "{}: the report declares “{declared}”, the key is registered for “{registered}”",
                    field(&f.field)
                ),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn catalog(c: &CatalogCheck) -> CheckLine {
    match c {
        CatalogCheck::NotChecked => line(
            Mark::Fail,
            "danh mục chưa được kiểm tra (không có danh mục)",
            "catalog not checked (no catalog given)",
        ),
        CatalogCheck::Known => line(Mark::Pass, "danh mục đã biết", "catalog known"),
        CatalogCheck::Unknown => line(Mark::Fail, "danh mục không rõ", "catalog unknown"),
        CatalogCheck::HashMismatch => line(
            Mark::Fail,
            "danh mục bị sửa (SHA-256 khác)",
            "catalog changed (SHA-256 differs)",
        ),
    }
}

fn results(r: &ResultsCheck) -> CheckLine {
    match r {
        ResultsCheck::NotChecked => line(
            Mark::Fail,
            "kết quả chưa được chấm lại (danh mục không dùng được)",
            "results not re-scored (no usable catalog)",
        ),
        ResultsCheck::Equal => line(
            Mark::Pass,
            "kết quả khớp khi chấm lại với ngày gửi đơn vị khai",
            "results equal the re-score with the unit's own submission day",
        ),
        ResultsCheck::Differ(d) => {
            let all = |lang| {
                d.iter()
                    .map(|x| difference(x, lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            line(
                Mark::Fail,
                format!(
                    "kết quả ghi trong báo cáo khác khi chấm lại: {}",
                    all(Lang::Vi)
                ),
                format!("results differ from the re-score: {}", all(Lang::En)),
            )
        }
        ResultsCheck::Unscorable(why) => line(
            Mark::Fail,
            format!(
                "không chấm lại được: {}",
                why.message(tdg_model::Lang::Vi).trim_end_matches('.')
            ),
            format!("cannot re-score: {why}"),
        ),
    }
}

/// One difference between the signed results and the re-score, in `lang`, with the catalog's
/// names (never ids) and the language's decimal sign.
pub fn difference(d: &Difference, lang: Lang) -> String {
    let pts = |p| format_points(p, lang);
    match (d, lang) {
        (Difference::ForeignAnswers(ids), Lang::Vi) => format!(
            "có câu trả lời cho tiêu chí không thuộc cấp, phân loại này ({})",
            ids.join(", ")
        ),
        (Difference::ForeignAnswers(ids), Lang::En) => format!(
            "answers that are not criteria of this tier and variant: {}",
            ids.join(", ")
        ),
        (Difference::ExtraFields, Lang::Vi) => {
            "kết quả có thêm trường mà phép chấm lại không ghi".into()
        }
        (Difference::ExtraFields, Lang::En) => {
            "the stored results hold fields the re-score does not write".into()
        }
        (Difference::Total { stored, rescored }, Lang::Vi) => format!(
            "tổng điểm ghi trong báo cáo {}, chấm lại từ câu trả lời được {}",
            pts(*stored),
            pts(*rescored)
        ),
        (Difference::Total { stored, rescored }, Lang::En) => format!(
            "total: stored {} but the answers give {}",
            pts(*stored),
            pts(*rescored)
        ),
        (Difference::Band { stored, rescored }, _) => match lang {
            Lang::Vi => format!(
                "mức ghi trong báo cáo “{}”, chấm lại được “{}”",
                stored.get(lang),
                rescored.get(lang)
            ),
            Lang::En => format!(
                "band: stored “{}” but the answers give “{}”",
                stored.get(lang),
                rescored.get(lang)
            ),
        },
        (
            Difference::Criterion {
                name,
                stored,
                rescored,
            },
            _,
        ) => match lang {
            Lang::Vi => format!(
                "tiêu chí “{}”: báo cáo ghi {} điểm, chấm lại được {} điểm",
                name.get(lang),
                pts(*stored),
                pts(*rescored)
            ),
            Lang::En => format!(
                "“{}”: stored {} but the answers give {}",
                name.get(lang),
                pts(*stored),
                pts(*rescored)
            ),
        },
        (Difference::MissingCriterion(name), Lang::Vi) => {
            format!("tiêu chí “{}” thiếu trong kết quả", name.get(lang))
        }
        (Difference::MissingCriterion(name), Lang::En) => {
            format!("“{}” is missing from the stored results", name.get(lang))
        }
        (Difference::Other, Lang::Vi) => "kết quả ghi trong báo cáo khác kết quả chấm lại".into(),
        (Difference::Other, Lang::En) => "the stored results differ from the re-scored ones".into(),
    }
}

/// `results_equal`: the stored results are what the answers give, so a difference in the timing
/// lines comes from the received date alone (otherwise no such reassurance is given).
fn timing(
    t: &TimingCheck,
    signed_total: tdg_model::units::MilliPoints,
    results_equal: bool,
) -> CheckLine {
    let pts = |p, lang| format_points(p, lang);
    match t {
        TimingCheck::NotChecked => line(
            Mark::Note,
            "thời hạn chưa kiểm tra: chưa có ngày nhận báo cáo; không có tổng điểm chính thức",
            "timing not checked: no received date; no official total",
        ),
        TimingCheck::Unscorable => line(
            Mark::Note,
            "chưa kiểm tra thời hạn: báo cáo không chấm lại được theo danh mục (xem cột “Danh mục tiêu chí” và “Kiểm tra chấm lại”), nên không có tổng điểm chính thức",
            "timing not checked: the report cannot be re-scored with its catalog (see the “Catalog” and “Results” columns), so there is no official total",
        ),
        TimingCheck::SubmittedAfterReceipt {
            submitted_on,
            received_on,
        } => line(
            Mark::Fail,
            format!(
                "ngày gửi {} sau ngày nhận {}",
                submitted_on.display_vn(),
                received_on.display_vn()
            ),
            format!(
                "submitted on {}, after it was received on {}",
                submitted_on.display_vn(),
                received_on.display_vn()
            ),
        ),
        TimingCheck::ReceivedBeforeItsYear {
            period,
            received_on,
        } => line(
            Mark::Fail,
            format!(
                "báo cáo kỳ {period} nhưng nhận ngày {}, trước khi kỳ bắt đầu",
                received_on.display_vn()
            ),
            format!(
                "a report for {period} received on {}, before that year began",
                received_on.display_vn()
            ),
        ),
        TimingCheck::Official {
            timing,
            total,
            lines_changed,
            ..
        } => {
            let days_en = |n: u32| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
            let (when_vi, when_en) = match timing {
                Timing::NotBound => (
                    "hạn gửi không áp dụng cho cấp này".to_string(),
                    "the deadline does not bind this tier".to_string(),
                ),
                Timing::OnTime { days_early } => (
                    format!("đúng hạn (nhận trước hạn {days_early} ngày)"),
                    format!("on time ({} early)", days_en(*days_early)),
                ),
                Timing::Late { days_late } => (
                    format!("nhận muộn {days_late} ngày"),
                    format!("received {} late", days_en(*days_late)),
                ),
            };
            let official_vi = format!("tổng điểm chính thức {}/100", pts(*total, Lang::Vi));
            let official_en = format!("official total {}/100", pts(*total, Lang::En));
            // The signed bonus or penalty was the unit's guess of its sending day; the office's
            // received date decides. Said plainly, so it is not read as tampering.
            let (vi, en) = if *lines_changed && results_equal {
                (
                    format!(
                        "{when_vi}; điểm thưởng, điểm trừ tính theo ngày nhận: {official_vi} (bản ký: {})",
                        pts(signed_total, Lang::Vi)
                    ),
                    format!(
                        "{when_en}; bonus and penalty by the received date: {official_en} (signed: {})",
                        pts(signed_total, Lang::En)
                    ),
                )
            } else if *lines_changed {
                (
                    format!("{when_vi}; {official_vi} (bản ký: {})", pts(signed_total, Lang::Vi)),
                    format!("{when_en}; {official_en} (signed: {})", pts(signed_total, Lang::En)),
                )
            } else {
                (format!("{when_vi}; {official_vi}"), format!("{when_en}; {official_en}"))
            };
            let mark = if timing.is_late() {
                Mark::Note
            } else {
                Mark::Pass
            };
            line(mark, vi, en)
        }
    }
}

fn period(p: &PeriodCheck, period: i32) -> CheckLine {
    match p {
        PeriodCheck::NotChecked => line(
            Mark::Note,
            format!("kỳ báo cáo {period} (chưa đối chiếu: --period)"),
            format!("reporting year {period} (not compared: --period)"),
        ),
        PeriodCheck::Expected => line(
            Mark::Pass,
            format!("đúng kỳ báo cáo {period}"),
            format!("reporting year {period} as expected"),
        ),
        PeriodCheck::Other { expected } => line(
            Mark::Fail,
            format!("báo cáo kỳ {period}, không phải kỳ {expected}"),
            format!("a report for {period}, not {expected}"),
        ),
    }
}

fn file_hash(h: &FileHashCheck) -> CheckLine {
    match h {
        FileHashCheck::NotChecked => line(
            Mark::Note,
            "chưa đối chiếu SHA-256 với bản in (--expect-sha256)",
            "SHA-256 not compared with the paper copy (--expect-sha256)",
        ),
        FileHashCheck::Equal => line(
            Mark::Pass,
            "SHA-256 khớp với bản in",
            "SHA-256 equals the paper copy's",
        ),
        FileHashCheck::Differs { expected } => line(
            Mark::Fail,
            format!("SHA-256 khác với bản in ({expected})"),
            format!("SHA-256 differs from the paper copy's ({expected})"),
        ),
    }
}

/// Why a file is not a report at all, in Vietnamese (the English is the error's `Display`).
pub fn report_error_vi(e: &ReportError) -> String {
    match e {
        ReportError::Json(j) => format!("không đọc được tệp: {}", j.message(tdg_model::Lang::Vi)),
        ReportError::NoVersion => "không phải báo cáo: thiếu trường reportVersion".into(),
        ReportError::UnknownVersion(v) => format!(
            "báo cáo phiên bản {v}, công cụ này chỉ đọc phiên bản {REPORT_VERSION}: hãy dùng phiên bản công cụ mới hơn"
        ),
        ReportError::Shape(detail) => {
            format!("không phải báo cáo của công cụ này (chi tiết kỹ thuật: {detail})")
        }
    }
}
