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
    read_catalog(&value, "").map_err(CatalogError::Shape)
}

type Read<T> = Result<T, CatalogProblem>;

fn problem<T>(path: &str, issue: CatalogIssue) -> Read<T> {
    Err(CatalogProblem {
        path: path.to_owned(),
        issue,
    })
}

fn wrong<T>(path: &str, expected: Expected) -> Read<T> {
    problem(path, CatalogIssue::WrongType(expected))
}

/// An object's fields, with the names the format allows checked up front.
struct Fields<'v> {
    map: &'v Map<String, Value>,
    path: &'v str,
}

impl<'v> Fields<'v> {
    /// `known`: every field the format allows here; any other is refused.
    fn of(value: &'v Value, path: &'v str, known: &[&str]) -> Read<Fields<'v>> {
        let Value::Object(map) = value else {
            return wrong(path, Expected::Object);
        };
        if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
            return problem(&at(path, key), CatalogIssue::UnknownField);
        }
        Ok(Fields { map, path })
    }

    /// A field that must be there.
    fn req<T>(&self, key: &str, read: impl FnOnce(&Value, &str) -> Read<T>) -> Read<T> {
        let path = at(self.path, key);
        match self.map.get(key) {
            Some(value) => read(value, &path),
            None => problem(&path, CatalogIssue::Missing),
        }
    }

    /// An optional field: absent or `null` is `None`.
    fn opt<T>(&self, key: &str, read: impl FnOnce(&Value, &str) -> Read<T>) -> Read<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &at(self.path, key)).map(Some),
        }
    }

    /// A field with a default when absent (`null` is not absent: it is refused).
    fn or_default<T: Default>(
        &self,
        key: &str,
        read: impl FnOnce(&Value, &str) -> Read<T>,
    ) -> Read<T> {
        match self.map.get(key) {
            None => Ok(T::default()),
            Some(value) => read(value, &at(self.path, key)),
        }
    }
}

fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn list<T>(value: &Value, path: &str, read: impl Fn(&Value, &str) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = value else {
        return wrong(path, Expected::List);
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{path}[{i}]")))
        .collect()
}

fn string(value: &Value, path: &str) -> Read<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        _ => wrong(path, Expected::String),
    }
}

fn strings(value: &Value, path: &str) -> Read<Vec<String>> {
    list(value, path, string)
}

fn boolean(value: &Value, path: &str) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        _ => wrong(path, Expected::TrueOrFalse),
    }
}

/// A whole number within `min..=max`, the bounds of the field's Rust type (the strict parser
/// has already refused `1.0` and anything beyond ±(2^53 − 1)). Out of range, the message is
/// validation's; any other value is "not a whole number", the likely slip being quotes.
fn integer(value: &Value, path: &str, min: i64, max: i64) -> Read<i64> {
    match value.as_i64() {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        Some(value) => problem(path, CatalogIssue::TargetOutOfRange { value, min, max }),
        None => wrong(path, Expected::WholeNumber),
    }
}

fn u8_(value: &Value, path: &str) -> Read<u8> {
    integer(value, path, 0, u8::MAX.into()).map(|n| n as u8)
}

fn u32_(value: &Value, path: &str) -> Read<u32> {
    integer(value, path, 0, u32::MAX.into()).map(|n| n as u32)
}

fn i32_(value: &Value, path: &str) -> Read<i32> {
    integer(value, path, i32::MIN.into(), i32::MAX.into()).map(|n| n as i32)
}

/// The strict parser keeps integers within ±(2^53 − 1), so every one it gives fits.
fn u64_(value: &Value, path: &str) -> Read<u64> {
    integer(value, path, 0, crate::MAX_SAFE_INTEGER).map(|n| n as u64)
}

fn date(value: &Value, path: &str) -> Read<Date> {
    match value {
        Value::String(s) => Date::parse_iso(s).or_else(|_| wrong(path, Expected::Date)),
        _ => wrong(path, Expected::Date),
    }
}

/// Both languages, each empty when absent; other fields are ignored (as serde's `Text` does).
fn text(value: &Value, path: &str) -> Read<Text> {
    let Value::Object(map) = value else {
        return wrong(path, Expected::Bilingual);
    };
    let part = |key: &str| match map.get(key) {
        None => Ok(String::new()),
        Some(v) => string(v, &at(path, key)),
    };
    Ok(Text {
        vi: part("vi")?,
        en: part("en")?,
    })
}

