//! `Catalog::from_json` reads the catalog by hand (`catalog::read`, smaller in the browser than
//! serde's derives). These tests hold it to the derives, which stay on the types as the
//! oracle: on the shipped catalog, the fuzzers' catalog corpus, and thousands of mutations of a
//! catalog that uses every field and every name of the format, both readers accept the same
//! files, give the same `Catalog`, and leave the same problems to validation.

mod common;

use serde_json::Value;
use tdg_model::catalog::{CatalogError, CatalogIssue, Expected};
use tdg_model::Catalog;

/// The derives' reading followed by the same validation: what `from_json` gave before.
fn by_serde(bytes: &[u8]) -> Result<Catalog, Option<Vec<String>>> {
    let catalog: Catalog = serde_json::from_slice(bytes).map_err(|_| None)?;
    let problems = catalog.problems();
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(Some(problems.iter().map(ToString::to_string).collect()))
    }
}

/// Where the hand reader may refuse what serde's derives accept (`catalog::read`'s doc): an
/// array for an object, and an enumeration's name written as `{"name": null}`.
#[derive(Clone, Copy, PartialEq)]
enum Leeway {
    None,
    ArrayForObject,
    NameAsObject,
}

/// How the two readers may differ: only where the hand reader is stricter by design.
fn agree(bytes: &[u8], mutation: &str, leeway: Leeway) {
    let ours = Catalog::from_json(bytes);
    let theirs = by_serde(bytes);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{mutation}"),
        (Err(CatalogError::Invalid(a)), Err(Some(b))) => {
            let a: Vec<String> = a.iter().map(ToString::to_string).collect();
            assert_eq!(&a, b, "{mutation}");
        }
        // Both refuse the shape (the messages differ: ours is located and bilingual).
        (Err(CatalogError::Shape(_) | CatalogError::Json(_)), Err(None)) => {}
        // serde reads a struct from an array of its fields; the hand reader wants an object.
        (Err(CatalogError::Shape(p)), _)
            if leeway == Leeway::ArrayForObject
                && matches!(
                    p.issue,
                    CatalogIssue::WrongType(Expected::Object | Expected::Bilingual)
                ) => {}
        (Err(CatalogError::Shape(p)), _)
            if leeway == Leeway::NameAsObject
                && matches!(p.issue, CatalogIssue::WrongType(Expected::OneOf(_))) => {}
        _ => panic!("{mutation}: the hand reader gave {ours:?}, serde's derives {theirs:?}"),
    }
}

#[test]
fn the_shipped_catalog_reads_the_same_with_both_readers() {
    let bytes = std::fs::read(common::CATALOG_PATH).expect("catalog");
    let ours = Catalog::from_json(&bytes).expect("the shipped catalog");
    assert_eq!(Ok(ours), by_serde(&bytes).map_err(|_| ()));
}

/// Every place in a JSON value, as a path of keys and indices.
fn places(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                here.push(Step::Key(key.clone()));
                places(item, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                here.push(Step::Index(i));
                places(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'v>(value: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// The replacements tried: every kind of JSON value, numbers at the edges of the fields'
/// ranges, dates real and not, and the names the format's enumerations use.
fn replacements() -> Vec<Value> {
    serde_json::from_str(
        r#"[null, true, false, 0, 7, -1, 255, 256, 65535, 4294967295, 4294967296, "x", "",
            "2026-02-30", "2026-02-28", "plan", "defaultModel", "ratio", "count", "yesNo",
            "levels", "maturity", "required", "optional", "cluster", "block", "targetsMet",
            "earlierReceipt", "earlySubmission", "exceedTarget", "lateSubmission", "none", "tm", "kt",
            "tl", "tuq", {"required": null}, {"cluster": null}, {"targetsMet": null}, {"tuq": null},
            {}, {"vi": "a", "en": "b"}, {"vi": 1}, {"from": 2022}, {"from": 2022, "to": null},
            [], ["a", "b"], [2022, 2026]]"#,
    )
    .expect("the replacements")
}

/// One place for each field of the format (indices ignored: `tiers[].criteria[].id` once).
fn one_place_per_field(all: &[Vec<Step>]) -> Vec<&Vec<Step>> {
    let mut seen = std::collections::BTreeSet::new();
    all.iter()
        .filter(|path| {
            let pattern: Vec<String> = path
                .iter()
                .map(|s| match s {
                    Step::Key(k) => k.clone(),
                    Step::Index(_) => "[]".into(),
                })
                .collect();
            seen.insert(pattern)
        })
        .collect()
}

/// A small catalog that uses every field and every name of the format, valid or not (the
/// readers are compared on what validation says too): the shipped catalog's first tier with one
/// criterion of each kind, and what the shipped catalog leaves out.
fn every_field() -> Value {
    let bytes = std::fs::read(common::CATALOG_PATH).expect("catalog");
    let mut c: Value = serde_json::from_slice(&bytes).expect("json");
    let mut criteria: Vec<Value> = Vec::new();
    for kind in ["ratio", "yesNo", "levels", "count", "maturity"] {
        let found = c["tiers"]
            .as_array()
            .expect("tiers")
            .iter()
            .flat_map(|t| t["criteria"].as_array().expect("criteria"))
            .find(|cr| cr["measure"]["kind"] == kind)
            .unwrap_or_else(|| panic!("a {kind} criterion"));
        criteria.push(found.clone());
    }
    let both = serde_json::json!({"vi": "Mẫu", "en": "Sample"});
    let provenance = serde_json::json!({"source": "plan", "section": "IV.1.a", "quote": "…"});
    let periods = serde_json::json!({"from": 2025, "to": 2026});
    criteria[0]["variants"] = serde_json::json!(["a"]);
    criteria[0]["years"] = serde_json::json!([periods]);
    criteria[0]["targets"] = serde_json::json!([{"periods": periods, "target": 9000}]);
    let mut tier = c["tiers"][0].clone();
    tier["criteria"] = Value::Array(criteria);
    tier["names"] = serde_json::json!([{"periods": periods, "name": both}]);
    tier["note"] = both.clone();
    tier["achievementsReport"] = Value::Bool(true);
    tier["variants"] = serde_json::json!([{"id": "a", "name": both}]);
    tier["signer"] = serde_json::json!({"authority": "kt", "onBehalfOf": "GIÁM ĐỐC",
        "position": "PHÓ GIÁM ĐỐC", "provenance": provenance});
    tier["unitFields"] = serde_json::json!({"title": both, "name": both, "code": both,
        "codeHint": both, "group": [{"periods": periods, "name": both}], "provenance": provenance});
    c["tiers"] = Value::Array(vec![tier]);
    c["emulationGroups"] = serde_json::json!([
        {"id": "k", "kind": "block", "name": both, "tiers": ["so-nganh"], "periods": periods,
         "provenance": provenance},
        {"id": "c", "kind": "cluster", "name": both, "tiers": ["xa-phuong"], "periods": periods,
         "provenance": provenance}]);
    c["offices"][0]["via"] = both.clone();
    c["offices"][0]["tiers"] = serde_json::json!(["so-nganh"]);
    c["offices"][0]["provenance"] = provenance.clone();
    c["bandSets"][0]["caveat"] = both;
    // One of each list the mutations need no more of (each round reads the file twice).
    for list in [
        "legalReferences",
        "offices",
        "bandSets",
        "groups",
        "penalties",
    ] {
        c[list].as_array_mut().expect("a list").truncate(1);
    }
    c
}

#[test]
fn the_catalogs_of_the_fuzz_corpus_are_read_alike() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/catalog");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("the catalog corpus") {
        let path = entry.expect("entry").path();
        agree(
            &std::fs::read(&path).expect("file"),
            &path.display().to_string(),
            Leeway::None,
        );
        read += 1;
    }
    assert!(read > 0);
}

