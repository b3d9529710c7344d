//! Catalog validation: every problem is collected and located, none stops the search for others.

use super::*;
use crate::text::Lang;
use crate::units::FULL_SHARE;
use std::collections::BTreeSet;
use std::fmt;

/// Total points of every tier (and of every variant of a tier).
pub const TIER_TOTAL: MilliPoints = 100_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    #[error("the catalog file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error(
        "the catalog file is not valid catalog JSON at line {line}, column {column}: {message}"
    )]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the catalog has {} problem(s): {}", .0.len(), list(.0))]
    Invalid(Vec<CatalogProblem>),
}

fn list(problems: &[CatalogProblem]) -> String {
    let parts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    parts.join("; ")
}

impl CatalogError {
    /// The message for people, in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CatalogError::NotUtf8 { offset }, Lang::Vi) => {
                format!(
                    "Tệp danh mục không phải văn bản UTF-8 (byte lỗi đầu tiên ở vị trí {offset})."
                )
            }
            (
                CatalogError::Syntax {
                    line,
                    column,
                    message,
                },
                Lang::Vi,
            ) => {
                format!("Tệp danh mục không đúng định dạng ở dòng {line}, cột {column}: {message}")
            }
            (CatalogError::Invalid(problems), Lang::Vi) => {
                let parts: Vec<String> = problems.iter().map(|p| p.message(Lang::Vi)).collect();
                format!("Danh mục có {} lỗi: {}", problems.len(), parts.join("; "))
            }
            (error, Lang::En) => error.to_string(),
        }
    }
}

/// One problem, located by a path such as `tiers[2].criteria[0].measure.target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogProblem {
    pub path: String,
    pub issue: CatalogIssue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogIssue {
    Empty,
    MissingTranslation,
    DuplicateId(String),
    UnknownGroup(String),
    UnknownVariant(String),
    UnknownTier(String),
    UnknownKind,
    TargetOutOfRange {
        value: i64,
        min: i64,
        max: i64,
    },
    PointsSum {
        variant: Option<String>,
        sum: MilliPoints,
    },
    NoFullLevel,
    BadYearRange,
    BadDeadline,
    NoOffice(i32),
    BandsNotDescending,
    NoBottomBand,
}

impl CatalogProblem {
    pub fn message(&self, lang: Lang) -> String {
        let what = match lang {
            Lang::Vi => self.issue.vi(),
            Lang::En => self.issue.en(),
        };
        format!("{}: {}", self.path, what)
    }
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl CatalogIssue {
    fn en(&self) -> String {
        use CatalogIssue::*;
        match self {
            Empty => "must not be empty".into(),
            MissingTranslation => "needs both Vietnamese (vi) and English (en) text".into(),
            DuplicateId(id) => format!("id '{id}' is used twice"),
            UnknownGroup(id) => format!("group '{id}' is not defined in groups"),
            UnknownTier(id) => format!("tier '{id}' is not defined in tiers"),
            UnknownVariant(id) => format!("variant '{id}' is not a variant of this tier"),
            UnknownKind => "unknown kind (expected one this version knows)".into(),
            TargetOutOfRange { value, min, max } => {
                format!("{value} is outside the allowed range {min}..={max}")
            }
            PointsSum { variant, sum } => format!(
                "maximum points add up to {} instead of 100{}",
                f64_free(*sum),
                variant
                    .as_ref()
                    .map(|v| format!(" for variant '{v}'"))
                    .unwrap_or_default()
            ),
            NoFullLevel => "no level earns the full points (share 10000)".into(),
            BadYearRange => "'from' is after 'to'".into(),
            BadDeadline => "is not a real day and month".into(),
            NoOffice(year) => format!("no receiving office for the year {year}"),
            BandsNotDescending => "bands must be listed from the highest minimum down".into(),
            NoBottomBand => "the last band must start at 0 so every total has a band".into(),
        }
    }

    fn vi(&self) -> String {
        use CatalogIssue::*;
        match self {
            Empty => "không được để trống".into(),
            MissingTranslation => "cần có cả tiếng Việt (vi) và tiếng Anh (en)".into(),
            DuplicateId(id) => format!("mã '{id}' bị dùng hai lần"),
            UnknownGroup(id) => format!("nhóm '{id}' chưa được khai báo trong groups"),
            UnknownTier(id) => format!("cấp '{id}' chưa được khai báo trong tiers"),
            UnknownVariant(id) => format!("'{id}' không phải là phân loại của cấp này"),
            UnknownKind => "loại tiêu chí không xác định".into(),
            TargetOutOfRange { value, min, max } => {
                format!("{value} nằm ngoài khoảng cho phép {min}..={max}")
            }
            PointsSum { variant, sum } => format!(
                "tổng điểm tối đa là {} thay vì 100{}",
                f64_free(*sum),
                variant
                    .as_ref()
                    .map(|v| format!(" (phân loại '{v}')"))
                    .unwrap_or_default()
            ),
            NoFullLevel => "không có mức nào đạt điểm tối đa (share 10000)".into(),
            BadYearRange => "năm bắt đầu (from) sau năm kết thúc (to)".into(),
            BadDeadline => "không phải ngày, tháng có thật".into(),
            NoOffice(year) => format!("không có cơ quan nhận báo cáo cho năm {year}"),
            BandsNotDescending => "các mức xếp loại phải xếp từ cao xuống thấp".into(),
            NoBottomBand => "mức xếp loại cuối cùng phải bắt đầu từ 0".into(),
        }
    }
}

/// Milli-points as a plain decimal without floats (`99.5`).
fn f64_free(milli: MilliPoints) -> String {
    crate::units::format_points(milli, Lang::En)
}

struct Collector {
    problems: Vec<CatalogProblem>,
}

impl Collector {
    fn push(&mut self, path: impl Into<String>, issue: CatalogIssue) {
        self.problems.push(CatalogProblem {
            path: path.into(),
            issue,
        });
    }

