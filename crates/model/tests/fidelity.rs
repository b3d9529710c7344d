//! The catalog faithful to the plan (issue 9): the legal basis and its citation, the offices by
//! tier and period, tier names by period, the criteria the plan asks for, and every new catalog
//! rule refused, located, when broken.

mod common;
use tdg_model::catalog::{CatalogError, EmulationGroupKind, Provenance};
use tdg_model::citation::{basis_line, document_date};
use tdg_model::Localized;
use tdg_model::{score, Catalog, Lang, Measure};

fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Catalog, Vec<String>> {
    match common::read_edited(edit) {
        Ok(c) => Ok(c),
        Err(CatalogError::Invalid(problems)) => {
            Err(problems.iter().map(|p| p.to_string()).collect())
        }
        Err(other) => Err(vec![other.to_string()]),
    }
}

fn problems(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    edited(edit).expect_err("refused").join("\n")
}

fn tier_index(v: &serde_json::Value, id: &str) -> usize {
    v["tiers"]
        .as_array()
        .expect("tiers")
        .iter()
        .position(|t| t["id"] == id)
        .expect(id)
}

#[test]
fn the_basis_is_data_and_cites_the_vietnamese_way() {
    let catalog = common::catalog();
    assert_eq!(catalog.basis.number, "175/KH-UBND");
    assert_eq!(document_date(catalog.basis.date), "15/7/2022");
    assert_eq!(
        catalog.citation("IV.1.a", Lang::Vi),
        "điểm a khoản 1 Mục IV Kế hoạch số 175/KH-UBND"
    );
    assert_eq!(
        catalog.citation("IV.1.a", Lang::En),
        "point a, clause 1, section IV of Plan No. 175/KH-UBND"
    );
    assert_eq!(
        basis_line(&catalog.basis, Lang::Vi),
        "Kế hoạch số 175/KH-UBND ngày 15/7/2022 của Ủy ban nhân dân thành phố Hải Phòng"
    );
    // A phase-2 catalog with another basis cites it with no code change.
    let phase2 = edited(|v| {
        v["basis"]["number"] = "99/KH-UBND".into();
        v["basis"]["citeAs"]["vi"] = "Kế hoạch số 99/KH-UBND".into();
    })
    .expect("valid");
    assert_eq!(
        phase2.citation("VI.5", Lang::Vi),
        "khoản 5 Mục VI Kế hoạch số 99/KH-UBND"
    );
    // Every section the catalog quotes can be cited.
    for tier in &catalog.tiers {
        for c in &tier.criteria {
            if let Provenance::Plan { section, .. } = &c.provenance {
                assert!(tdg_model::citation::is_citable(section), "{section}");
            }
        }
    }
}

#[test]
fn the_offices_own_deadline_is_31_12_from_vi_3() {
    let catalog = common::catalog();
    let d = catalog.office_deadline.as_ref().expect("office deadline");
    assert_eq!((d.before_day, d.before_month), (31, 12));
    assert_eq!(d.provenance.section(), Some("VI.3"));
    assert_eq!(
        catalog.office_deadline_for(2026).map(|d| d.display_vn()),
        Some("31/12/2026".into())
    );
    // The units' own deadline stays 01/12 (VI.5) and binds only the tiers that must report.
    assert_eq!(catalog.deadline.provenance.section(), Some("VI.5"));
    for tier in ["doanh-nghiep", "ca-nhan"] {
        assert!(!catalog.deadline_binds(tier), "{tier}");
    }
}

#[test]
fn offices_follow_the_tier_and_the_period() {
    let catalog = common::catalog();
    let office = |tier: &str, year| catalog.office_for_tier(tier, year).expect("an office");
    let sotttt = "Sở Thông tin và Truyền thông thành phố Hải Phòng";
    let sokhcn = "Sở Khoa học và Công nghệ thành phố Hải Phòng";
    // Communes reported through their district in 2022–2024; from 2025 directly.
    let commune_2023 = office("xa-phuong", 2023);
    assert_eq!(commune_2023.name.vi, sotttt);
    assert!(commune_2023
        .addressee()
        .vi
        .starts_with("Ủy ban nhân dân quận, huyện"));
    let commune_2025 = office("xa-phuong", 2025);
    assert_eq!(commune_2025.addressee().vi, sokhcn);
    assert_eq!(office("so-nganh", 2024).addressee().vi, sotttt);
    assert_eq!(office("quan-huyen", 2022).addressee().vi, sotttt);
    // Enterprises and individuals are put forward through their unit or locality.
    for tier in ["doanh-nghiep", "ca-nhan"] {
        for (year, name) in [(2023, sotttt), (2026, sokhcn)] {
            let o = office(tier, year);
            assert_eq!(o.name.vi, name, "{tier} {year}");
            assert!(o
                .addressee()
                .vi
                .starts_with("Cơ quan, đơn vị hoặc địa phương"));
        }
    }
}