/// A name from a fixed list (the format's enumerations).
fn one_of<T: Copy>(
    value: &Value,
    path: &str,
    names: &'static str,
    values: &[(&str, T)],
) -> Read<T> {
    let Value::String(s) = value else {
        return wrong(path, Expected::OneOf(names));
    };
    values
        .iter()
        .find(|(name, _)| name == s)
        .map(|(_, v)| *v)
        .map_or_else(|| wrong(path, Expected::OneOf(names)), Ok)
}

fn read_catalog(value: &Value, path: &str) -> Read<Catalog> {
    let f = Fields::of(
        value,
        path,
        &[
            "id",
            "version",
            "title",
            "basis",
            "legalReferences",
            "periods",
            "periodNote",
            "offices",
            "deadline",
            "officeDeadline",
            "bandSets",
            "bonus",
            "penalties",
            "groups",
            "tiers",
            "emulationGroups",
            "emulationGroupsNote",
            "ranking",
        ],
    )?;
    Ok(Catalog {
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
    })
}

fn ranking(value: &Value, path: &str) -> Read<Ranking> {
    let f = Fields::of(value, path, &["tieBreakers", "provenance"])?;
    Ok(Ranking {
        tie_breakers: f.req("tieBreakers", |v, p| list(v, p, tie_breaker))?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn tie_breaker(value: &Value, path: &str) -> Read<TieBreaker> {
    one_of(
        value,
        path,
        "targetsMet, earlierReceipt",
        &[
            ("targetsMet", TieBreaker::TargetsMet),
            ("earlierReceipt", TieBreaker::EarlierReceipt),
        ],
    )
}

fn legal_basis(value: &Value, path: &str) -> Read<LegalBasis> {
    let f = Fields::of(
        value,
        path,
        &["number", "date", "issuer", "title", "shortTitle", "citeAs"],
    )?;
    Ok(LegalBasis {
        number: f.req("number", string)?,
        date: f.req("date", date)?,
        issuer: f.req("issuer", text)?,
        title: f.req("title", text)?,
        short_title: f.req("shortTitle", text)?,
        cite_as: f.req("citeAs", text)?,
    })
}

fn office_deadline(value: &Value, path: &str) -> Read<OfficeDeadline> {
    let f = Fields::of(
        value,
        path,
        &["beforeDay", "beforeMonth", "to", "provenance"],
    )?;
    Ok(OfficeDeadline {
        before_day: f.req("beforeDay", u8_)?,
        before_month: f.req("beforeMonth", u8_)?,
        to: f.req("to", text)?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn band_set(value: &Value, path: &str) -> Read<BandSet> {
    let f = Fields::of(
        value,
        path,
        &["id", "tiers", "bands", "caveat", "provenance"],
    )?;
    Ok(BandSet {
        id: f.req("id", string)?,
        tiers: f.req("tiers", strings)?,
        bands: f.req("bands", |v, p| list(v, p, band))?,
        caveat: f.or_default("caveat", text)?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn emulation_group(value: &Value, path: &str) -> Read<EmulationGroup> {
    let f = Fields::of(
        value,
        path,
        &["id", "kind", "name", "tiers", "periods", "provenance"],
    )?;
    Ok(EmulationGroup {
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
    })
}

fn legal_reference(value: &Value, path: &str) -> Read<LegalReference> {
    let f = Fields::of(value, path, &["number", "date", "title"])?;
    Ok(LegalReference {
        number: f.req("number", string)?,
        date: f.req("date", date)?,
        title: f.req("title", text)?,
    })
}

fn year_range(value: &Value, path: &str) -> Read<YearRange> {
    let f = Fields::of(value, path, &["from", "to"])?;
    Ok(YearRange {
        from: f.req("from", i32_)?,
        to: f.opt("to", i32_)?,
    })
}

fn office(value: &Value, path: &str) -> Read<Office> {
    let f = Fields::of(
        value,
        path,
        &["name", "periods", "tiers", "via", "provenance"],
    )?;
    Ok(Office {
        name: f.req("name", text)?,
        periods: f.req("periods", year_range)?,
        tiers: f.or_default("tiers", strings)?,
        via: f.or_default("via", text)?,
        provenance: f.opt("provenance", provenance)?,
    })
}

fn deadline(value: &Value, path: &str) -> Read<Deadline> {
    let f = Fields::of(
        value,
        path,
        &["beforeDay", "beforeMonth", "provenance", "binds"],
    )?;
    Ok(Deadline {
        before_day: f.req("beforeDay", u8_)?,
        before_month: f.req("beforeMonth", u8_)?,
        provenance: f.req("provenance", provenance)?,
        binds: f.req("binds", deadline_binds)?,
    })
}

fn deadline_binds(value: &Value, path: &str) -> Read<DeadlineBinds> {
    let f = Fields::of(value, path, &["tiers", "provenance"])?;
    Ok(DeadlineBinds {
        tiers: f.req("tiers", strings)?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn band(value: &Value, path: &str) -> Read<Band> {
    let f = Fields::of(value, path, &["id", "name", "minPoints"])?;
    Ok(Band {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        min_points: f.req("minPoints", u32_)?,
    })
}

fn bonus_rules(value: &Value, path: &str) -> Read<BonusRules> {
    let f = Fields::of(value, path, &["cap", "rules"])?;
    Ok(BonusRules {
        cap: f.req("cap", u32_)?,
        rules: f.req("rules", |v, p| list(v, p, bonus_rule))?,
    })
}

fn bonus_rule(value: &Value, path: &str) -> Read<BonusRule> {
    let f = Fields::of(value, path, &["id", "name", "when", "points", "provenance"])?;
    Ok(BonusRule {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        when: f.req("when", bonus_condition)?,
        points: f.req("points", u32_)?,
        provenance: f.req("provenance", provenance)?,
    })
}

/// A kind this version does not know is `Unknown`, refused by validation with its place.
fn bonus_condition(value: &Value, path: &str) -> Read<BonusCondition> {
    let f = Fields::of(
        value,
        path,
        &["kind", "daysBefore", "margin", "minDenominator"],
    )?;
    let kind = f.req("kind", string)?;
    let days_before = f.opt("daysBefore", u32_)?;
    let margin = f.opt("margin", u32_)?;
    let min_denominator = f.opt("minDenominator", u64_)?;
    Ok(match kind.as_str() {
        "earlySubmission" => BonusCondition::EarlySubmission {
            days_before: need(days_before, path, "daysBefore")?,
        },
        "exceedTarget" => BonusCondition::ExceedTarget {
            margin: need(margin, path, "margin")?,
            min_denominator: need(min_denominator, path, "minDenominator")?,
        },
        _ => BonusCondition::Unknown,
    })
}

/// A field that the kind read makes required.
fn need<T>(value: Option<T>, path: &str, key: &str) -> Read<T> {
    value.map_or_else(|| problem(&at(path, key), CatalogIssue::Missing), Ok)
}

fn penalty_rule(value: &Value, path: &str) -> Read<PenaltyRule> {
    let f = Fields::of(value, path, &["id", "name", "when", "points", "provenance"])?;
    Ok(PenaltyRule {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        when: f.req("when", |v, p| {
            let kind = Fields::of(v, p, &["kind"])?.req("kind", string)?;
            Ok(match kind.as_str() {
                "lateSubmission" => PenaltyCondition::LateSubmission,
                _ => PenaltyCondition::Unknown,
            })
        })?,
        points: f.req("points", u32_)?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn group(value: &Value, path: &str) -> Read<Group> {
    let f = Fields::of(value, path, &["id", "name", "provenance"])?;
    Ok(Group {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn tier(value: &Value, path: &str) -> Read<Tier> {
    let f = Fields::of(
        value,
        path,
        &[
            "id",
            "name",
            "names",
            "members",
            "provenance",
            "note",
            "achievementsReport",
            "unitFields",
            "signer",
            "periods",
            "variants",
            "criteria",
        ],
    )?;
    Ok(Tier {
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
    })
}

fn unit_fields(value: &Value, path: &str) -> Read<UnitFields> {
    let f = Fields::of(
        value,
        path,
        &["title", "name", "code", "codeHint", "group", "provenance"],
    )?;
    Ok(UnitFields {
        title: f.or_default("title", text)?,
        name: f.req("name", text)?,
        code: f.req("code", text)?,
        code_hint: f.or_default("codeHint", text)?,
        group: f.or_default("group", |v, p| list(v, p, period_name))?,
        provenance: f.req("provenance", provenance)?,
    })
}

fn signer_suggestion(value: &Value, path: &str) -> Read<SignerSuggestion> {
    let f = Fields::of(
        value,
        path,
        &["authority", "onBehalfOf", "position", "provenance"],
    )?;
    Ok(SignerSuggestion {
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
    })
}

fn period_name(value: &Value, path: &str) -> Read<PeriodName> {
    let f = Fields::of(value, path, &["periods", "name"])?;
    Ok(PeriodName {
        periods: f.req("periods", year_range)?,
        name: f.req("name", text)?,
    })
}

fn variant(value: &Value, path: &str) -> Read<Variant> {
    let f = Fields::of(value, path, &["id", "name"])?;
    Ok(Variant {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
    })
}

fn criterion(value: &Value, path: &str) -> Read<Criterion> {
    let f = Fields::of(
        value,
        path,
        &[
            "id",
            "group",
            "variants",
            "years",
            "text",
            "help",
            "measure",
            "targets",
            "maxPoints",
            "evidence",
            "notApplicable",
            "provenance",
            "modelNote",
        ],
    )?;
    Ok(Criterion {
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
    })
}

fn period_target(value: &Value, path: &str) -> Read<PeriodTarget> {
    let f = Fields::of(value, path, &["periods", "target"])?;
    Ok(PeriodTarget {
        periods: f.req("periods", year_range)?,
        target: f.req("target", u32_)?,
    })
}

fn not_applicable_rule(value: &Value, path: &str) -> Read<NotApplicableRule> {
    let f = Fields::of(value, path, &["reasonRequired", "when", "provenance"])?;
    Ok(NotApplicableRule {
        reason_required: f.req("reasonRequired", boolean)?,
        when: f.req("when", text)?,
        provenance: f.req("provenance", provenance)?,
    })
}

/// Every field any kind takes is allowed whatever the kind (as the derives' flat reading did);
/// a kind this version does not know is `Unknown`, refused by validation with its place.
fn measure(value: &Value, path: &str) -> Read<Measure> {
    let f = Fields::of(
        value,
        path,
        &[
            "kind",
            "target",
            "numerator",
            "denominator",
            "levels",
            "unit",
        ],
    )?;
    let kind = f.req("kind", string)?;
    let target = f.opt("target", u32_)?;
    let numerator = f.opt("numerator", text)?;
    let denominator = f.opt("denominator", text)?;
    let levels = f.opt("levels", |v, p| list(v, p, level))?;
    let unit = f.opt("unit", text)?;
    Ok(match kind.as_str() {
        "ratio" => Measure::Ratio {
            target: need(target, path, "target")?,
            numerator: need(numerator, path, "numerator")?,
            denominator: need(denominator, path, "denominator")?,
        },
        "yesNo" => Measure::YesNo,
        "levels" => Measure::Levels {
            levels: need(levels, path, "levels")?,
        },
        "count" => Measure::Count {
            target: need(target, path, "target")?,
            unit: need(unit, path, "unit")?,
        },
        // An out-of-range level becomes 0 here and is reported, located, by validation.
        "maturity" => Measure::Maturity {
            target: u8::try_from(need(target, path, "target")?).unwrap_or(0),
        },
        _ => Measure::Unknown,
    })
}

fn level(value: &Value, path: &str) -> Read<Level> {
    let f = Fields::of(value, path, &["id", "name", "share"])?;
    Ok(Level {
        id: f.req("id", string)?,
        name: f.req("name", text)?,
        share: f.req("share", u32_)?,
    })
}

fn provenance(value: &Value, path: &str) -> Read<Provenance> {
    let f = Fields::of(value, path, &["source", "section", "quote", "reason"])?;
    let source = f.req("source", string)?;
    let section = f.opt("section", string)?;
    let quote = f.opt("quote", string)?;
    let reason = f.opt("reason", text)?;
    match source.as_str() {
        "plan" => Ok(Provenance::Plan {
            section: need(section, path, "section")?,
            quote: need(quote, path, "quote")?,
        }),
        "defaultModel" => Ok(Provenance::DefaultModel {
            reason: need(reason, path, "reason")?,
        }),
        _ => wrong(&at(path, "source"), Expected::OneOf("plan, defaultModel")),
    }
}
