//! The shipped catalog: valid, faithful to the plan, and refused when broken.

mod common;
use tdg_model::catalog::{CatalogError, Provenance};
use tdg_model::strict_json::StrictJsonError;
use tdg_model::Localized;

#[test]
fn shipped_catalog_is_valid_and_every_tier_sums_to_100() {
    let catalog = common::catalog();
    assert_eq!(catalog.tiers.len(), 5, "tiers a–đ of section IV.1");
    assert_eq!(
        catalog.groups.len(),
        7,
        "the seven content areas of section II"
    );
    assert!(catalog.problems().is_empty());
}

/// Every quote attributed to the plan stands in the plan, word for word.
#[test]
fn every_plan_quote_is_verbatim() {
    let plan = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/plan/175-KH-UBND-2022.txt"
    ))
    .expect("plan text is in assets/plan");
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let plan = squash(&plan);
    let catalog = common::catalog();
    let mut provenances: Vec<&Provenance> = catalog.groups.iter().map(|g| &g.provenance).collect();
    provenances.push(&catalog.deadline.provenance);
    provenances.extend(catalog.office_deadline.as_ref().map(|d| &d.provenance));
    provenances.extend(catalog.offices.iter().filter_map(|o| o.provenance.as_ref()));
    provenances.extend(catalog.band_sets.iter().map(|b| &b.provenance));
    for tier in &catalog.tiers {
        provenances.push(&tier.provenance);
        provenances.extend(tier.criteria.iter().map(|c| &c.provenance));
        provenances.extend(
            tier.criteria
                .iter()
                .filter_map(|c| c.not_applicable.as_ref().map(|n| &n.provenance)),
        );
    }
    let mut checked = 0;
    for p in provenances {
        if let Provenance::Plan { quote, section } = p {
            assert!(
                plan.contains(&squash(quote)),
                "section {section}: quote not in the plan: {quote}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} quotes checked");
}

#[test]
fn plan_targets_are_exactly_the_plans() {
    use tdg_model::Measure;
    let catalog = common::catalog();
    let target = |id: &str| {
        let c = common::criterion(&catalog, id);
        match c.measure {
            Measure::Ratio { target, .. } => target,
            _ => panic!("{id} is not a ratio"),
        }
    };
    assert_eq!(target("xp.ho-so-truc-tuyen"), 7_000, "IV.1.c: 70%");
    assert_eq!(target("qh.ho-so-truc-tuyen"), 9_000, "IV.1.b: 90%");
    assert_eq!(target("sn.ho-so-truc-tuyen"), 9_000, "IV.1.a: 90%");
    assert_eq!(target("sn.giam-sat-so"), 5_000, "IV.1.a: at least 50%");
    assert_eq!(target("sn.dvc-toan-trinh"), 10_000, "IV.1.a: 100%");
    let district = catalog.tier("quan-huyen").expect("district tier");
    assert_eq!(
        district.periods.to,
        Some(2024),
        "the district tier ends with 2024"
    );
}

fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    match common::read_edited(edit) {
        Err(CatalogError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected a list of problems, got {other:?}"),
    }
}

#[test]
fn broken_catalog_lists_every_problem_with_its_place() {
    let problems = broken(|v| {
        let c0 = &mut v["tiers"][2]["criteria"][0];
        c0["maxPoints"] = 41_000.into(); // sum becomes 101
        c0["measure"]["target"] = 12_000.into(); // above 100%
        v["tiers"][2]["criteria"][1]["id"] = "xp.ho-so-truc-tuyen".into(); // duplicate id
        v["tiers"][2]["criteria"][2]["measure"]["kind"] = "slider".into(); // unknown kind
        v["tiers"][2]["criteria"][3]["text"]["en"] = "".into(); // missing translation
        v["tiers"][2]["criteria"][4]["group"] = "II.9".into();
    });
    let joined = problems.join("\n");
    for needle in [
        "tiers[2].criteria: maximum points add up to",
        "tiers[2].criteria[0].measure.target: 12000 is outside",
        "tiers[2].criteria[1].id: id 'xp.ho-so-truc-tuyen' is used twice",
        "tiers[2].criteria[2].measure.kind: unknown kind",
        "tiers[2].criteria[3].text: needs both Vietnamese",
        "tiers[2].criteria[4].group: group 'II.9'",
    ] {
        assert!(joined.contains(needle), "missing «{needle}» in:\n{joined}");
    }
}

#[test]
fn syntax_errors_are_located() {
    let err = tdg_model::Catalog::from_json(b"{\n  \"id\": \"x\",\n}").expect_err("bad json");
    match err {
        CatalogError::Json(StrictJsonError::Syntax { line, .. }) => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
    // JSON, but a field of the wrong kind: located by its path, in both languages.
    let err = tdg_model::Catalog::from_json(b"{\"id\": 3}").expect_err("a number for an id");
    assert_eq!(
        err.message(tdg_model::Lang::Vi),
        "Tệp danh mục không đúng định dạng ở id: phải là chuỗi văn bản trong dấu ngoặc kép."
    );
    assert_eq!(
        err.to_string(),
        "the catalog file is not in the catalog format at id: must be text in quotes."
    );
    // A number in quotes is the likely slip; a number out of its field's type, validation's
    // wording; a file that is not an object, the whole file.
    let edited = |edit: &dyn Fn(&mut serde_json::Value)| {
        common::read_edited(edit)
            .expect_err("refused")
            .message(tdg_model::Lang::Vi)
    };
    assert_eq!(
        edited(&|v| v["tiers"][0]["criteria"][3]["maxPoints"] = "5".into()),
        "Tệp danh mục không đúng định dạng ở tiers[0].criteria[3].maxPoints: phải là số nguyên, \
         viết không có dấu ngoặc kép."
    );
    assert_eq!(
        edited(&|v| v["deadline"]["beforeDay"] = 300.into()),
        "Tệp danh mục không đúng định dạng ở deadline.beforeDay: 300 nằm ngoài khoảng cho phép \
         0..=255."
    );
    assert_eq!(
        edited(&|v| *v = serde_json::json!([])),
        "Tệp danh mục không đúng định dạng (toàn bộ tệp): phải là một nhóm trường trong dấu \
         ngoặc nhọn {…}."
    );
    assert!(matches!(
        tdg_model::Catalog::from_json(&[0xff, 0xfe]),
        Err(CatalogError::NotUtf8 { offset: 0 })
    ));
    let vi = tdg_model::Catalog::from_json(b"[]")
        .expect_err("not an object")
        .message(tdg_model::Lang::Vi);
    assert!(vi.starts_with("Tệp danh mục không đúng định dạng"), "{vi}");
}

#[test]
fn criteria_per_tier_by_provenance() {
    let catalog = common::catalog();
    for tier in &catalog.tiers {
        let plan = tier
            .criteria
            .iter()
            .filter(|c| c.provenance.is_plan())
            .count();
        assert!(plan >= 1, "tier {} has a criterion from the plan", tier.id);
        println!(
            "{}: {} from the plan, {} default-model",
            tier.id,
            plan,
            tier.criteria.len() - plan
        );
    }
}

/// The tie-breakers are catalog data, marked as the default model; a rule given twice or an
/// unknown rule is refused, located; without `ranking` there are none.
#[test]
fn tie_breakers_are_catalog_data() {
    use tdg_model::catalog::TieBreaker;
    let catalog = common::catalog();
    assert_eq!(
        catalog.tie_breakers(),
        [TieBreaker::TargetsMet, TieBreaker::EarlierReceipt]
    );
    let ranking = catalog.ranking.as_ref().expect("ranking");
    assert!(matches!(
        ranking.provenance,
        Provenance::DefaultModel { .. }
    ));
    let twice = common::read_edited(|v| {
        v["ranking"]["tieBreakers"] = serde_json::json!(["targetsMet", "targetsMet"])
    });
    match twice {
        Err(CatalogError::Invalid(problems)) => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.to_string().contains("ranking.tieBreakers[1]")),
                "{problems:?}"
            )
        }
        other => panic!("a rule given twice must be refused: {other:?}"),
    }
    assert!(
        common::read_edited(|v| v["ranking"]["tieBreakers"] = serde_json::json!(["coinToss"]))
            .is_err()
    );
    let none = common::read_edited(|v| {
        v.as_object_mut().expect("object").remove("ranking");
    })
    .expect("ranking is optional");
    assert!(none.tie_breakers().is_empty());
}