#[test]
fn tier_names_change_with_the_period_and_the_department_tier_says_who_it_is_not() {
    let catalog = common::catalog();
    let commune = catalog.tier("xa-phuong").expect("commune tier");
    assert_eq!(commune.name_for(2024).vi, "Cấp xã, phường, thị trấn");
    assert_eq!(commune.name_for(2025).vi, "Cấp xã, phường, đặc khu");
    assert_eq!(commune.name_for(2030).vi, "Cấp xã, phường, đặc khu");
    // Review M5: the name is printed (in capitals, too): no exclusion in brackets, no tier that
    // no longer exists; who should pick another tier is said in the hint, for every period.
    let department = catalog.tier("so-nganh").expect("department tier");
    assert_eq!(department.name.vi, "Sở, ban, ngành, đơn vị thuộc thành phố");
    assert!(department.members.vi.contains("Quận, huyện (đến năm 2024)"));
    assert!(department.members.vi.contains("đặc khu chọn cấp của mình"));
    let district = catalog.tier("quan-huyen").expect("district tier");
    assert!(
        district.note.vi.contains("Điểm a khoản 1 Mục IV") && district.note.vi.contains("điểm b"),
        "how IV.1.a applies to districts: {}",
        district.note.vi
    );
    // Individuals are nominated with a report of achievements; nobody else is.
    for tier in &catalog.tiers {
        assert_eq!(
            tier.achievements_report,
            tier.id == "ca-nhan",
            "{}",
            tier.id
        );
    }
}

/// VI.1 (own plan and launch) and III.2 (good models): yes/no with document evidence for
/// tiers a–c, quoted from the plan.
#[test]
fn the_plan_and_good_model_criteria_exist_for_tiers_a_to_c() {
    let catalog = common::catalog();
    for (tier, prefix) in [
        ("so-nganh", "sn"),
        ("quan-huyen", "qh"),
        ("xa-phuong", "xp"),
    ] {
        let t = catalog.tier(tier).expect(tier);
        for (id, section) in [("ke-hoach-phat-dong", "VI.1"), ("mo-hinh-hay", "III.2")] {
            let id = format!("{prefix}.{id}");
            let c = t.criteria.iter().find(|c| c.id == id).expect("criterion");
            assert_eq!(c.measure, Measure::YesNo, "{id}");
            assert_eq!(c.evidence, tdg_model::catalog::EvidenceRule::Required);
            assert_eq!(c.provenance.section(), Some(section), "{id}");
        }
    }
}

/// The 2025 target is used for 2022–2024 and as floor from 2026: the project's choice, said on
/// every criterion concerned.
#[test]
fn the_2025_targets_say_how_other_years_use_them() {
    let catalog = common::catalog();
    let mut said = 0;
    for tier in ["so-nganh", "quan-huyen", "xa-phuong"] {
        for c in &catalog.tier(tier).expect(tier).criteria {
            if c.provenance.is_plan() && matches!(c.measure, Measure::Ratio { .. }) {
                assert!(
                    c.model_note.vi.contains("lựa chọn của công cụ")
                        && c.model_note.vi.contains("2022–2024"),
                    "{}: {}",
                    c.id,
                    c.model_note.vi
                );
                said += 1;
            }
        }
    }
    assert!(said >= 8, "{said}");
}

/// Cyber security asks each tier for what it can do: neither communes nor enterprises are
/// asked to connect to the city's monitoring centre.
#[test]
fn cyber_security_levels_fit_the_tier() {
    let catalog = common::catalog();
    for id in ["xp.an-toan", "dn.an-toan"] {
        let c = common::criterion(&catalog, id);
        let Measure::Levels { levels } = &c.measure else {
            panic!("{id} is graded")
        };
        assert!(
            levels
                .iter()
                .all(|l| !l.name.vi.contains("Trung tâm giám sát")),
            "{id}"
        );
        assert!(!c.provenance.is_plan());
    }
}

