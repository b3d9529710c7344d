#![allow(dead_code)]
use tdg_model::{Answer, AnswerSheet, Catalog, Evidence};

pub const CATALOG_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/catalogs/hp-175-kh-ubnd.json"
);

/// The shipped catalog, read and validated once per test binary: the property tests score
/// thousands of sheets, and parsing the catalog again for each (unoptimised) took 19 s.
pub fn catalog() -> Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let bytes = std::fs::read(CATALOG_PATH).expect("the catalog file is in the repository");
            Catalog::from_json(&bytes).expect("the shipped catalog is valid")
        })
        .clone()
}

/// The shipped catalog with `edit` made to its JSON, read again by `Catalog::from_json`.
pub fn read_edited(
    edit: impl FnOnce(&mut serde_json::Value),
) -> Result<Catalog, tdg_model::CatalogError> {
    let bytes = std::fs::read(CATALOG_PATH).expect("the catalog file is in the repository");
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    edit(&mut value);
    Catalog::from_json(&serde_json::to_vec(&value).expect("json"))
}

/// A criterion of any tier, by id.
pub fn criterion<'a>(catalog: &'a Catalog, id: &str) -> &'a tdg_model::Criterion {
    catalog
        .tiers
        .iter()
        .flat_map(|t| &t.criteria)
        .find(|c| c.id == id)
        .expect(id)
}

pub fn doc() -> Evidence {
    Evidence::Document {
        number: "125/BC-UBND".into(),
        date: None,
        title: String::new(),
    }
}

pub fn ratio(n: i64, d: i64) -> Answer {
    Answer {
        numerator: Some(n),
        denominator: Some(d),
        evidence: vec![doc()],
        ..Answer::default()
    }
}

pub fn yes(y: bool) -> Answer {
    Answer {
        yes: Some(y),
        evidence: vec![doc()],
        ..Answer::default()
    }
}

pub fn level(id: &str) -> Answer {
    Answer {
        level: Some(id.into()),
        evidence: vec![doc()],
        ..Answer::default()
    }
}

pub fn count(n: i64) -> Answer {
    Answer {
        count: Some(n),
        evidence: vec![doc()],
        ..Answer::default()
    }
}

pub fn maturity(n: i64) -> Answer {
    Answer {
        maturity: Some(n),
        evidence: vec![doc()],
        ..Answer::default()
    }
}

pub fn sheet(tier: &str, variant: Option<&str>, answers: &[(&str, Answer)]) -> AnswerSheet {
    AnswerSheet {
        tier: tier.into(),
        variant: variant.map(String::from),
        period: 2026,
        submitted_on: None,
        answers: answers
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}