    fn text(&mut self, path: impl Into<String>, text: &Text) {
        if text.is_incomplete() {
            self.push(path, CatalogIssue::MissingTranslation);
        }
    }

    fn id(&mut self, path: impl Into<String>, id: &str, seen: &mut BTreeSet<String>) {
        let path = path.into();
        if id.trim().is_empty() {
            self.push(path, CatalogIssue::Empty);
        } else if !seen.insert(id.to_string()) {
            self.push(path, CatalogIssue::DuplicateId(id.to_string()));
        }
    }

    fn range(&mut self, path: impl Into<String>, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            self.push(path, CatalogIssue::TargetOutOfRange { value, min, max });
        }
    }

    fn years(&mut self, path: &str, years: &YearRange) {
        if years.to.is_some_and(|to| to < years.from) {
            self.push(path, CatalogIssue::BadYearRange);
        }
    }

    fn provenance(&mut self, path: &str, provenance: &Provenance) {
        match provenance {
            Provenance::Plan { section, quote } => {
                if section.trim().is_empty() {
                    self.push(format!("{path}.section"), CatalogIssue::Empty);
                }
                if quote.trim().is_empty() {
                    self.push(format!("{path}.quote"), CatalogIssue::Empty);
                }
            }
            Provenance::DefaultModel { reason } => self.text(format!("{path}.reason"), reason),
        }
    }
}

impl Catalog {
    /// Every problem of this catalog, located; empty when it is valid.
    pub fn problems(&self) -> Vec<CatalogProblem> {
        let mut c = Collector {
            problems: Vec::new(),
        };
        if self.id.trim().is_empty() {
            c.push("id", CatalogIssue::Empty);
        }
        if self.version.trim().is_empty() {
            c.push("version", CatalogIssue::Empty);
        }
        c.text("title", &self.title);
        for (i, r) in self.legal_references.iter().enumerate() {
            c.text(format!("legalReferences[{i}].title"), &r.title);
        }
        c.years("periods", &self.periods);
        self.check_offices(&mut c);
        if crate::date::Date::new(2024, self.deadline.before_month, self.deadline.before_day)
            .is_none()
        {
            c.push("deadline", CatalogIssue::BadDeadline);
        }
        c.provenance("deadline.provenance", &self.deadline.provenance);
        c.provenance("deadline.binds.provenance", &self.deadline.binds.provenance);
        for (i, t) in self.deadline.binds.tiers.iter().enumerate() {
            if self.tier(t).is_none() {
                c.push(
                    format!("deadline.binds.tiers[{i}]"),
                    CatalogIssue::UnknownTier(t.clone()),
                );
            }
        }
        self.check_bands(&mut c);
        self.check_bonus_and_penalties(&mut c);
        let mut group_ids = BTreeSet::new();
        for (i, g) in self.groups.iter().enumerate() {
            c.id(format!("groups[{i}].id"), &g.id, &mut group_ids);
            c.text(format!("groups[{i}].name"), &g.name);
            c.provenance(&format!("groups[{i}].provenance"), &g.provenance);
        }
        let mut tier_ids = BTreeSet::new();
        let mut criterion_ids = BTreeSet::new();
        for (i, tier) in self.tiers.iter().enumerate() {
            let path = format!("tiers[{i}]");
            c.id(format!("{path}.id"), &tier.id, &mut tier_ids);
            check_tier(&mut c, &path, tier, &group_ids, &mut criterion_ids);
        }
        if self.tiers.is_empty() {
            c.push("tiers", CatalogIssue::Empty);
        }
        c.problems
    }