#[test]
fn targets_per_period_replace_the_measures_target() {
    let catalog = edited(|v| {
        let t = tier_index(v, "xa-phuong");
        v["tiers"][t]["criteria"][0]["targets"] =
            serde_json::json!([{"periods": {"from": 2022, "to": 2024}, "target": 5000}]);
    })
    .expect("valid");
    let files = |period| {
        let mut s = common::sheet(
            "xa-phuong",
            None,
            &[("xp.ho-so-truc-tuyen", common::ratio(50, 100))],
        );
        s.period = period;
        score(&catalog, &s)
            .expect("scores")
            .criterion("xp.ho-so-truc-tuyen")
            .expect("present")
            .points
    };
    assert_eq!(files(2023), 40_000, "50% meets the 2023 target of 50%");
    assert_eq!(files(2026), 28_571, "40 × 50% / 70%");
    let c = &catalog.tier("xa-phuong").expect("tier").criteria[0];
    assert_eq!(
        (c.target_for(2023), c.target_for(2026)),
        (Some(5000), Some(7000))
    );
}

#[test]
fn emulation_groups_are_listed_only_from_a_source() {
    let shipped = common::catalog();
    assert!(shipped.emulation_groups.is_empty());
    assert!(
        !shipped.emulation_groups_note.is_blank(),
        "the note says why it is empty"
    );
    // The format, exercised by a test fixture (invented names: no source lists the real ones).
    let catalog = edited(|v| {
        v["emulationGroups"] = serde_json::json!([
            {"id": "cum-thu-1", "kind": "cluster", "name": {"vi": "Cụm thử 1", "en": "Test cluster 1"},
             "tiers": ["xa-phuong"], "periods": {"from": 2025},
             "provenance": {"source": "defaultModel", "reason": {"vi": "Dữ liệu thử.", "en": "Test data."}}},
            {"id": "khoi-thu-1", "kind": "block", "name": {"vi": "Khối thử 1", "en": "Test block 1"},
             "tiers": ["so-nganh"], "periods": {"from": 2025},
             "provenance": {"source": "defaultModel", "reason": {"vi": "Dữ liệu thử.", "en": "Test data."}}}
        ]);
    })
    .expect("valid");
    let ids = |tier, period| {
        catalog
            .emulation_groups(tier, period)
            .map(|g| (g.id.as_str(), g.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids("xa-phuong", 2026),
        [("cum-thu-1", EmulationGroupKind::Cluster)]
    );
    assert_eq!(
        ids("so-nganh", 2025),
        [("khoi-thu-1", EmulationGroupKind::Block)]
    );
    assert!(ids("xa-phuong", 2024).is_empty(), "not before 2025");
    let text = problems(|v| {
        v["emulationGroups"] = serde_json::json!([
            {"id": "a", "kind": "cluster", "name": {"vi": "A", "en": ""}, "tiers": ["phuong"],
             "periods": {"from": 2026, "to": 2025},
             "provenance": {"source": "defaultModel", "reason": {"vi": "x", "en": "x"}}},
            {"id": "a", "kind": "block", "name": {"vi": "B", "en": "B"}, "tiers": [],
             "periods": {"from": 2025},
             "provenance": {"source": "defaultModel", "reason": {"vi": "x", "en": "x"}}}
        ]);
    });
    for needle in [
        "emulationGroups[0].name: needs both",
        "emulationGroups[0].tiers[0]: tier 'phuong' is not defined",
        "emulationGroups[0].periods: 'from' is after 'to'",
        "emulationGroups[1].id: id 'a' is used twice",
        "emulationGroups[1].tiers: must not be empty",
    ] {
        assert!(text.contains(needle), "missing «{needle}» in:\n{text}");
    }
}

#[test]
fn every_new_rule_is_refused_with_its_place() {
    let text = problems(|v| {
        let xa = tier_index(v, "xa-phuong");
        let sn = tier_index(v, "so-nganh");
        let dn = tier_index(v, "doanh-nghiep");
        // Bands: a tier in two sets, a tier in none, a band id used twice, a caveat in one
        // language only.
        v["bandSets"][1]["tiers"] = serde_json::json!(["xa-phuong", "ca-nhan"]);
        v["bandSets"][1]["bands"][0]["id"] = "xuat-sac".into();
        v["bandSets"][0]["caveat"]["en"] = "".into();
        // A plan section that cannot be cited.
        v["tiers"][xa]["criteria"][0]["provenance"]["section"] = "4.1.c".into();
        // Per-period targets on a yes/no criterion, overlapping ones on a ratio.
        let yes_no = v["tiers"][xa]["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .position(|c| c["measure"]["kind"] == "yesNo")
            .expect("a yes/no criterion");
        v["tiers"][xa]["criteria"][yes_no]["targets"] =
            serde_json::json!([{"periods": {"from": 2022}, "target": 1}]);
        v["tiers"][xa]["criteria"][1]["targets"] = serde_json::json!([
            {"periods": {"from": 2022, "to": 2024}, "target": 5000},
            {"periods": {"from": 2024}, "target": 20000}
        ]);
        // Every enterprise criterion may be "not applicable".
        let na = serde_json::json!({"reasonRequired": true, "when": {"vi": "x", "en": "x"},
            "provenance": {"source": "defaultModel", "reason": {"vi": "x", "en": "x"}}});
        for c in v["tiers"][dn]["criteria"].as_array_mut().expect("criteria") {
            c["notApplicable"] = na.clone();
        }
        // "Not applicable" without the text saying when.
        v["tiers"][sn]["criteria"][1]["notApplicable"]["when"]["vi"] = "".into();
        // The exceed bonus without a meaningful base.
        v["bonus"]["rules"][1]["when"]["minDenominator"] = 0.into();
        // The office deadline on a day that does not exist; offices for an unknown tier;
        // individuals left without an office in 2025 and after.
        v["officeDeadline"]["beforeMonth"] = 13.into();
        v["offices"][2]["tiers"] = serde_json::json!(["phuong"]);
        v["offices"][4]["tiers"] = serde_json::json!(["doanh-nghiep"]);
        v["offices"][1]["periods"] = serde_json::json!({"from": 2025, "to": 2025});
        // Tier names by period: overlapping.
        v["tiers"][xa]["names"] = serde_json::json!([
            {"periods": {"from": 2022, "to": 2024}, "name": {"vi": "A", "en": "A"}},
            {"periods": {"from": 2024, "to": 2024}, "name": {"vi": "B", "en": "B"}}
        ]);
        v["basis"]["citeAs"]["en"] = "".into();
    });
    for needle in [
        "bandSets[1].tiers[0]: tier 'xa-phuong' is in two band sets",
        "bandSets: no band set lists tier 'doanh-nghiep'",
        "bandSets[1].bands[0].id: id 'xuat-sac' is used twice",
        "bandSets[0].caveat: needs both",
        "tiers[2].criteria[0].provenance.section: section '4.1.c' cannot be cited",
        ".targets: only ratio, count and maturity criteria take per-period targets",
        "tiers[2].criteria[1].targets: two entries cover the year 2024",
        "tiers[2].criteria[1].targets[1].target: 20000 is outside",
        "tiers[3].criteria: every criterion may be \"not applicable\" for variant 'chung'",
        "tiers[0].criteria[1].notApplicable.when: needs both",
        "bonus.rules[1].when.minDenominator: 0 is outside the allowed range 1..=1000000",
        "officeDeadline: is not a real day and month",
        "offices[2].tiers[0]: tier 'phuong' is not defined",
        "offices: no receiving office for tier 'so-nganh' in 2026",
        "offices: no receiving office for tier 'ca-nhan' in 2026",
        "tiers[2].names: two entries cover the year 2024",
        "basis.citeAs: needs both",
    ] {
        assert!(text.contains(needle), "missing «{needle}» in:\n{text}");
    }
    // In Vietnamese too.
    let bytes = std::fs::read(common::CATALOG_PATH).expect("catalog");
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    value["bandSets"][1]["tiers"] = serde_json::json!(["xa-phuong", "ca-nhan"]);
    let err = Catalog::from_json(&serde_json::to_vec(&value).expect("json")).expect_err("refused");
    let vi = err.message(Lang::Vi);
    assert!(
        vi.contains("cấp 'xa-phuong' nằm trong hai bộ mức xếp loại"),
        "{vi}"
    );
    assert!(
        vi.contains("chưa có bộ mức xếp loại nào cho cấp 'doanh-nghiep'"),
        "{vi}"
    );
}

#[test]
fn an_exceed_rule_without_a_minimum_denominator_is_refused() {
    let err = edited(|v| {
        v["bonus"]["rules"][1]["when"]
            .as_object_mut()
            .expect("object")
            .remove("minDenominator");
    })
    .expect_err("refused");
    assert!(
        err[0].contains("at bonus.rules[1].when.minDenominator: this required field is missing"),
        "{err:?}"
    );
}

/// Review H4 and M6: the unit's fields are named by tier. A person gives "Họ và tên", an
/// enterprise "Tên doanh nghiệp" and its "Mã số doanh nghiệp"; neither is ranked in a cluster
/// or block, so neither has that field. A department is in a "Khối thi đua" from 2025, a
/// commune in a "Cụm thi đua".
#[test]
fn unit_fields_are_named_by_tier_and_period() {
    let catalog = common::catalog();
    let labels = |tier: &str, period: i32| {
        let t = catalog.tier(tier).expect(tier);
        let f = t.unit_fields.as_ref();
        (
            f.map(|f| f.name.vi.clone()),
            f.map(|f| f.code.vi.clone()),
            t.group_label(period).map(|g| g.map(|l| l.vi.clone())),
        )
    };
    assert_eq!(
        labels("ca-nhan", 2026),
        (
            Some("Họ và tên".into()),
            Some("Mã số người báo cáo".into()),
            None
        )
    );
    assert_eq!(
        labels("doanh-nghiep", 2026),
        (
            Some("Tên doanh nghiệp".into()),
            Some("Mã số doanh nghiệp".into()),
            None
        )
    );
    assert_eq!(
        labels("so-nganh", 2026).2,
        Some(Some("Khối thi đua".into()))
    );
    assert_eq!(
        labels("so-nganh", 2023).2,
        Some(Some("Cụm, khối thi đua".into()))
    );
    assert_eq!(
        labels("xa-phuong", 2025).2,
        Some(Some("Cụm thi đua".into()))
    );
    // No `unitFields`: the generic labels, and a cluster or block field.
    assert_eq!(labels("quan-huyen", 2024), (None, None, Some(None)));
    for tier in ["ca-nhan", "doanh-nghiep", "so-nganh", "xa-phuong"] {
        let f = catalog.tier(tier).and_then(|t| t.unit_fields.as_ref());
        assert!(
            !f.expect(tier).provenance.is_plan(),
            "{tier}: the tool's default"
        );
    }
    // The print's group line follows: "Khối thi đua: …", nothing for a person.
    let mut draft = tdg_model::draft::Draft::default();
    draft.unit.group = "Khối 3".into();
    draft.sheet.tier = "so-nganh".into();
    draft.sheet.period = 2026;
    assert_eq!(
        draft.group_line(&catalog, Lang::Vi).as_deref(),
        Some("Khối thi đua: Khối 3")
    );
    draft.sheet.tier = "ca-nhan".into();
    assert_eq!(draft.group_line(&catalog, Lang::Vi), None);
}

/// A unit field label that is not bilingual, and two labels for one year, are refused.
#[test]
fn unit_fields_are_validated() {
    let problems = edited(|v| {
        let t = &mut v["tiers"][0]["unitFields"];
        t["name"]["en"] = "".into();
        t["group"][1]["periods"]["from"] = 2024.into();
    })
    .expect_err("invalid");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("tiers[0].unitFields.name")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("tiers[0].unitFields.group")),
        "{problems:?}"
    );
}

/// Review H4: the print's top-left block is the issuing body. An individual's report of
/// achievements shows the unit the person works in (under its governing body), never the
/// person's name, and no block at all when no workplace is given.
#[test]
fn the_print_issuer_block_is_an_agency_never_a_person() {
    let mut draft = tdg_model::draft::Draft::default();
    draft.unit.name = "Nguyễn Văn An".into();
    draft.document.governing_body = "UBND thành phố Hải Phòng".into();
    assert_eq!(draft.issuer_lines(true), Vec::<String>::new());
    draft.document.person_workplace = "Sở Khoa học và Công nghệ".into();
    assert_eq!(
        draft.issuer_lines(true),
        ["UBND thành phố Hải Phòng", "Sở Khoa học và Công nghệ"]
    );
    assert_eq!(
        draft.reporter_name(),
        "Nguyễn Văn An",
        "the start screen's name"
    );
    draft.document.person_name = "Nguyễn Văn Bình".into();
    assert_eq!(draft.reporter_name(), "Nguyễn Văn Bình");
    draft.unit.name = "Sở Khoa học và Công nghệ".into();
    assert_eq!(
        draft.issuer_lines(false),
        ["UBND thành phố Hải Phòng", "Sở Khoa học và Công nghệ"]
    );
}

/// Review M10: every Vietnamese text of the catalog cites the plan the Vietnamese way
/// ("điểm c khoản 1 Mục IV", "khoản 1 Mục II"), never "Mục IV.1.c" or "Nội dung 1, mục II".
#[test]
fn the_catalog_cites_the_plan_the_vietnamese_way() {
    let bytes = std::fs::read(common::CATALOG_PATH).expect("catalog");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let mut bad = Vec::new();
    fn walk(v: &serde_json::Value, bad: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(vi)) = map.get("vi") {
                    let dotted = vi.match_indices("Mục ").any(|(i, _)| {
                        let rest = &vi[i + "Mục ".len()..];
                        let roman: String =
                            rest.chars().take_while(|c| "IVX".contains(*c)).collect();
                        !roman.is_empty()
                            && rest[roman.len()..]
                                .strip_prefix('.')
                                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                    });
                    if dotted || vi.contains("Nội dung ") && vi.contains(", mục II") {
                        bad.push(vi.clone());
                    }
                }
                for (k, v) in map {
                    if k != "quote" {
                        walk(v, bad);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, bad)),
            _ => {}
        }
    }
    walk(&value, &mut bad);
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Review M9 and M12: the enterprise criterion says "mức độ chuyển đổi số" (not "trưởng
/// thành") and cites no replaced decision for every year; a level printed on paper names what
/// it counts instead of pointing "above" at the card.
#[test]
fn enterprise_maturity_and_printed_levels_read_on_their_own() {
    let catalog = common::catalog();
    let c = common::criterion(&catalog, "dn.truong-thanh-so");
    assert_eq!(c.text.vi, "Mức độ chuyển đổi số của doanh nghiệp");
    if let Provenance::DefaultModel { reason } = &c.provenance {
        assert!(!reason.vi.contains("1970"), "{}", reason.vi);
    }
    for tier in &catalog.tiers {
        for c in &tier.criteria {
            assert!(!c.text.vi.contains("trưởng thành"), "{}", c.id);
            if let Measure::Levels { levels } = &c.measure {
                for l in levels {
                    let points_up = ["nội dung trên", "biện pháp trên"]
                        .iter()
                        .any(|w| l.name.vi.ends_with(w));
                    assert!(!points_up, "{}: {}", c.id, l.name.vi);
                }
            }
        }
    }
}

/// III.1: the review at the end of phase 1, for the departments and the communes (the
/// districts' tier ends with 2024), assessed in 2025 only, in the place and with the points of
/// VI.1, the unit's own plan, which is assessed in every other year.
#[test]
fn the_phase_1_review_is_assessed_in_2025_in_the_place_of_the_units_plan() {
    let catalog = common::catalog();
    for (tier, prefix) in [("so-nganh", "sn"), ("xa-phuong", "xp")] {
        let t = catalog.tier(tier).expect(tier);
        let review = format!("{prefix}.tong-ket-giai-doan-1");
        let plan = format!("{prefix}.ke-hoach-phat-dong");
        let c = t.criterion(&review).expect("the review");
        assert_eq!(c.measure, Measure::YesNo);
        assert_eq!(c.evidence, tdg_model::catalog::EvidenceRule::Required);
        assert_eq!(c.provenance.section(), Some("III.1"));
        assert!(c.model_note.vi.contains("cách chấm điểm mặc định"));
        assert_eq!(
            c.max_points,
            t.criterion(&plan).expect("plan").max_points,
            "the same points, so the total stays 100"
        );
        for year in 2022..=2030 {
            let ids: Vec<&str> = t.criteria_for(None, year).map(|c| c.id.as_str()).collect();
            assert_eq!(ids.contains(&review.as_str()), year == 2025, "{year}");
            assert_eq!(ids.contains(&plan.as_str()), year != 2025, "{year}");
        }
    }
}
