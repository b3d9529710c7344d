//! Reading a catalog file into [`Catalog`], by hand, over the strict JSON value
//! (`strict_json::parse`).
//!
//! Why not serde's derives: in the browser, reading the catalog by hand instead took 10.7 KB
//! gzip off the app's first load (docs/first-load.md, fourth round), the strict parser being
//! there anyway (the portal's configuration is read with it).
//! A shape error is also said here as the validation's problems are, located by a path such as
//! `tiers[2].criteria[0].measure.target` and in both languages, where serde's message was
//! English only.
//!
//! The format is the derives' (they stay, for the tests that compare the two readers on every
//! catalog and on mutations of it: `tests/catalog_reader.rs`): the same field names, the same
//! required and optional fields, unknown fields refused except in a `Text`, `null` taken for an
//! absent optional field only. Stricter than serde, in ways no office's file meets: the strict
//! parser's limits (a key twice, a number that is not a safe integer, more than 64 levels of
//! nesting, more than 5 MiB, an invalid escape even in an ignored field), an array in place of
//! an object (serde reads a struct from an array of its fields in order), and an
//! enumeration's name written as `{"name": null}` (serde's form of a unit variant).

use super::*;
use crate::date::Date;
use crate::draft::Authority;
use crate::strict_json::StrictJsonError;
use serde_json::{Map, Value};
use validate::Expected;

/// Reads and shapes the catalog; validation is the caller's next step.
pub(super) fn catalog(bytes: &[u8]) -> Result<Catalog, CatalogError> {
    let value = crate::strict_json::parse(bytes).map_err(|e| match e {
        StrictJsonError::NotUtf8 { offset } => CatalogError::NotUtf8 { offset },
        other => CatalogError::Json(other),
    })?;
    read_catalog(value, &Here::ROOT).map_err(CatalogError::Shape)
}

type Read<T> = Result<T, CatalogProblem>;

/// Where a value is in the file, built as the reading goes down and written out only for a
/// problem (a path string per field read cost more than the reading).
#[derive(Clone, Copy)]
struct Here<'a> {
    parent: Option<&'a Here<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Here<'a> {
    const ROOT: Here<'static> = Here {
        parent: None,
        step: Step::Root,
    };

    fn key(&'a self, key: &'a str) -> Here<'a> {
        Here {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    fn index(&'a self, index: usize) -> Here<'a> {
        Here {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// As validation writes it: `tiers[2].criteria[0].measure.target`; empty for the root.
    fn path(&self) -> String {
        let mut path = self.parent.map(Here::path).unwrap_or_default();
        match self.step {
            Step::Root => {}
            Step::Key(key) if path.is_empty() => path.push_str(key),
            Step::Key(key) => {
                path.push('.');
                path.push_str(key);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
        path
    }
}

fn problem<T>(here: &Here, issue: CatalogIssue) -> Read<T> {
    Err(CatalogProblem {
        path: here.path(),
        issue,
    })
}

fn wrong<T>(here: &Here, expected: Expected) -> Read<T> {
    problem(here, CatalogIssue::WrongType(expected))
}

/// An object's fields, each taken out of the object as it is read (its strings move into the
/// catalog instead of being copied); `finish` refuses whatever is left. The field names are
/// thus written once, where they are read.
struct Fields<'h> {
    map: Map<String, Value>,
    here: &'h Here<'h>,
}

impl<'h> Fields<'h> {
    fn of(value: Value, here: &'h Here<'h>) -> Read<Fields<'h>> {
        let Value::Object(map) = value else {
            return wrong(here, Expected::Object);
        };
        Ok(Fields { map, here })
    }

    /// Done: the fields read were taken out, so any left is one the format does not have.
    fn finish(self) -> Read<()> {
        match self.map.keys().next() {
            Some(key) => problem(&self.here.key(key), CatalogIssue::UnknownField),
            None => Ok(()),
        }
    }

    /// A field that must be there.
    fn req<T>(&mut self, key: &str, read: impl FnOnce(Value, &Here) -> Read<T>) -> Read<T> {
        let here = self.here.key(key);
        match self.map.remove(key) {
            Some(value) => read(value, &here),
            None => problem(&here, CatalogIssue::Missing),
        }
    }

    /// An optional field: absent or `null` is `None`.
    fn opt<T>(&mut self, key: &str, read: impl FnOnce(Value, &Here) -> Read<T>) -> Read<Option<T>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &self.here.key(key)).map(Some),
        }
    }

    /// A field with a default when absent (`null` is not absent: it is refused).
    fn or_default<T: Default>(
        &mut self,
        key: &str,
        read: impl FnOnce(Value, &Here) -> Read<T>,
    ) -> Read<T> {
        match self.map.remove(key) {
            None => Ok(T::default()),
            Some(value) => read(value, &self.here.key(key)),
        }
    }
}