/// Review M7: the usual signature block is catalog data, marked as the default model; one that
/// would print a bare "TM." is refused where it is.
#[test]
fn the_usual_signer_is_catalog_data() {
    let catalog = common::catalog();
    let signer = |tier: &str| catalog.tier(tier).expect(tier).signer.clone();
    let commune = signer("xa-phuong").expect("a commune's signer");
    assert_eq!(commune.authority.abbreviation(), "TM.");
    assert_eq!(commune.on_behalf_of, "ỦY BAN NHÂN DÂN");
    assert_eq!(commune.position, "CHỦ TỊCH");
    assert!(matches!(
        commune.provenance,
        Provenance::DefaultModel { .. }
    ));
    assert!(signer("ca-nhan").is_none(), "a person signs in person");
    let bytes = std::fs::read(common::CATALOG_PATH).expect("catalog");
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let tiers = value["tiers"].as_array_mut().expect("tiers");
    let at = tiers
        .iter()
        .position(|t| t["id"] == "xa-phuong")
        .expect("commune");
    tiers[at]["signer"]["onBehalfOf"] = serde_json::json!(" ");
    match tdg_model::Catalog::from_json(&serde_json::to_vec(&value).expect("json")) {
        Err(CatalogError::Invalid(problems)) => assert!(
            problems.iter().any(|p| p
                .to_string()
                .contains(&format!("tiers[{at}].signer.onBehalfOf"))),
            "{problems:?}"
        ),
        other => panic!("a bare “TM.” must be refused: {other:?}"),
    }
}