#[test]
fn mutations_of_every_field_are_read_alike() {
    let original = every_field();
    agree(
        &serde_json::to_vec(&original).expect("json"),
        "unchanged",
        Leeway::None,
    );
    let mut all = Vec::new();
    places(&original, &mut Vec::new(), &mut all);
    let fields = one_place_per_field(&all);
    let mut rounds = 0;
    for path in &fields {
        let mut tries: Vec<Mutation> = vec![Mutation::AddUnknown];
        let mut copy = original.clone();
        if let Value::Object(map) = at(&mut copy, path) {
            tries.extend(map.keys().map(|k| Mutation::Remove(k.clone())));
        }
        // Every kind of value everywhere; the format's names and dates only in place of text.
        let is_text = at(&mut copy, path).is_string();
        tries.extend(
            replacements()
                .into_iter()
                .filter(|r| is_text || !r.is_string())
                .map(Mutation::Replace),
        );
        // Numbers at the edges of every integer field's range.
        if at(&mut copy, path).is_number() {
            for edge in [
                -1_i64,
                256,
                65_536,
                2_147_483_648,
                4_294_967_296,
                9_007_199_254_740_991,
            ] {
                tries.push(Mutation::Replace(edge.into()));
            }
        }
        for mutation in tries {
            let mut value = original.clone();
            let Some(leeway) = mutation.apply(&mut value, path) else {
                continue;
            };
            rounds += 1;
            let text = serde_json::to_vec(&value).expect("json");
            agree(&text, &format!("{mutation:?} at {path:?}"), leeway);
        }
    }
    assert!(
        fields.len() > 250 && rounds > 10_000,
        "{} fields, {rounds} rounds",
        fields.len()
    );
}

#[derive(Debug)]
enum Mutation {
    /// The object's field of this name is removed.
    Remove(String),
    AddUnknown,
    Replace(Value),
}

impl Mutation {
    /// Applies it at `path`; `None` when it does not apply there, else where the readers may
    /// differ (see `agree`).
    fn apply(&self, value: &mut Value, path: &[Step]) -> Option<Leeway> {
        let target = at(value, path);
        match self {
            Mutation::Remove(key) => {
                target.as_object_mut()?.remove(key)?;
                Some(Leeway::None)
            }
            Mutation::AddUnknown => {
                target
                    .as_object_mut()?
                    .insert("unknownField".into(), Value::from(1));
                Some(Leeway::None)
            }
            Mutation::Replace(new) => {
                let leeway = if target.is_object() && new.is_array() {
                    Leeway::ArrayForObject
                } else if target.is_string()
                    && new
                        .as_object()
                        .is_some_and(|m| m.len() == 1 && m.values().all(Value::is_null))
                {
                    Leeway::NameAsObject
                } else {
                    Leeway::None
                };
                *target = new.clone();
                Some(leeway)
            }
        }
    }
}