fn list<T>(value: Value, here: &Here, read: impl Fn(Value, &Here) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = value else {
        return wrong(here, Expected::List);
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| read(item, &here.index(i)))
        .collect()
}

fn string(value: Value, here: &Here) -> Read<String> {
    match value {
        Value::String(s) => Ok(s),
        _ => wrong(here, Expected::String),
    }
}

fn strings(value: Value, here: &Here) -> Read<Vec<String>> {
    list(value, here, string)
}

fn boolean(value: Value, here: &Here) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(b),
        _ => wrong(here, Expected::TrueOrFalse),
    }
}

/// A whole number within `min..=max`, the bounds of the field's Rust type (the strict parser
/// has already refused `1.0` and anything beyond ±(2^53 − 1)). Out of range, the message is
/// validation's; any other value is "not a whole number", the likely slip being quotes.
fn integer(value: &Value, here: &Here, min: i64, max: i64) -> Read<i64> {
    match value.as_i64() {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        Some(value) => problem(here, CatalogIssue::TargetOutOfRange { value, min, max }),
        None => wrong(here, Expected::WholeNumber),
    }
}

fn u8_(value: Value, here: &Here) -> Read<u8> {
    integer(&value, here, 0, u8::MAX.into()).map(|n| n as u8)
}

fn u32_(value: Value, here: &Here) -> Read<u32> {
    integer(&value, here, 0, u32::MAX.into()).map(|n| n as u32)
}

fn i32_(value: Value, here: &Here) -> Read<i32> {
    integer(&value, here, i32::MIN.into(), i32::MAX.into()).map(|n| n as i32)
}

/// The strict parser keeps integers within ±(2^53 − 1), so every one it gives fits.
fn u64_(value: Value, here: &Here) -> Read<u64> {
    integer(&value, here, 0, crate::MAX_SAFE_INTEGER).map(|n| n as u64)
}

fn date(value: Value, here: &Here) -> Read<Date> {
    match value {
        Value::String(s) => Date::parse_iso(&s).or_else(|_| wrong(here, Expected::Date)),
        _ => wrong(here, Expected::Date),
    }
}

/// Both languages, each empty when absent; other fields are ignored (as serde's `Text` does).
fn text(value: Value, here: &Here) -> Read<Text> {
    let Value::Object(mut map) = value else {
        return wrong(here, Expected::Bilingual);
    };
    let mut part = |key: &str| match map.remove(key) {
        None => Ok(String::new()),
        Some(v) => string(v, &here.key(key)),
    };
    Ok(Text {
        vi: part("vi")?,
        en: part("en")?,
    })
}

/// A name from a fixed list (the format's enumerations).
fn one_of<T: Copy>(
    value: Value,
    here: &Here,
    names: &'static str,
    values: &[(&str, T)],
) -> Read<T> {
    let Value::String(s) = value else {
        return wrong(here, Expected::OneOf(names));
    };
    values
        .iter()
        .find(|(name, _)| *name == s)
        .map(|(_, v)| *v)
        .map_or_else(|| wrong(here, Expected::OneOf(names)), Ok)
}

fn read_catalog(value: Value, here: &Here) -> Read<Catalog> {
    let mut f = Fields::of(value, here)?;
    let read = Catalog {
        id: f.req("id", string)?,
        version: f.req("version", string)?,
        title: f.req("title", text)?,
        basis: f.req("basis", legal_basis)?,
        legal_references: f.req("legalReferences", |v, p| list(v, p, legal_reference))?,
        periods: f.req("periods", year_range)?,
        period_note: f.or_default("periodNote", text)?,
        offices: f.req("offices", |v, p| list(v, p, office))?,
        deadline: f.req("deadline", deadline)?,
        office_deadline: f.opt("officeDeadline", office_deadline)?,
        band_sets: f.req("bandSets", |v, p| list(v, p, band_set))?,
        bonus: f.req("bonus", bonus_rules)?,
        penalties: f.req("penalties", |v, p| list(v, p, penalty_rule))?,
        groups: f.req("groups", |v, p| list(v, p, group))?,
        tiers: f.req("tiers", |v, p| list(v, p, tier))?,
        emulation_groups: f.or_default("emulationGroups", |v, p| list(v, p, emulation_group))?,
        emulation_groups_note: f.or_default("emulationGroupsNote", text)?,
        ranking: f.opt("ranking", ranking)?,
    };
    f.finish()?;
    Ok(read)
}

