//! Catalog validation: every problem is collected and located, none stops the search for others.

use super::*;
use crate::strict_json::StrictJsonError;
use crate::text::Lang;
use crate::text::Localized;
use crate::units::FULL_SHARE;
use std::collections::BTreeSet;
use std::fmt;

/// Total points of every tier (and of every variant of a tier).
pub const TIER_TOTAL: MilliPoints = 100_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    #[error("the catalog file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    /// Not JSON, or JSON that the strict reader refuses (a key twice, a number that is not a
    /// safe integer, too deep).
    #[error("the catalog file cannot be read: {0}")]
    Json(StrictJsonError),
    /// JSON, but not in the catalog's format: the first field that is not (`catalog::read`).
    #[error("the catalog file is not in the catalog format{}: {}.", place(&.0.path, Lang::En), .0.issue.en())]
    Shape(CatalogProblem),
    #[error("the catalog has {} problem(s): {}", .0.len(), list(.0))]
    Invalid(Vec<CatalogProblem>),
}

/// Where a shape error is, after "not in the catalog format": the whole file when the path is
/// empty.
fn place(path: &str, lang: Lang) -> String {
    match (path.is_empty(), lang) {
        (true, Lang::Vi) => " (toàn bộ tệp)".to_owned(),
        (true, Lang::En) => " (the whole file)".to_owned(),
        (false, Lang::Vi) => format!(" ở {path}"),
        (false, Lang::En) => format!(" at {path}"),
    }
}

fn list(problems: &[CatalogProblem]) -> String {
    let parts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    parts.join("; ")
}

impl crate::Localized for CatalogError {
    /// The message for people, in the chosen language.
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CatalogError::NotUtf8 { offset }, Lang::Vi) => {
                format!(
                    "Tệp danh mục không phải văn bản UTF-8 (byte lỗi đầu tiên ở vị trí {offset})."
                )
            }
            // The strict reader's own guess, "cut or altered", is for signed reports; a catalog
            // is edited by hand, where a comma, a bracket or a quote is the likely cause.
            (CatalogError::Json(StrictJsonError::Syntax { line, column, .. }), Lang::Vi) => {
                format!(
                    "Tệp danh mục không phải JSON hợp lệ ở dòng {line}, cột {column} (thiếu hoặc \
                     thừa dấu phẩy, dấu ngoặc hay dấu ngoặc kép?)."
                )
            }
            (CatalogError::Json(e), Lang::Vi) => {
                format!("Không đọc được tệp danh mục: {}", e.message(Lang::Vi))
            }
            (CatalogError::Shape(p), Lang::Vi) => {
                let place = place(&p.path, Lang::Vi);
                format!(
                    "Tệp danh mục không đúng định dạng{place}: {}.",
                    p.issue.vi()
                )
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
    /// `year`: the first reporting year of the criteria set that does not add up, when the
    /// tier's criteria change from year to year.
    PointsSum {
        variant: Option<String>,
        year: Option<i32>,
        sum: MilliPoints,
    },
    NoFullLevel,
    BadYearRange,
    BadDeadline,
    BandsNotDescending,
    NoBottomBand,
    /// A tier with no office for a year it serves.
    NoOfficeForTier {
        tier: String,
        year: i32,
    },
    /// A tier that no band set lists.
    NoBands(String),
    /// A tier listed by two band sets.
    TierInTwoBandSets(String),
    /// A plan section id that cannot be cited (expected `IV`, `VI.5` or `IV.1.a`).
    BadSection(String),
    /// Per-period targets on a criterion whose kind has no target.
    TargetsForKind,
    /// Two per-period entries covering the same year.
    OverlappingPeriods(i32),
    /// Every criterion of a tier (or variant) may be "not applicable": nothing would be left.
    AllNotApplicable {
        variant: Option<String>,
        year: Option<i32>,
    },
    /// A criterion assessed in no year of its tier.
    NeverAssessed,
    /// A field the format requires is absent (`catalog::read`).
    Missing,
    /// A field the format does not have (a misspelt name, or one from a newer version).
    UnknownField,
    /// A value of the wrong kind.
    WrongType(Expected),
}

