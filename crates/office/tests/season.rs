//! The office's season logic on hand-made entries: which report counts, ranks, the units that
//! did not submit, and the statistics.

use tdg_model::Date;
use tdg_office::*;

fn unit(code: &str, tier: &str, group: &str) -> UnitKey {
    UnitKey {
        code: code.into(),
        name: format!("Đơn vị {code}"),
        tier: tier.into(),
        variant: None,
        group: group.into(),
    }
}

fn entry(file: &str, code: &str, group: &str, total: u32) -> Entry {
    Entry {
        file: file.into(),
        unit: unit(code, "xa-phuong", group),
        period: 2025,
        created: "2025-11-10T08:00:00Z".into(),
        received_on: None,
        passes: true,
        total,
        official: false,
        band: "tot".into(),
        rescaled: false,
        criteria: vec![],
    }
}

fn day(text: &str) -> Option<Date> {
    Some(Date::parse_iso(text).expect("a test date"))
}

fn same_group(group: &str) -> String {
    group
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn the_latest_passing_report_of_a_unit_counts_whatever_the_order_of_the_files() {
    let mut first = entry("a.json", "X1", "Cụm 1", 70_000);
    first.received_on = day("2025-11-01");
    let mut resent = entry("b.json", "x1 ", "Cụm 1", 80_000);
    resent.received_on = day("2025-11-20");
    let mut broken_latest = entry("c.json", "X1", "Cụm 1", 99_000);
    broken_latest.received_on = day("2025-11-25");
    broken_latest.passes = false;
    let other = entry("d.json", "X2", "Cụm 1", 60_000);

    let entries = vec![
        first.clone(),
        resent.clone(),
        broken_latest.clone(),
        other.clone(),
    ];
    assert_eq!(
        standings(&entries),
        vec![
            Standing::Superseded { by: 1 },
            Standing::Counted,
            Standing::Failed,
            Standing::Counted
        ]
    );
    let reversed = vec![other, broken_latest, resent, first];
    assert_eq!(
        standings(&reversed),
        vec![
            Standing::Counted,
            Standing::Failed,
            Standing::Counted,
            Standing::Superseded { by: 2 }
        ]
    );
}

#[test]
fn without_received_dates_the_later_signature_counts() {
    let mut early = entry("a.json", "X1", "", 70_000);
    early.created = "2025-11-10T08:00:00Z".into();
    let mut late = entry("b.json", "X1", "", 60_000);
    late.created = "2025-11-10T09:30:00Z".into();
    assert_eq!(
        standings(&[late, early]),
        vec![Standing::Counted, Standing::Superseded { by: 0 }]
    );
}

#[test]
fn a_unit_of_another_tier_or_period_is_not_a_duplicate() {
    let a = entry("a.json", "X1", "", 70_000);
    let mut other_tier = a.clone();
    other_tier.unit.tier = "so-nganh".into();
    let mut other_year = a.clone();
    other_year.period = 2024;
    assert_eq!(
        standings(&[a, other_tier, other_year]),
        vec![Standing::Counted; 3]
    );
}

#[test]
fn tied_units_share_a_rank_and_the_next_rank_skips() {
    let entries = vec![
        entry("a", "A", "Cụm 1", 80_000),
        entry("b", "B", "Cụm 1", 90_000),
        entry("c", "C", "Cụm 1", 80_000),
        entry("d", "D", "Cụm 1", 70_000),
    ];
    let ranked = rank(&entries, &[0, 1, 2, 3], &[], same_group);
    let places: Vec<(&str, u32, bool)> = ranked
        .iter()
        .map(|r| (entries[r.entry].unit.code.as_str(), r.rank, r.tied))
        .collect();
    assert_eq!(
        places,
        vec![
            ("B", 1, false),
            ("A", 2, true),
            ("C", 2, true),
            ("D", 4, false)
        ]
    );
    assert!(ranked.iter().all(|r| r.of == 4));
}

#[test]
fn the_tie_breakers_apply_in_the_catalogs_order() {
    let met = |n: usize| {
        (0..n)
            .map(|i| CriterionPoints {
                id: format!("c{i}"),
                points: 10_000,
                max: 10_000,
                met_target: true,
                not_applicable: false,
            })
            .collect::<Vec<_>>()
    };
    let mut a = entry("a", "A", "", 80_000);
    a.criteria = met(2);
    a.received_on = day("2025-11-05");
    let mut b = entry("b", "B", "", 80_000);
    b.criteria = met(3);
    b.received_on = day("2025-11-20");
    let mut c = entry("c", "C", "", 80_000);
    c.criteria = met(2);
    c.received_on = day("2025-11-01");
    let entries = vec![a, b, c];
    let order = |rules: &[TieBreaker]| {
        rank(&entries, &[0, 1, 2], rules, same_group)
            .iter()
            .map(|r| (entries[r.entry].unit.code.clone(), r.rank))
            .collect::<Vec<_>>()
    };
    let s = |c: &str, r: u32| (c.to_owned(), r);
    assert_eq!(order(&[]), vec![s("A", 1), s("B", 1), s("C", 1)]);
    assert_eq!(
        order(&[TieBreaker::TargetsMet]),
        vec![s("B", 1), s("A", 2), s("C", 2)]
    );
    assert_eq!(
        order(&[TieBreaker::TargetsMet, TieBreaker::EarlierReceipt]),
        vec![s("B", 1), s("C", 2), s("A", 3)]
    );
    assert_eq!(
        order(&[TieBreaker::EarlierReceipt, TieBreaker::TargetsMet]),
        vec![s("C", 1), s("A", 2), s("B", 3)]
    );
}

#[test]
fn each_tier_and_cluster_is_ranked_on_its_own_and_spelling_does_not_split_a_cluster() {
    let mut dept = entry("d", "S1", "Khối 1", 95_000);
    dept.unit.tier = "so-nganh".into();
    let entries = vec![
        entry("a", "A", "Cụm thi đua số 1", 60_000),
        entry("b", "B", "cụm thi đua  số 1", 70_000),
        entry("c", "C", "Cụm thi đua số 2", 50_000),
        dept,
    ];
    let ranked = rank(&entries, &[0, 1, 2, 3], &[], same_group);
    let firsts: Vec<(&str, &str, u32, u32)> = ranked
        .iter()
        .map(|r| {
            (
                r.tier.as_str(),
                entries[r.entry].unit.code.as_str(),
                r.rank,
                r.of,
            )
        })
        .collect();
    assert_eq!(
        firsts,
        vec![
            ("so-nganh", "S1", 1, 1),
            ("xa-phuong", "B", 1, 2),
            ("xa-phuong", "A", 2, 2),
            ("xa-phuong", "C", 1, 1),
        ]
    );
}

#[test]
fn registered_units_without_a_counted_report_are_listed_once_with_what_they_sent() {
    let registered = |code: &str| UnitKey {
        code: code.into(),
        name: format!("Đơn vị {code}"),
        tier: "xa-phuong".into(),
        variant: None,
        group: "Cụm 1".into(),
    };
    // U2 has two keys, so two lines in the register.
    let register = vec![
        registered("U1"),
        registered("U2"),
        registered("U2"),
        registered("U3"),
    ];
    let mut failed = entry("f.json", "U2", "Cụm 1", 50_000);
    failed.passes = false;
    let mut last_year = entry("old.json", "U3", "Cụm 1", 50_000);
    last_year.period = 2024;
    let entries = vec![entry("ok.json", "u1", "Cụm 1", 70_000), failed, last_year];
    let counted = [0, 2];
    let missing = not_submitted(&register, &entries, &counted, 2025);
    let listed: Vec<(&str, Vec<usize>)> = missing
        .iter()
        .map(|m| (m.unit.code.as_str(), m.failed.clone()))
        .collect();
    assert_eq!(listed, vec![("U2", vec![1]), ("U3", vec![])]);
}

#[test]
fn criterion_statistics_round_half_up_and_name_the_weakest() {
    let with = |code: &str, points: [u32; 2]| {
        let mut e = entry(code, code, "Cụm 1", points.iter().sum());
        e.criteria = vec![
            CriterionPoints {
                id: "xp.a".into(),
                points: points[0],
                max: 20_000,
                met_target: points[0] == 20_000,
                not_applicable: false,
            },
            CriterionPoints {
                id: "xp.b".into(),
                points: points[1],
                max: 10_000,
                met_target: points[1] == 10_000,
                not_applicable: false,
            },
        ];
        e
    };
    let entries = vec![
        with("A", [20_000, 1]),
        with("B", [10_000, 0]),
        with("C", [20_000, 0]),
    ];
    let stats = criterion_stats(&entries, &[0, 1, 2]);
    assert_eq!(stats[0].criterion, "xp.a");
    // (20000 + 10000 + 20000) / 3 = 16666.67 → 16667; two of three at target = 6666.67 → 6667.
    assert_eq!((stats[0].average, stats[0].met_target), (16_667, 6_667));
    // 1 / 3 = 0.33 → 0: half up, not up.
    assert_eq!((stats[1].average, stats[1].met_target), (0, 0));
    let ranked = rank(&entries, &[0, 1, 2], &[], same_group);
    let weakest = weakest_criteria(&entries, &ranked, 1);
    let cluster = &weakest[&("xa-phuong".to_owned(), "Cụm 1".to_owned())];
    assert_eq!(cluster.len(), 1);
    assert_eq!(cluster[0].criterion, "xp.b");
    let bands = band_counts(&entries, &ranked);
    assert_eq!(bands.len(), 1);
    assert_eq!(bands[0].count, 3);
}

#[test]
fn clusters_are_listed_in_the_order_people_number_them() {
    use std::cmp::Ordering::*;
    assert_eq!(natural_order("Cụm thi đua số 2", "Cụm thi đua số 10"), Less);
    assert_eq!(
        natural_order("Cụm thi đua số 10", "Cụm thi đua số 9"),
        Greater
    );
    assert_eq!(natural_order("Khối 007", "Khối 7"), Equal);
    assert_eq!(natural_order("Cụm 1", "Khối 1"), Less);
    assert_eq!(natural_order("Cụm 1", "Cụm 1 mới"), Less);
    let entries: Vec<Entry> = ["Cụm thi đua số 10", "Cụm thi đua số 2", "Cụm thi đua số 1"]
        .iter()
        .enumerate()
        .map(|(i, g)| entry(&i.to_string(), &format!("U{i}"), g, 50_000))
        .collect();
    let groups: Vec<String> = rank(&entries, &[0, 1, 2], &[], same_group)
        .into_iter()
        .map(|r| r.group)
        .collect();
    assert_eq!(
        groups,
        ["Cụm thi đua số 1", "Cụm thi đua số 2", "Cụm thi đua số 10"]
    );
}

#[test]
fn a_listed_group_id_reads_as_its_name_and_a_typed_one_as_typed() {
    let mut v: serde_json::Value = serde_json::from_slice(include_bytes!(
        "../../../assets/catalogs/hp-175-kh-ubnd.json"
    ))
    .expect("the catalog");
    v["emulationGroups"] = serde_json::json!([{
        "id": "khoi-1", "kind": "block", "name": {"vi": "Khối thi đua số 1", "en": "Block 1"},
        "tiers": ["so-nganh"], "periods": {"from": 2025},
        "provenance": {"source": "defaultModel", "reason": {"vi": "Thử.", "en": "Test."}}
    }]);
    let catalog = tdg_model::Catalog::from_json(v.to_string().as_bytes()).expect("valid");
    use tdg_office::export::group_name;
    assert_eq!(group_name(Some(&catalog), "khoi-1"), "Khối thi đua số 1");
    assert_eq!(group_name(Some(&catalog), "Cụm tự gõ"), "Cụm tự gõ");
    assert_eq!(group_name(None, "khoi-1"), "khoi-1");
}

#[test]
fn the_heat_map_gives_each_units_points_as_a_share_of_each_criterions_maximum() {
    let mut a = entry("a.json", "A", "Cụm 1", 80_000);
    a.criteria = vec![
        CriterionPoints {
            id: "c1".into(),
            points: 30_000,
            max: 40_000,
            met_target: false,
            not_applicable: false,
        },
        CriterionPoints {
            id: "c2".into(),
            points: 0,
            max: 10_000,
            met_target: false,
            not_applicable: true,
        },
    ];
    let mut b = entry("b.json", "B", "Cụm 1", 90_000);
    b.criteria = vec![CriterionPoints {
        id: "c1".into(),
        points: 40_000,
        max: 40_000,
        met_target: true,
        not_applicable: false,
    }];
    let c = entry("c.json", "C", "Cụm 2", 95_000);
    let entries = [a, b, c];
    let ranked = rank(&entries, &[0, 1, 2], &[], same_group);
    let map = heat_map(&entries, &ranked, "xa-phuong", "Cụm 1");
    assert_eq!(
        map.units,
        [1, 0],
        "ranking order, the other cluster left out"
    );
    assert_eq!(map.criteria, ["c1", "c2"]);
    assert_eq!(
        map.cells,
        [vec![Some(10_000), Some(7_500)], vec![None, None]]
    );
}
