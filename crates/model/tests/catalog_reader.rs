//! `Catalog::from_json` reads the catalog by hand (`catalog::read`, smaller in the browser than
//! serde's derives). These tests hold it to the derives, which stay on the types as the
//! oracle: on the shipped catalog and on hundreds of mutations of it, both readers accept the
//! same files, give the same `Catalog`, and leave the same problems to validation.

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

/// How the two readers may differ: only where the hand reader is stricter by design.
fn agree(bytes: &[u8], mutation: &str, array_for_object: bool) {
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
            if array_for_object && p.issue == CatalogIssue::WrongType(Expected::Object) => {}
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
            "earlierReceipt", "earlySubmission", "exceedTarget", "lateSubmission", "tm", "none",
            {}, {"vi": "a", "en": "b"}, {"vi": 1}, {"from": 2022}, {"from": 2022, "to": null},
            [], ["a", "b"], [2022, 2026]]"#,
    )
    .expect("the replacements")
}

/// A small deterministic generator (the test must fail the same way twice).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
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

#[test]
fn mutations_of_every_field_are_read_alike() {
    let bytes = std::fs::read(common::CATALOG_PATH).expect("catalog");
    let original: Value = serde_json::from_slice(&bytes).expect("json");
    let mut all = Vec::new();
    places(&original, &mut Vec::new(), &mut all);
    let fields = one_place_per_field(&all);
    let replacements = replacements();
    let mut rng = Lcg(20_261_129);
    let mut rounds = 0;
    for path in &fields {
        let mut tries: Vec<Mutation> = vec![
            Mutation::Remove,
            Mutation::AddUnknown,
            Mutation::Replace(replacements[rng.below(replacements.len())].clone()),
            Mutation::Replace(replacements[rng.below(replacements.len())].clone()),
        ];
        // Numbers at the edges of every integer field's range.
        let mut copy = original.clone();
        if at(&mut copy, path).is_number() {
            for edge in [-1_i64, 256, 65_536, 2_147_483_648, 4_294_967_296] {
                tries.push(Mutation::Replace(edge.into()));
            }
        }
        for mutation in tries {
            let mut value = original.clone();
            let Some(array_for_object) = mutation.apply(&mut value, path, &mut rng) else {
                continue;
            };
            rounds += 1;
            let text = serde_json::to_vec(&value).expect("json");
            agree(
                &text,
                &format!("{mutation:?} at {path:?}"),
                array_for_object,
            );
        }
    }
    assert!(
        fields.len() > 100 && rounds > 400,
        "{} fields, {rounds} rounds",
        fields.len()
    );
}

#[derive(Debug)]
enum Mutation {
    /// One of the object's fields, chosen at random, is removed.
    Remove,
    AddUnknown,
    Replace(Value),
}

impl Mutation {
    /// Applies it at `path`; `None` when it does not apply there, else whether an object was
    /// replaced by an array (where the readers may differ, see `agree`).
    fn apply(&self, value: &mut Value, path: &[Step], rng: &mut Lcg) -> Option<bool> {
        let target = at(value, path);
        match self {
            Mutation::Remove => {
                let map = target.as_object_mut().filter(|m| !m.is_empty())?;
                let key = map.keys().nth(rng.below(map.len()))?.clone();
                map.remove(&key);
                Some(false)
            }
            Mutation::AddUnknown => {
                target
                    .as_object_mut()?
                    .insert("unknownField".into(), Value::from(1));
                Some(false)
            }
            Mutation::Replace(new) => {
                let array_for_object = target.is_object() && new.is_array();
                *target = new.clone();
                Some(array_for_object)
            }
        }
    }
}