/// What a value should have been, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    /// A text in both languages, `{"vi": "…", "en": "…"}`.
    Bilingual,
    List,
    /// A JSON string.
    String,
    TrueOrFalse,
    /// A day written `YYYY-MM-DD`.
    Date,
    /// A whole number (one out of the field's range is `TargetOutOfRange`).
    WholeNumber,
    /// One of the names listed.
    OneOf(&'static str),
}

impl crate::Localized for CatalogProblem {
    fn message(&self, lang: Lang) -> String {
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
            PointsSum { variant, year, sum } => format!(
                "maximum points add up to {} instead of 100{}{}",
                f64_free(*sum),
                variant
                    .as_ref()
                    .map(|v| format!(" for variant '{v}'"))
                    .unwrap_or_default(),
                year.map(|y| format!(" from {y}")).unwrap_or_default()
            ),
            NoFullLevel => "no level earns the full points (share 10000)".into(),
            BadYearRange => "'from' is after 'to'".into(),
            BadDeadline => "is not a real day and month".into(),
            BandsNotDescending => "bands must be listed from the highest minimum down".into(),
            NoBottomBand => "the last band must start at 0 so every total has a band".into(),
            NoOfficeForTier { tier, year } => {
                format!("no receiving office for tier '{tier}' in {year}")
            }
            NoBands(tier) => format!("no band set lists tier '{tier}'"),
            TierInTwoBandSets(tier) => format!("tier '{tier}' is in two band sets"),
            BadSection(section) => format!(
                "section '{section}' cannot be cited (expected a form like IV, VI.5 or IV.1.a)"
            ),
            TargetsForKind => {
                "only ratio, count and maturity criteria take per-period targets".into()
            }
            OverlappingPeriods(year) => format!("two entries cover the year {year}"),
            AllNotApplicable { variant, year } => format!(
                "every criterion may be \"not applicable\"{}{}: at least one must always apply",
                variant
                    .as_ref()
                    .map(|v| format!(" for variant '{v}'"))
                    .unwrap_or_default(),
                year.map(|y| format!(" from {y}")).unwrap_or_default()
            ),
            NeverAssessed => "'years' leaves no year of the tier's periods".into(),
            Missing => "this required field is missing".into(),
            UnknownField => "is not a field of the catalog format (a misspelt name?)".into(),
            WrongType(expected) => match expected {
                Expected::Object => "must be a group of fields in braces {…}".into(),
                Expected::Bilingual => "must be written {\"vi\": \"…\", \"en\": \"…\"}".into(),
                Expected::List => "must be a list ([…])".into(),
                Expected::String => "must be text in quotes".into(),
                Expected::TrueOrFalse => "must be true or false".into(),
                Expected::Date => "must be a real day written YYYY-MM-DD".into(),
                Expected::WholeNumber => "must be a whole number, written without quotes".into(),
                Expected::OneOf(names) => format!("must be one of: {names}"),
            },
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
            PointsSum { variant, year, sum } => format!(
                "tổng điểm tối đa là {} thay vì 100{}{}",
                f64_free(*sum),
                variant
                    .as_ref()
                    .map(|v| format!(" (phân loại '{v}')"))
                    .unwrap_or_default(),
                year.map(|y| format!(" từ năm {y}")).unwrap_or_default()
            ),
            NoFullLevel => "không có mức nào đạt điểm tối đa (share 10000)".into(),
            BadYearRange => "năm bắt đầu (from) sau năm kết thúc (to)".into(),
            BadDeadline => "không phải ngày, tháng có thật".into(),
            BandsNotDescending => "các mức xếp loại phải xếp từ cao xuống thấp".into(),
            NoBottomBand => "mức xếp loại cuối cùng phải bắt đầu từ 0".into(),
            NoOfficeForTier { tier, year } => {
                format!("không có cơ quan nhận báo cáo của cấp '{tier}' cho năm {year}")
            }
            NoBands(tier) => format!("chưa có bộ mức xếp loại nào cho cấp '{tier}'"),
            TierInTwoBandSets(tier) => format!("cấp '{tier}' nằm trong hai bộ mức xếp loại"),
            BadSection(section) => format!(
                "không trích dẫn được mục '{section}' (cần dạng IV, VI.5 hoặc IV.1.a)"
            ),
            TargetsForKind => {
                "chỉ tiêu chí tỷ lệ, số lượng và mức độ chuyển đổi số mới có chỉ tiêu theo năm"
                    .into()
            }
            OverlappingPeriods(year) => format!("hai mục cùng áp dụng cho năm {year}"),
            AllNotApplicable { variant, year } => format!(
                "mọi tiêu chí đều có thể “không áp dụng”{}{}: phải có ít nhất một tiêu chí luôn áp dụng",
                variant
                    .as_ref()
                    .map(|v| format!(" (phân loại '{v}')"))
                    .unwrap_or_default(),
                year.map(|y| format!(" từ năm {y}")).unwrap_or_default()
            ),
            NeverAssessed => "“years” không chứa năm nào trong thời gian áp dụng của cấp".into(),
            Missing => "thiếu trường bắt buộc này".into(),
            UnknownField => "không phải là trường của định dạng danh mục (viết sai tên?)".into(),
            WrongType(expected) => match expected {
                Expected::Object => "phải là một nhóm trường trong dấu ngoặc nhọn {…}".into(),
                Expected::Bilingual => {
                    "phải có dạng {\"vi\": \"…\", \"en\": \"…\"} (tiếng Việt và tiếng Anh)".into()
                }
                Expected::List => "phải là một danh sách ([…])".into(),
                Expected::String => "phải là chuỗi văn bản trong dấu ngoặc kép".into(),
                Expected::TrueOrFalse => "phải là true hoặc false".into(),
                Expected::Date => "phải là ngày có thật, viết dạng YYYY-MM-DD".into(),
                Expected::WholeNumber => "phải là số nguyên, viết không có dấu ngoặc kép".into(),
                Expected::OneOf(names) => format!("phải là một trong các giá trị: {names}"),
            },
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

    /// An optional text: complete when given.
    fn optional_text(&mut self, path: impl Into<String>, text: &Text) {
        if !text.is_blank() {
            self.text(path, text);
        }
    }

    /// Entries by period must not cover a year twice (an open end is checked for a decade).
    fn no_overlap<'a>(&mut self, path: &str, ranges: impl Iterator<Item = &'a YearRange> + Clone) {
        let Some(first) = ranges.clone().map(|r| r.from).min() else {
            return;
        };
        let last = ranges
            .clone()
            .map(|r| r.to.unwrap_or(r.from + 10))
            .max()
            .unwrap_or(first);
        if let Some(year) =
            (first..=last).find(|y| ranges.clone().filter(|r| r.contains(*y)).count() > 1)
        {
            self.push(path, CatalogIssue::OverlappingPeriods(year));
        }
    }