/// A criterion's years: every year's set of criteria must add up to 100, and a criterion
/// assessed in no year of its tier, or years given twice, are refused where they are written.
#[test]
fn each_years_criteria_add_up_to_100() {
    let xp = |v: &serde_json::Value, id: &str| {
        v["tiers"][2]["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .position(|c| c["id"] == id)
            .expect(id)
    };
    // The phase-1 review without its years: 2025 is fine, the other years count 105.
    let problems = broken(|v| {
        let i = xp(v, "xp.tong-ket-giai-doan-1");
        v["tiers"][2]["criteria"][i]
            .as_object_mut()
            .expect("criterion")
            .remove("years");
    });
    let joined = problems.join("\n");
    for needle in [
        "tiers[2].criteria: maximum points add up to 105 instead of 100 from 2022",
        "tiers[2].criteria: maximum points add up to 105 instead of 100 from 2026",
    ] {
        assert!(joined.contains(needle), "missing «{needle}» in:\n{joined}");
    }
    assert!(!joined.contains("from 2025"), "{joined}");
    // Years outside the tier, and years given twice.
    let problems = broken(|v| {
        let i = xp(v, "xp.tong-ket-giai-doan-1");
        v["tiers"][2]["criteria"][i]["years"] = serde_json::json!([{ "from": 2019, "to": 2020 }]);
        let j = xp(v, "xp.ke-hoach-phat-dong");
        v["tiers"][2]["criteria"][j]["years"] =
            serde_json::json!([{ "from": 2022 }, { "from": 2024, "to": 2025 }]);
    });
    let joined = problems.join("\n");
    for needle in [
        "].years: 'years' leaves no year of the tier's periods",
        "].years: two entries cover the year 2024",
    ] {
        assert!(joined.contains(needle), "missing «{needle}» in:\n{joined}");
    }
}