fn ranking(value: Value, here: &Here) -> Read<Ranking> {
    let mut f = Fields::of(value, here)?;
    let read = Ranking {
        tie_breakers: f.req("tieBreakers", |v, p| list(v, p, tie_breaker))?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn tie_breaker(value: Value, here: &Here) -> Read<TieBreaker> {
    one_of(
        value,
        here,
        "targetsMet, earlierReceipt",
        &[
            ("targetsMet", TieBreaker::TargetsMet),
            ("earlierReceipt", TieBreaker::EarlierReceipt),
        ],
    )
}

fn legal_basis(value: Value, here: &Here) -> Read<LegalBasis> {
    let mut f = Fields::of(value, here)?;
    let read = LegalBasis {
        number: f.req("number", string)?,
        date: f.req("date", date)?,
        issuer: f.req("issuer", text)?,
        title: f.req("title", text)?,
        short_title: f.req("shortTitle", text)?,
        cite_as: f.req("citeAs", text)?,
    };
    f.finish()?;
    Ok(read)
}

fn office_deadline(value: Value, here: &Here) -> Read<OfficeDeadline> {
    let mut f = Fields::of(value, here)?;
    let read = OfficeDeadline {
        before_day: f.req("beforeDay", u8_)?,
        before_month: f.req("beforeMonth", u8_)?,
        to: f.req("to", text)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn band_set(value: Value, here: &Here) -> Read<BandSet> {
    let mut f = Fields::of(value, here)?;
    let read = BandSet {
        id: f.req("id", string)?,
        tiers: f.req("tiers", strings)?,
        bands: f.req("bands", |v, p| list(v, p, band))?,
        caveat: f.or_default("caveat", text)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn emulation_group(value: Value, here: &Here) -> Read<EmulationGroup> {
    let mut f = Fields::of(value, here)?;
    let read = EmulationGroup {
        id: f.req("id", string)?,
        kind: f.req("kind", |v, p| {
            one_of(
                v,
                p,
                "cluster, block",
                &[
                    ("cluster", EmulationGroupKind::Cluster),
                    ("block", EmulationGroupKind::Block),
                ],
            )
        })?,
        name: f.req("name", text)?,
        tiers: f.req("tiers", strings)?,
        periods: f.req("periods", year_range)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn legal_reference(value: Value, here: &Here) -> Read<LegalReference> {
    let mut f = Fields::of(value, here)?;
    let read = LegalReference {
        number: f.req("number", string)?,
        date: f.req("date", date)?,
        title: f.req("title", text)?,
    };
    f.finish()?;
    Ok(read)
}

fn year_range(value: Value, here: &Here) -> Read<YearRange> {
    let mut f = Fields::of(value, here)?;
    let read = YearRange {
        from: f.req("from", i32_)?,
        to: f.opt("to", i32_)?,
    };
    f.finish()?;
    Ok(read)
}

fn office(value: Value, here: &Here) -> Read<Office> {
    let mut f = Fields::of(value, here)?;
    let read = Office {
        name: f.req("name", text)?,
        periods: f.req("periods", year_range)?,
        tiers: f.or_default("tiers", strings)?,
        via: f.or_default("via", text)?,
        provenance: f.opt("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn deadline(value: Value, here: &Here) -> Read<Deadline> {
    let mut f = Fields::of(value, here)?;
    let read = Deadline {
        before_day: f.req("beforeDay", u8_)?,
        before_month: f.req("beforeMonth", u8_)?,
        provenance: f.req("provenance", provenance)?,
        binds: f.req("binds", deadline_binds)?,
    };
    f.finish()?;
    Ok(read)
}

fn deadline_binds(value: Value, here: &Here) -> Read<DeadlineBinds> {
    let mut f = Fields::of(value, here)?;
    let read = DeadlineBinds {
        tiers: f.req("tiers", strings)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn band(value: Value, here: &Here) -> Read<Band> {
    let mut f = Fields::of(value, here)?;
    let read = Band {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        min_points: f.req("minPoints", u32_)?,
    };
    f.finish()?;
    Ok(read)
}

fn bonus_rules(value: Value, here: &Here) -> Read<BonusRules> {
    let mut f = Fields::of(value, here)?;
    let read = BonusRules {
        cap: f.req("cap", u32_)?,
        rules: f.req("rules", |v, p| list(v, p, bonus_rule))?,
    };
    f.finish()?;
    Ok(read)
}

fn bonus_rule(value: Value, here: &Here) -> Read<BonusRule> {
    let mut f = Fields::of(value, here)?;
    let read = BonusRule {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        when: f.req("when", bonus_condition)?,
        points: f.req("points", u32_)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

/// A kind this version does not know is `Unknown`, refused by validation with its place.
fn bonus_condition(value: Value, here: &Here) -> Read<BonusCondition> {
    let mut f = Fields::of(value, here)?;
    let kind = f.req("kind", string)?;
    let days_before = f.opt("daysBefore", u32_)?;
    let margin = f.opt("margin", u32_)?;
    let min_denominator = f.opt("minDenominator", u64_)?;
    f.finish()?;
    Ok(match kind.as_str() {
        "earlySubmission" => BonusCondition::EarlySubmission {
            days_before: need(days_before, here, "daysBefore")?,
        },
        "exceedTarget" => BonusCondition::ExceedTarget {
            margin: need(margin, here, "margin")?,
            min_denominator: need(min_denominator, here, "minDenominator")?,
        },
        _ => BonusCondition::Unknown,
    })
}

/// A field that the kind read makes required.
fn need<T>(value: Option<T>, here: &Here, key: &str) -> Read<T> {
    value.map_or_else(|| problem(&here.key(key), CatalogIssue::Missing), Ok)
}

fn penalty_rule(value: Value, here: &Here) -> Read<PenaltyRule> {
    let mut f = Fields::of(value, here)?;
    let read = PenaltyRule {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        when: f.req("when", |v, p| {
            let mut when = Fields::of(v, p)?;
            let kind = when.req("kind", string)?;
            when.finish()?;
            Ok(match kind.as_str() {
                "lateSubmission" => PenaltyCondition::LateSubmission,
                _ => PenaltyCondition::Unknown,
            })
        })?,
        points: f.req("points", u32_)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn group(value: Value, here: &Here) -> Read<Group> {
    let mut f = Fields::of(value, here)?;
    let read = Group {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn tier(value: Value, here: &Here) -> Read<Tier> {
    let mut f = Fields::of(value, here)?;
    let read = Tier {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        names: f.or_default("names", |v, p| list(v, p, period_name))?,
        members: f.req("members", text)?,
        provenance: f.req("provenance", provenance)?,
        note: f.or_default("note", text)?,
        achievements_report: f.or_default("achievementsReport", boolean)?,
        unit_fields: f.opt("unitFields", unit_fields)?,
        signer: f.opt("signer", signer_suggestion)?,
        periods: f.req("periods", year_range)?,
        variants: f.or_default("variants", |v, p| list(v, p, variant))?,
        criteria: f.req("criteria", |v, p| list(v, p, criterion))?,
    };
    f.finish()?;
    Ok(read)
}

fn unit_fields(value: Value, here: &Here) -> Read<UnitFields> {
    let mut f = Fields::of(value, here)?;
    let read = UnitFields {
        title: f.or_default("title", text)?,
        name: f.req("name", text)?,
        code: f.req("code", text)?,
        code_hint: f.or_default("codeHint", text)?,
        group: f.or_default("group", |v, p| list(v, p, period_name))?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn signer_suggestion(value: Value, here: &Here) -> Read<SignerSuggestion> {
    let mut f = Fields::of(value, here)?;
    let read = SignerSuggestion {
        authority: f.or_default("authority", |v, p| {
            one_of(
                v,
                p,
                "none, tm, kt, tl, tuq",
                &[
                    ("none", Authority::None),
                    ("tm", Authority::Tm),
                    ("kt", Authority::Kt),
                    ("tl", Authority::Tl),
                    ("tuq", Authority::Tuq),
                ],
            )
        })?,
        on_behalf_of: f.or_default("onBehalfOf", string)?,
        position: f.req("position", string)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

fn period_name(value: Value, here: &Here) -> Read<PeriodName> {
    let mut f = Fields::of(value, here)?;
    let read = PeriodName {
        periods: f.req("periods", year_range)?,
        name: f.req("name", text)?,
    };
    f.finish()?;
    Ok(read)
}

fn variant(value: Value, here: &Here) -> Read<Variant> {
    let mut f = Fields::of(value, here)?;
    let read = Variant {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
    };
    f.finish()?;
    Ok(read)
}

fn criterion(value: Value, here: &Here) -> Read<Criterion> {
    let mut f = Fields::of(value, here)?;
    let read = Criterion {
        id: f.req("id", string)?,
        group: f.req("group", string)?,
        variants: f.or_default("variants", strings)?,
        years: f.or_default("years", |v, p| list(v, p, year_range))?,
        text: f.req("text", text)?,
        help: f.req("help", text)?,
        measure: f.req("measure", measure)?,
        targets: f.or_default("targets", |v, p| list(v, p, period_target))?,
        max_points: f.req("maxPoints", u32_)?,
        evidence: f.req("evidence", |v, p| {
            one_of(
                v,
                p,
                "required, optional",
                &[
                    ("required", EvidenceRule::Required),
                    ("optional", EvidenceRule::Optional),
                ],
            )
        })?,
        not_applicable: f.opt("notApplicable", not_applicable_rule)?,
        provenance: f.req("provenance", provenance)?,
        model_note: f.or_default("modelNote", text)?,
    };
    f.finish()?;
    Ok(read)
}

fn period_target(value: Value, here: &Here) -> Read<PeriodTarget> {
    let mut f = Fields::of(value, here)?;
    let read = PeriodTarget {
        periods: f.req("periods", year_range)?,
        target: f.req("target", u32_)?,
    };
    f.finish()?;
    Ok(read)
}

fn not_applicable_rule(value: Value, here: &Here) -> Read<NotApplicableRule> {
    let mut f = Fields::of(value, here)?;
    let read = NotApplicableRule {
        reason_required: f.req("reasonRequired", boolean)?,
        when: f.req("when", text)?,
        provenance: f.req("provenance", provenance)?,
    };
    f.finish()?;
    Ok(read)
}

/// Every field any kind takes is allowed whatever the kind (as the derives' flat reading did);
/// a kind this version does not know is `Unknown`, refused by validation with its place.
fn measure(value: Value, here: &Here) -> Read<Measure> {
    let mut f = Fields::of(value, here)?;
    let kind = f.req("kind", string)?;
    let target = f.opt("target", u32_)?;
    let numerator = f.opt("numerator", text)?;
    let denominator = f.opt("denominator", text)?;
    let levels = f.opt("levels", |v, p| list(v, p, level))?;
    let unit = f.opt("unit", text)?;
    f.finish()?;
    Ok(match kind.as_str() {
        "ratio" => Measure::Ratio {
            target: need(target, here, "target")?,
            numerator: need(numerator, here, "numerator")?,
            denominator: need(denominator, here, "denominator")?,
        },
        "yesNo" => Measure::YesNo,
        "levels" => Measure::Levels {
            levels: need(levels, here, "levels")?,
        },
        "count" => Measure::Count {
            target: need(target, here, "target")?,
            unit: need(unit, here, "unit")?,
        },
        // An out-of-range level becomes 0 here and is reported, located, by validation.
        "maturity" => Measure::Maturity {
            target: u8::try_from(need(target, here, "target")?).unwrap_or(0),
        },
        _ => Measure::Unknown,
    })
}

fn level(value: Value, here: &Here) -> Read<Level> {
    let mut f = Fields::of(value, here)?;
    let read = Level {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        share: f.req("share", u32_)?,
    };
    f.finish()?;
    Ok(read)
}

fn provenance(value: Value, here: &Here) -> Read<Provenance> {
    let mut f = Fields::of(value, here)?;
    let source = f.req("source", string)?;
    let section = f.opt("section", string)?;
    let quote = f.opt("quote", string)?;
    let reason = f.opt("reason", text)?;
    f.finish()?;
    match source.as_str() {
        "plan" => Ok(Provenance::Plan {
            section: need(section, here, "section")?,
            quote: need(quote, here, "quote")?,
        }),
        "defaultModel" => Ok(Provenance::DefaultModel {
            reason: need(reason, here, "reason")?,
        }),
        _ => wrong(&here.key("source"), Expected::OneOf("plan, defaultModel")),
    }
}