    fn provenance(&mut self, path: &str, provenance: &Provenance) {
        match provenance {
            Provenance::Plan { section, quote } => {
                if section.trim().is_empty() {
                    self.push(format!("{path}.section"), CatalogIssue::Empty);
                } else if !crate::citation::is_citable(section) {
                    self.push(
                        format!("{path}.section"),
                        CatalogIssue::BadSection(section.clone()),
                    );
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
        self.check_basis(&mut c);
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
        self.check_emulation_groups(&mut c);
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

    fn check_basis(&self, c: &mut Collector) {
        let b = &self.basis;
        if b.number.trim().is_empty() {
            c.push("basis.number", CatalogIssue::Empty);
        }
        c.text("basis.issuer", &b.issuer);
        c.text("basis.title", &b.title);
        c.text("basis.shortTitle", &b.short_title);
        c.text("basis.citeAs", &b.cite_as);
        if let Some(d) = &self.office_deadline {
            if crate::date::Date::new(2024, d.before_month, d.before_day).is_none() {
                c.push("officeDeadline", CatalogIssue::BadDeadline);
            }
            c.text("officeDeadline.to", &d.to);
            c.provenance("officeDeadline.provenance", &d.provenance);
        }
        if let Some(r) = &self.ranking {
            for (i, rule) in r.tie_breakers.iter().enumerate() {
                if r.tie_breakers[..i].contains(rule) {
                    c.push(
                        format!("ranking.tieBreakers[{i}]"),
                        CatalogIssue::DuplicateId(rule.id().into()),
                    );
                }
            }
            c.provenance("ranking.provenance", &r.provenance);
        }
    }

    fn check_offices(&self, c: &mut Collector) {
        for (i, o) in self.offices.iter().enumerate() {
            let path = format!("offices[{i}]");
            c.text(format!("{path}.name"), &o.name);
            c.optional_text(format!("{path}.via"), &o.via);
            c.years(&format!("{path}.periods"), &o.periods);
            for (j, t) in o.tiers.iter().enumerate() {
                if self.tier(t).is_none() {
                    c.push(
                        format!("{path}.tiers[{j}]"),
                        CatalogIssue::UnknownTier(t.clone()),
                    );
                }
            }
            if let Some(p) = &o.provenance {
                c.provenance(&format!("{path}.provenance"), p);
            }
        }
        // Every tier needs an office for every year it serves; an open end is checked for a
        // decade.
        let last = self.periods.to.unwrap_or(self.periods.from + 10);
        for tier in &self.tiers {
            let missing = (self.periods.from..=last)
                .filter(|y| tier.periods.contains(*y))
                .find(|y| self.office_for_tier(&tier.id, *y).is_none());
            if let Some(year) = missing {
                let tier = tier.id.clone();
                c.push("offices", CatalogIssue::NoOfficeForTier { tier, year });
            }
        }
    }

    fn check_bands(&self, c: &mut Collector) {
        let mut set_ids = BTreeSet::new();
        // Band ids are unique across sets, so a band id alone names its band.
        let mut ids = BTreeSet::new();
        let mut listed = BTreeSet::new();
        for (s, set) in self.band_sets.iter().enumerate() {
            let path = format!("bandSets[{s}]");
            c.id(format!("{path}.id"), &set.id, &mut set_ids);
            c.provenance(&format!("{path}.provenance"), &set.provenance);
            c.optional_text(format!("{path}.caveat"), &set.caveat);
            for (j, t) in set.tiers.iter().enumerate() {
                let tpath = format!("{path}.tiers[{j}]");
                if self.tier(t).is_none() {
                    c.push(tpath, CatalogIssue::UnknownTier(t.clone()));
                } else if !listed.insert(t.clone()) {
                    c.push(tpath, CatalogIssue::TierInTwoBandSets(t.clone()));
                }
            }
            if set.tiers.is_empty() {
                c.push(format!("{path}.tiers"), CatalogIssue::Empty);
            }
            for (i, b) in set.bands.iter().enumerate() {
                c.id(format!("{path}.bands[{i}].id"), &b.id, &mut ids);
                c.text(format!("{path}.bands[{i}].name"), &b.name);
                c.range(
                    format!("{path}.bands[{i}].minPoints"),
                    i64::from(b.min_points),
                    0,
                    i64::from(TIER_TOTAL),
                );
            }
            if set
                .bands
                .windows(2)
                .any(|w| w[0].min_points <= w[1].min_points)
            {
                c.push(format!("{path}.bands"), CatalogIssue::BandsNotDescending);
            }
            match set.bands.last() {
                None => c.push(format!("{path}.bands"), CatalogIssue::Empty),
                Some(b) if b.min_points != 0 => {
                    c.push(format!("{path}.bands"), CatalogIssue::NoBottomBand)
                }
                Some(_) => {}
            }
        }
        for tier in &self.tiers {
            if !listed.contains(&tier.id) {
                c.push("bandSets", CatalogIssue::NoBands(tier.id.clone()));
            }
        }
    }

    fn check_emulation_groups(&self, c: &mut Collector) {
        let mut ids = BTreeSet::new();
        for (i, g) in self.emulation_groups.iter().enumerate() {
            let path = format!("emulationGroups[{i}]");
            c.id(format!("{path}.id"), &g.id, &mut ids);
            c.text(format!("{path}.name"), &g.name);
            c.years(&format!("{path}.periods"), &g.periods);
            c.provenance(&format!("{path}.provenance"), &g.provenance);
            for (j, t) in g.tiers.iter().enumerate() {
                if self.tier(t).is_none() {
                    c.push(
                        format!("{path}.tiers[{j}]"),
                        CatalogIssue::UnknownTier(t.clone()),
                    );
                }
            }
            if g.tiers.is_empty() {
                c.push(format!("{path}.tiers"), CatalogIssue::Empty);
            }
        }
        c.optional_text("emulationGroupsNote", &self.emulation_groups_note);
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
                BonusCondition::ExceedTarget {
                    margin,
                    min_denominator,
                } => {
                    c.range(
                        format!("{path}.when.margin"),
                        i64::from(margin),
                        0,
                        i64::from(FULL_SHARE),
                    );
                    c.range(
                        format!("{path}.when.minDenominator"),
                        i64::try_from(min_denominator).unwrap_or(i64::MAX),
                        1,
                        1_000_000,
                    );
                }
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
    check_period_names(c, &format!("{path}.names"), &tier.names);
    c.optional_text(format!("{path}.note"), &tier.note);
    if let Some(f) = &tier.unit_fields {
        let fpath = format!("{path}.unitFields");
        c.optional_text(format!("{fpath}.title"), &f.title);
        c.text(format!("{fpath}.name"), &f.name);
        c.text(format!("{fpath}.code"), &f.code);
        c.optional_text(format!("{fpath}.codeHint"), &f.code_hint);
        check_period_names(c, &format!("{fpath}.group"), &f.group);
        c.provenance(&format!("{fpath}.provenance"), &f.provenance);
    }
    if let Some(signer) = &tier.signer {
        let spath = format!("{path}.signer");
        if signer.position.trim().is_empty() {
            c.push(format!("{spath}.position"), CatalogIssue::Empty);
        }
        // "TM." with nothing after it would print a bare abbreviation.
        let needs_head = signer.authority != crate::draft::Authority::None;
        if needs_head && signer.on_behalf_of.trim().is_empty() {
            c.push(format!("{spath}.onBehalfOf"), CatalogIssue::Empty);
        }
        c.provenance(&format!("{spath}.provenance"), &signer.provenance);
    }
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
        check_criterion_years(c, &cpath, criterion, tier);
    }
    if tier.criteria.is_empty() {
        c.push(format!("{path}.criteria"), CatalogIssue::Empty);
    }
    check_points_sum(c, path, tier);
    check_something_applies(c, path, tier);
}

/// A criterion's years: valid ranges, never one year twice, and at least one year of its tier.
fn check_criterion_years(c: &mut Collector, path: &str, criterion: &Criterion, tier: &Tier) {
    if criterion.years.is_empty() {
        return;
    }
    for (i, range) in criterion.years.iter().enumerate() {
        c.years(&format!("{path}.years[{i}]"), range);
    }
    c.no_overlap(&format!("{path}.years"), criterion.years.iter());
    let starts = criterion
        .years
        .iter()
        .map(|r| r.from.max(tier.periods.from));
    if !starts
        .into_iter()
        .any(|y| tier.periods.contains(y) && criterion.assessed_in(y))
    {
        c.push(format!("{path}.years"), CatalogIssue::NeverAssessed);
    }
}

/// Texts by period (a tier's names, a group field's labels): each bilingual, years valid and
/// never two for one year.
fn check_period_names(c: &mut Collector, path: &str, names: &[super::PeriodName]) {
    for (i, n) in names.iter().enumerate() {
        c.text(format!("{path}[{i}].name"), &n.name);
        c.years(&format!("{path}[{i}].periods"), &n.periods);
    }
    c.no_overlap(path, names.iter().map(|n| &n.periods));
}

/// Each set of criteria a unit can meet: per variant (or the whole tier) and per year in which
/// the set changes (`None` for the year when the tier's criteria never change).
fn criteria_sets(tier: &Tier) -> Vec<(Option<&str>, Option<i32>)> {
    let variants: Vec<Option<&str>> = if tier.variants.is_empty() {
        vec![None]
    } else {
        tier.variants.iter().map(|v| Some(v.id.as_str())).collect()
    };
    let years = tier.years_with_their_own_criteria();
    let years: Vec<Option<i32>> = if years.len() > 1 {
        years.into_iter().map(Some).collect()
    } else {
        vec![None]
    };
    variants
        .iter()
        .flat_map(|v| years.iter().map(move |y| (*v, *y)))
        .collect()
}

fn check_something_applies(c: &mut Collector, path: &str, tier: &Tier) {
    if tier.criteria.is_empty() {
        return;
    }
    for (variant, year) in criteria_sets(tier) {
        let period = year.unwrap_or(tier.periods.from);
        if tier
            .criteria_for(variant, period)
            .all(|x| x.allows_not_applicable())
        {
            c.push(
                format!("{path}.criteria"),
                CatalogIssue::AllNotApplicable {
                    variant: variant.map(String::from),
                    year,
                },
            );
        }
    }
}

fn check_points_sum(c: &mut Collector, path: &str, tier: &Tier) {
    for (variant, year) in criteria_sets(tier) {
        let period = year.unwrap_or(tier.periods.from);
        let sum = tier
            .criteria_for(variant, period)
            .map(|x| x.max_points)
            .fold(0, u32::saturating_add);
        if sum != TIER_TOTAL {
            c.push(
                format!("{path}.criteria"),
                CatalogIssue::PointsSum {
                    variant: variant.map(String::from),
                    year,
                    sum,
                },
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
    if let Some(na) = &criterion.not_applicable {
        c.text(format!("{path}.notApplicable.when"), &na.when);
        c.provenance(&format!("{path}.notApplicable.provenance"), &na.provenance);
    }
    check_period_targets(c, path, criterion);
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

fn check_period_targets(c: &mut Collector, path: &str, criterion: &Criterion) {
    let (min, max) = match &criterion.measure {
        Measure::Ratio { .. } => (1, i64::from(FULL_SHARE)),
        Measure::Count { .. } => (1, 1_000_000),
        Measure::Maturity { .. } => (1, i64::from(MAX_MATURITY)),
        _ if criterion.targets.is_empty() => return,
        _ => {
            c.push(format!("{path}.targets"), CatalogIssue::TargetsForKind);
            return;
        }
    };
    for (i, t) in criterion.targets.iter().enumerate() {
        c.years(&format!("{path}.targets[{i}].periods"), &t.periods);
        c.range(
            format!("{path}.targets[{i}].target"),
            i64::from(t.target),
            min,
            max,
        );
    }
    c.no_overlap(
        &format!("{path}.targets"),
        criterion.targets.iter().map(|t| &t.periods),
    );
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
