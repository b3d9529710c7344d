//! Appraisal (thẩm định): the office's own score for a criterion of a unit, with a reason. It
//! never touches the signed report: it is kept beside it, in its own file, and the table shows
//! both. Here: the file (its format and its validation) and the rules, one place for the view
//! and any later command.
//!
//! Rules:
//! - An appraised criterion replaces the unit's points for that criterion; the others keep the
//!   points the unit signed.
//! - The base is summed and, where the unit answered "không áp dụng", rescaled exactly as the
//!   model rescales it (`tdg_model::score::rescale`, same maxima).
//! - Bonus and penalty are those of the ranked total (the official total where a received date
//!   gave one): the appraisal moves only the base.
//! - The band is the catalog's band for the appraised total.
//! - A unit with an appraisal is ranked by its appraised total; the others by their own.

use crate::entry::{normalize_code, Entry};
use crate::ranking::{rank, RankedEntry, TieBreaker};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use tdg_model::score::{band_for, rescale};
use tdg_model::units::MilliPoints;
use tdg_model::Catalog;
use tdg_model::Localized;
use tdg_report::trust::normalize_label;

/// What an appraisal file says it is.
pub const FORMAT: &str = "tdg-appraisal";
pub const VERSION: u32 = 1;
/// A reason is a sentence or a paragraph, not a document.
pub const MAX_REASON_CHARS: usize = 2_000;

/// The appraisals of a season: the file the office exports and imports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppraisalFile {
    pub format: String,
    pub version: u32,
    pub units: Vec<UnitAppraisal>,
}

/// One unit's appraisal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnitAppraisal {
    pub tier: String,
    pub unit_code: String,
    pub criteria: Vec<CriterionAppraisal>,
}

/// The appraised points of one criterion, in thousandths of a point like the report's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriterionAppraisal {
    pub criterion: String,
    pub milli_points: MilliPoints,
    pub reason: String,
}

/// Why an appraisal file or entry is refused, located by its JSON path, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {}", .text.en)]
pub struct AppraisalError {
    /// Where, as a JSON path (`/units/2/criteria/0/reason`); empty for the whole file.
    pub at: String,
    pub text: tdg_model::Text,
}

impl AppraisalError {
    fn new(at: String, vi: impl Into<String>, en: impl Into<String>) -> AppraisalError {
        AppraisalError {
            at,
            text: tdg_model::Text::new(vi, en),
        }
    }

    fn vietnamese(&self) -> String {
        if self.at.is_empty() {
            self.text.vi.clone()
        } else {
            format!("{}: {}", self.at, self.text.vi)
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for AppraisalError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
        }
    }
}

impl Default for AppraisalFile {
    fn default() -> Self {
        AppraisalFile {
            format: FORMAT.into(),
            version: VERSION,
            units: Vec::new(),
        }
    }
}