    fn check_offices(&self, c: &mut Collector) {
        for (i, o) in self.offices.iter().enumerate() {
            c.text(format!("offices[{i}].name"), &o.name);
            c.years(&format!("offices[{i}].periods"), &o.periods);
        }
        // Every year the catalog serves needs an office; an open end is checked for a decade.
        let last = self.periods.to.unwrap_or(self.periods.from + 10);
        if let Some(year) = (self.periods.from..=last).find(|y| self.office_for(*y).is_none()) {
            c.push("offices", CatalogIssue::NoOffice(year));
        }
    }

    fn check_bands(&self, c: &mut Collector) {
        let mut ids = BTreeSet::new();
        for (i, b) in self.bands.iter().enumerate() {
            c.id(format!("bands[{i}].id"), &b.id, &mut ids);
            c.text(format!("bands[{i}].name"), &b.name);
            c.range(
                format!("bands[{i}].minPoints"),
                i64::from(b.min_points),
                0,
                i64::from(TIER_TOTAL),
            );
        }
        if self
            .bands
            .windows(2)
            .any(|w| w[0].min_points <= w[1].min_points)
        {
            c.push("bands", CatalogIssue::BandsNotDescending);
        }
        match self.bands.last() {
            None => c.push("bands", CatalogIssue::Empty),
            Some(b) if b.min_points != 0 => c.push("bands", CatalogIssue::NoBottomBand),
            Some(_) => {}
        }
    }

    fn check_bonus_and_penalties(&self, c: &mut Collector) {
        c.range(
            "bonus.cap",
            i64::from(self.bonus.cap),
            0,
            i64::from(TIER_TOTAL),
        );
        let mut ids = BTreeSet::new();
        for (i, r) in self.bonus.rules.iter().enumerate() {
            let path = format!("bonus.rules[{i}]");
            c.id(format!("{path}.id"), &r.id, &mut ids);
            c.text(format!("{path}.name"), &r.name);
            c.provenance(&format!("{path}.provenance"), &r.provenance);
            match r.when {
                BonusCondition::Unknown => {
                    c.push(format!("{path}.when.kind"), CatalogIssue::UnknownKind)
                }
                BonusCondition::ExceedTarget { margin } => c.range(
                    format!("{path}.when.margin"),
                    i64::from(margin),
                    0,
                    i64::from(FULL_SHARE),
                ),
                BonusCondition::EarlySubmission { days_before } => c.range(
                    format!("{path}.when.daysBefore"),
                    i64::from(days_before),
                    1,
                    366,
                ),
            }
        }
        for (i, p) in self.penalties.iter().enumerate() {
            let path = format!("penalties[{i}]");
            c.id(format!("{path}.id"), &p.id, &mut ids);
            c.text(format!("{path}.name"), &p.name);
            c.provenance(&format!("{path}.provenance"), &p.provenance);
            c.range(
                format!("{path}.points"),
                i64::from(p.points),
                0,
                i64::from(TIER_TOTAL),
            );
            if p.when == PenaltyCondition::Unknown {
                c.push(format!("{path}.when.kind"), CatalogIssue::UnknownKind);
            }
        }
    }
}

