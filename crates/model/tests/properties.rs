//! Property tests: scores stay within bounds, more achievement never lowers a score, and JSON
//! round trips change nothing.

mod common;
use common::*;
use proptest::prelude::*;
use tdg_model::{score, Answer, AnswerSheet, Assessment};

fn any_answer() -> impl Strategy<Value = Answer> {
    (
        prop::option::of(-5i64..5_000),
        prop::option::of(-5i64..5_000),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::sample::select(vec!["dat", "mot-phan", "chua", "x"])),
        prop::option::of(-3i64..50),
        prop::option::of(-1i64..7),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["", "  ", "Không có thủ tục"])),
    )
        .prop_map(|(n, d, y, l, c, m, ev, na)| Answer {
            numerator: n,
            denominator: d,
            yes: y,
            level: l.map(String::from),
            count: c,
            maturity: m,
            evidence: if ev { vec![doc()] } else { vec![] },
            note: String::new(),
            not_applicable: na.map(|r| tdg_model::NotApplicable { reason: r.into() }),
        })
}

fn department_ids() -> Vec<&'static str> {
    let catalog = catalog();
    let tier = catalog.tier("so-nganh").expect("department tier");
    let ids: Vec<String> = tier.criteria.iter().map(|c| c.id.clone()).collect();
    ids.into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect()
}

fn commune_ids() -> Vec<&'static str> {
    vec![
        "xp.ho-so-truc-tuyen",
        "xp.dvc-truc-tuyen",
        "xp.tuyen-truyen",
        "xp.to-cong-nghe-so",
        "xp.ky-nang-so",
        "xp.an-toan",
    ]
}

proptest! {
    #[test]
    fn every_score_is_within_zero_and_max(answers in prop::collection::vec(any_answer(), 6)) {
        let catalog = catalog();
        let pairs: Vec<(&str, Answer)> = commune_ids().into_iter().zip(answers).collect();
        let r = score(&catalog, &sheet("xa-phuong", None, &pairs)).expect("scores");
        for c in &r.criteria {
            prop_assert!(c.points <= c.max);
            prop_assert!(c.potential <= c.max);
        }
        prop_assert!(r.base <= 100_000);
        prop_assert_eq!(r.base, r.criteria.iter().map(|c| c.points).sum::<u32>());
    }

    /// With "not applicable" answers the rescaled base stays within 0–100, never falls below
    /// the unscaled sum, and every criterion's own points stay within its maximum.
    #[test]
    fn a_rescaled_base_stays_within_bounds(answers in prop::collection::vec(any_answer(), 13)) {
        let catalog = catalog();
        let pairs: Vec<(&str, Answer)> = department_ids().into_iter().zip(answers).collect();
        let r = score(&catalog, &sheet("so-nganh", None, &pairs)).expect("scores");
        let unscaled = r.criteria.iter().map(|c| c.points).sum::<u32>();
        for c in &r.criteria {
            prop_assert!(c.points <= c.max);
        }
        prop_assert!(r.base <= 100_000);
        prop_assert!(r.base >= unscaled);
        match &r.rescaled {
            None => prop_assert_eq!(r.base, unscaled),
            Some(x) => {
                prop_assert_eq!(x.unscaled_base, unscaled);
                prop_assert!(x.applicable_max < x.full_max);
                prop_assert!(r.not_applicable > 0);
            }
        }
    }

    #[test]
    fn more_achievement_never_lowers_a_score(d in 1i64..100_000, a in 0i64..100_000, b in 0i64..100_000, c1 in 0i64..100, c2 in 0i64..100) {
        let (lo, hi) = (a.min(b).min(d), a.max(b).min(d));
        let p = |n| {
            let catalog = catalog();
            score(&catalog, &sheet("xa-phuong", None, &[("xp.ho-so-truc-tuyen", ratio(n, d))])).expect("scores").base
        };
        prop_assert!(p(lo) <= p(hi));
        let q = |n| {
            let catalog = catalog();
            score(&catalog, &sheet("xa-phuong", None, &[("xp.tuyen-truyen", count(n))])).expect("scores").base
        };
        prop_assert!(q(c1.min(c2)) <= q(c1.max(c2)));
    }

    #[test]
    fn json_round_trip_changes_nothing(answers in prop::collection::vec(any_answer(), 6)) {
        let catalog = catalog();
        let pairs: Vec<(&str, Answer)> = commune_ids().into_iter().zip(answers).collect();
        let s = sheet("xa-phuong", None, &pairs);
        let text = serde_json::to_string(&s).expect("serialises");
        let back: AnswerSheet = serde_json::from_str(&text).expect("parses");
        prop_assert_eq!(&back, &s);
        let r = score(&catalog, &s).expect("scores");
        let r_back: Assessment = serde_json::from_str(&serde_json::to_string(&r).expect("ser")).expect("de");
        prop_assert_eq!(r_back, r);
    }
}