/// Checks one criterion's appraisal against the catalog: a criterion of the unit's tier,
/// points within its maximum, a reason given.
pub fn check_criterion(
    catalog: &Catalog,
    tier: &str,
    c: &CriterionAppraisal,
    at: &str,
) -> Result<(), AppraisalError> {
    let Some(criterion) = catalog.tier(tier).and_then(|t| t.criterion(&c.criterion)) else {
        return Err(AppraisalError::new(
            format!("{at}/criterion"),
            format!(
                "tiêu chí “{}” không có trong danh mục của cấp này",
                c.criterion
            ),
            format!("criterion “{}” is not in this tier's catalog", c.criterion),
        ));
    };
    if c.milli_points > criterion.max_points {
        return Err(AppraisalError::new(
            format!("{at}/milliPoints"),
            format!(
                "điểm thẩm định vượt điểm tối đa của tiêu chí ({} > {})",
                c.milli_points, criterion.max_points
            ),
            format!(
                "the appraised points exceed the criterion's maximum ({} > {})",
                c.milli_points, criterion.max_points
            ),
        ));
    }
    let reason = c.reason.trim();
    if reason.is_empty() {
        return Err(AppraisalError::new(
            format!("{at}/reason"),
            "cần ghi lý do thẩm định",
            "an appraisal needs a reason",
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(AppraisalError::new(
            format!("{at}/reason"),
            format!("lý do dài quá {MAX_REASON_CHARS} ký tự"),
            format!("the reason is longer than {MAX_REASON_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Reads an appraisal file (strict JSON: size, duplicate keys, depth) and checks every entry
/// against the catalog. The first problem is returned, located.
pub fn parse(bytes: &[u8], catalog: &Catalog) -> Result<AppraisalFile, AppraisalError> {
    let value = tdg_report::strict_json::parse(bytes).map_err(|e| {
        AppraisalError::new(
            String::new(),
            format!(
                "tệp thẩm định không đọc được: {}",
                e.message(tdg_model::Lang::Vi)
            ),
            format!("the appraisal file cannot be read: {e}"),
        )
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(AppraisalError::new(
            "/format".into(),
            "đây không phải tệp thẩm định của công cụ (format khác “tdg-appraisal”)",
            "this is not the tool's appraisal file (format is not “tdg-appraisal”)",
        ));
    }
    if value.get("version").and_then(|v| v.as_u64()) != Some(u64::from(VERSION)) {
        return Err(AppraisalError::new(
            "/version".into(),
            "phiên bản tệp thẩm định không được hỗ trợ",
            "unsupported appraisal file version",
        ));
    }
    let file: AppraisalFile = serde_json::from_value(value).map_err(|e| {
        AppraisalError::new(
            String::new(),
            format!("tệp thẩm định sai cấu trúc: {e}"),
            format!("the appraisal file is malformed: {e}"),
        )
    })?;
    let mut units = HashSet::new();
    for (u, unit) in file.units.iter().enumerate() {
        let at = format!("/units/{u}");
        if catalog.tier(&unit.tier).is_none() {
            return Err(AppraisalError::new(
                format!("{at}/tier"),
                format!("cấp “{}” không có trong danh mục", unit.tier),
                format!("tier “{}” is not in the catalog", unit.tier),
            ));
        }
        if !units.insert((unit.tier.clone(), normalize_code(&unit.unit_code)))
            || unit.unit_code.trim().is_empty()
        {
            return Err(AppraisalError::new(
                format!("{at}/unitCode"),
                "mã đơn vị trống hoặc lặp lại",
                "the unit code is empty or repeated",
            ));
        }
        let mut seen = HashSet::new();
        for (i, c) in unit.criteria.iter().enumerate() {
            let at = format!("{at}/criteria/{i}");
            if !seen.insert(c.criterion.as_str()) {
                return Err(AppraisalError::new(
                    format!("{at}/criterion"),
                    format!("tiêu chí “{}” được thẩm định hai lần", c.criterion),
                    format!("criterion “{}” is appraised twice", c.criterion),
                ));
            }
            check_criterion(catalog, &unit.tier, c, &at)?;
        }
    }
    Ok(file)
}

impl AppraisalFile {
    /// The file as exported: pretty JSON.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and integers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The appraisal of a unit, if any.
    pub fn unit(&self, tier: &str, code: &str) -> Option<&UnitAppraisal> {
        let code = normalize_code(code);
        self.units
            .iter()
            .find(|u| u.tier == tier && normalize_code(&u.unit_code) == code)
    }

    /// Sets (or, with no criteria, removes) a unit's appraisal.
    pub fn set(&mut self, unit: UnitAppraisal) {
        let code = normalize_code(&unit.unit_code);
        self.units
            .retain(|u| !(u.tier == unit.tier && normalize_code(&u.unit_code) == code));
        if !unit.criteria.is_empty() {
            self.units.push(unit);
        }
    }

    /// Another file's units replace this file's appraisals of the same units.
    pub fn merge(&mut self, other: AppraisalFile) {
        for unit in other.units {
            self.set(unit);
        }
    }
}

/// Points typed by a person ("8", "8,5" or "8.5", up to three decimals) in thousandths; `None`
/// for anything else (a negative, a fourth decimal, letters).
pub fn parse_points(text: &str) -> Option<MilliPoints> {
    let text = text.trim();
    let (whole, frac) = match text.find([',', '.']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 3 || whole.len() > 6 {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let frac: u32 = format!("{frac:0<3}").parse().ok()?;
    whole.checked_mul(1000)?.checked_add(frac)
}

/// A unit's total and band after appraisal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appraised {
    pub total: MilliPoints,
    pub band: String,
}

/// The base of a report (criteria points summed, rescaled over the applicable maximum where a
/// criterion does not apply), with `points(i)` the points of criterion `i`.
fn base(entry: &Entry, points: impl Fn(usize) -> MilliPoints) -> MilliPoints {
    let unscaled: MilliPoints = (0..entry.criteria.len()).map(&points).sum();
    let full: MilliPoints = entry.criteria.iter().map(|c| c.max).sum();
    let applicable: MilliPoints = entry
        .criteria
        .iter()
        .filter(|c| !c.not_applicable)
        .map(|c| c.max)
        .sum();
    if applicable < full {
        rescale(unscaled, full, applicable)
    } else {
        unscaled
    }
}

/// The appraised total and band of `entry` (rules at the top of this module).
pub fn appraise(entry: &Entry, unit: &UnitAppraisal, catalog: &Catalog) -> Appraised {
    let own = base(entry, |i| entry.criteria[i].points);
    let appraised = base(entry, |i| {
        let c = &entry.criteria[i];
        unit.criteria
            .iter()
            .find(|a| a.criterion == c.id)
            .map_or(c.points, |a| a.milli_points.min(c.max))
    });
    // Bonus minus penalty, as in the ranked total: kept unchanged.
    let adjustments = i64::from(entry.total) - i64::from(own);
    let total = u32::try_from((i64::from(appraised) + adjustments).max(0)).unwrap_or(u32::MAX);
    Appraised {
        band: band_for(catalog, &entry.unit.tier, total),
        total,
    }
}

/// The ranking with appraisals: each counted entry (those in `ranked`) ranked by its appraised
/// total where it has one. Returns the new ranking and, per entry, its appraisal.
pub fn rank_appraised(
    entries: &[Entry],
    ranked: &[RankedEntry],
    file: &AppraisalFile,
    catalog: &Catalog,
    tie_breakers: &[TieBreaker],
) -> (Vec<RankedEntry>, Vec<Option<Appraised>>) {
    let mut appraised = vec![None; entries.len()];
    let mut adjusted = entries.to_vec();
    for r in ranked {
        let e = &entries[r.entry];
        if let Some(unit) = file.unit(&e.unit.tier, &e.unit.code) {
            let a = appraise(e, unit, catalog);
            adjusted[r.entry].total = a.total;
            adjusted[r.entry].band = a.band.clone();
            appraised[r.entry] = Some(a);
        }
    }
    let counted: Vec<usize> = ranked.iter().map(|r| r.entry).collect();
    (
        rank(&adjusted, &counted, tie_breakers, normalize_label),
        appraised,
    )
}

/// Band counts per tier and group after appraisal: an appraised unit counts in its appraised
/// band, the others in their own (what the band chart and its table show).
pub fn appraised_band_counts(
    entries: &[Entry],
    ranked: &[RankedEntry],
    appraised: &[Option<Appraised>],
) -> Vec<crate::stats::BandCount> {
    crate::stats::band_counts_by(ranked, |i| {
        appraised
            .get(i)
            .and_then(Option::as_ref)
            .map_or(entries[i].band.as_str(), |a| a.band.as_str())
    })
}