fn check_tier(
    c: &mut Collector,
    path: &str,
    tier: &Tier,
    group_ids: &BTreeSet<String>,
    criterion_ids: &mut BTreeSet<String>,
) {
    c.text(format!("{path}.name"), &tier.name);
    c.text(format!("{path}.members"), &tier.members);
    c.provenance(&format!("{path}.provenance"), &tier.provenance);
    c.years(&format!("{path}.periods"), &tier.periods);
    let mut variant_ids = BTreeSet::new();
    for (i, v) in tier.variants.iter().enumerate() {
        c.id(format!("{path}.variants[{i}].id"), &v.id, &mut variant_ids);
        c.text(format!("{path}.variants[{i}].name"), &v.name);
    }
    for (i, criterion) in tier.criteria.iter().enumerate() {
        let cpath = format!("{path}.criteria[{i}]");
        c.id(format!("{cpath}.id"), &criterion.id, criterion_ids);
        check_criterion(c, &cpath, criterion, group_ids, &variant_ids);
    }
    if tier.criteria.is_empty() {
        c.push(format!("{path}.criteria"), CatalogIssue::Empty);
    }
    check_points_sum(c, path, tier);
}

fn check_points_sum(c: &mut Collector, path: &str, tier: &Tier) {
    let sum_for = |variant: Option<&str>| -> MilliPoints {
        tier.criteria_for(variant)
            .map(|x| x.max_points)
            .fold(0, u32::saturating_add)
    };
    if tier.variants.is_empty() {
        let sum = sum_for(None);
        if sum != TIER_TOTAL {
            c.push(
                format!("{path}.criteria"),
                CatalogIssue::PointsSum { variant: None, sum },
            );
        }
    }
    for v in &tier.variants {
        let sum = sum_for(Some(&v.id));
        if sum != TIER_TOTAL {
            let variant = Some(v.id.clone());
            c.push(
                format!("{path}.criteria"),
                CatalogIssue::PointsSum { variant, sum },
            );
        }
    }
}

fn check_criterion(
    c: &mut Collector,
    path: &str,
    criterion: &Criterion,
    group_ids: &BTreeSet<String>,
    variant_ids: &BTreeSet<String>,
) {
    if !group_ids.contains(&criterion.group) {
        c.push(
            format!("{path}.group"),
            CatalogIssue::UnknownGroup(criterion.group.clone()),
        );
    }
    for v in &criterion.variants {
        if !variant_ids.contains(v) {
            c.push(
                format!("{path}.variants"),
                CatalogIssue::UnknownVariant(v.clone()),
            );
        }
    }
    c.text(format!("{path}.text"), &criterion.text);
    c.text(format!("{path}.help"), &criterion.help);
    c.range(
        format!("{path}.maxPoints"),
        i64::from(criterion.max_points),
        1,
        i64::from(TIER_TOTAL),
    );
    c.provenance(&format!("{path}.provenance"), &criterion.provenance);
    if !criterion.model_note.is_blank() {
        c.text(format!("{path}.modelNote"), &criterion.model_note);
    }
    let mpath = format!("{path}.measure");
    match &criterion.measure {
        Measure::Ratio {
            target,
            numerator,
            denominator,
        } => {
            c.range(
                format!("{mpath}.target"),
                i64::from(*target),
                1,
                i64::from(FULL_SHARE),
            );
            c.text(format!("{mpath}.numerator"), numerator);
            c.text(format!("{mpath}.denominator"), denominator);
        }
        Measure::YesNo => {}
        Measure::Levels { levels } => check_levels(c, &mpath, levels),
        Measure::Count { target, unit } => {
            c.range(format!("{mpath}.target"), i64::from(*target), 1, 1_000_000);
            c.text(format!("{mpath}.unit"), unit);
        }
        Measure::Maturity { target } => c.range(
            format!("{mpath}.target"),
            i64::from(*target),
            1,
            i64::from(MAX_MATURITY),
        ),
        Measure::Unknown => c.push(format!("{mpath}.kind"), CatalogIssue::UnknownKind),
    }
}

fn check_levels(c: &mut Collector, path: &str, levels: &[Level]) {
    let mut ids = BTreeSet::new();
    for (i, level) in levels.iter().enumerate() {
        c.id(format!("{path}.levels[{i}].id"), &level.id, &mut ids);
        c.text(format!("{path}.levels[{i}].name"), &level.name);
        c.range(
            format!("{path}.levels[{i}].share"),
            i64::from(level.share),
            0,
            i64::from(FULL_SHARE),
        );
    }
    if levels.is_empty() {
        c.push(format!("{path}.levels"), CatalogIssue::Empty);
    } else if !levels.iter().any(|l| l.share == FULL_SHARE) {
        c.push(format!("{path}.levels"), CatalogIssue::NoFullLevel);
    }
}
