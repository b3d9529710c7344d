//! The demonstration season, verified and ranked: every planted defect is caught by its own
//! check, every other report passes, and the standings, ranking and "chưa nộp" list add up.

use tdg_model::Date;
use tdg_office::demo::{season_with_trust, Defect, COMMUNES, DEPARTMENTS, SILENT_UNITS};
use tdg_office::intake::{entry, register, verify_file, Outcome, Season, SeasonFile};
use tdg_office::*;
use tdg_report::trust::{Registration, TrustList};
use tdg_report::verify::{
    CatalogCheck, DatesCheck, KnownCatalog, PeriodCheck, ProofCheck, ReportError, ResultsCheck,
    TimingCheck,
};
use tdg_report::Verdict;

const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

struct Verified {
    names: Vec<String>,
    outcomes: Vec<Outcome>,
    entries: Vec<Entry>,
    trust: TrustList,
}

/// Generated and verified once for all the tests of this file (signing 300 reports takes seconds).
fn season() -> &'static Verified {
    static SEASON: std::sync::OnceLock<Verified> = std::sync::OnceLock::new();
    SEASON.get_or_init(make_season)
}

fn make_season() -> Verified {
    let received = Date::parse_iso("2026-11-27").expect("a date");
    let (files, trust) = season_with_trust(CATALOG, 2026, received).expect("the season");
    let catalogs = [KnownCatalog::from_bytes(CATALOG).expect("the catalog")];
    let season = Season {
        catalogs: &catalogs,
        trust: &trust,
        period: 2026,
    };
    let reports: Vec<_> = files
        .iter()
        .filter(|f| f.path.starts_with("bao-cao/"))
        .collect();
    let mut names = Vec::new();
    let mut outcomes = Vec::new();
    let mut entries = Vec::new();
    for f in reports {
        let file = SeasonFile {
            name: &f.path,
            bytes: &f.bytes,
            received_on: Some(received),
        };
        let outcome = verify_file(&season, &file);
        if let Outcome::Verified(v) = &outcome {
            entries.push(entry(&file, v));
        }
        names.push(f.path.clone());
        outcomes.push(outcome);
    }
    Verified {
        names,
        outcomes,
        entries,
        trust,
    }
}

fn outcome(s: &Verified, defect: Defect) -> &Outcome {
    let at = s
        .names
        .iter()
        .position(|n| n.ends_with(defect.file_name()))
        .expect("the defect's file");
    &s.outcomes[at]
}

fn verdict(s: &Verified, defect: Defect) -> &Verdict {
    match outcome(s, defect) {
        Outcome::Verified(v) => v,
        Outcome::Unreadable(e) => panic!("{defect:?} was unreadable: {e}"),
    }
}

fn unreadable(s: &Verified, defect: Defect) -> &ReportError {
    match outcome(s, defect) {
        Outcome::Unreadable(e) => e,
        Outcome::Verified(_) => panic!("{defect:?} was read"),
    }
}

#[test]
fn every_planted_defect_is_caught_by_its_own_check_and_every_other_report_passes() {
    let s = season();
    assert!(matches!(
        verdict(s, Defect::BrokenSignature).proof,
        ProofCheck::Invalid(_)
    ));
    let tampered = verdict(s, Defect::ResultsDiffer);
    assert_eq!(tampered.proof, ProofCheck::Valid);
    assert!(matches!(tampered.results, ResultsCheck::Differ(_)));
    assert_eq!(
        verdict(s, Defect::UnknownKey).key,
        Some(Registration::Unknown)
    );
    for d in [Defect::OtherCluster, Defect::OtherTier] {
        assert!(
            matches!(verdict(s, d).key, Some(Registration::Mismatch { .. })),
            "{d:?}: {:?}",
            verdict(s, d).key
        );
    }
    assert!(matches!(
        verdict(s, Defect::OtherPeriod).period_check,
        PeriodCheck::Other { .. }
    ));
    assert_eq!(
        verdict(s, Defect::UnknownCatalog).catalog,
        CatalogCheck::HashMismatch
    );
    assert!(matches!(
        unreadable(s, Defect::UnknownVersion),
        ReportError::UnknownVersion(_)
    ));
    assert!(matches!(
        unreadable(s, Defect::Unreadable),
        ReportError::Json(_)
    ));
    assert!(matches!(
        verdict(s, Defect::RevokedKey).key,
        Some(Registration::Revoked { .. })
    ));
    assert!(matches!(
        verdict(s, Defect::SubmittedAfterReceipt).timing,
        TimingCheck::SubmittedAfterReceipt { .. }
    ));
    assert!(!matches!(
        verdict(s, Defect::InconsistentDates).dates,
        DatesCheck::Consistent
    ));

    let failing: Vec<&str> = s
        .names
        .iter()
        .zip(&s.outcomes)
        .filter(|(_, o)| !matches!(o, Outcome::Verified(v) if v.passes()))
        .map(|(n, _)| n.as_str())
        .collect();
    // Every defect, and the revoked unit's proper report (its key was revoked before the
    // office received the batch): nothing else.
    assert_eq!(failing.len(), Defect::ALL.len() + 1, "{failing:?}");
    assert!(
        failing
            .iter()
            .all(|n| n.contains("/loi-") || n.ends_with("DEMO-XA-007.json")),
        "{failing:?}"
    );
}

#[test]
fn the_season_ranks_every_cluster_and_lists_who_did_not_submit() {
    let s = season();
    let standing = standings(&s.entries);
    let counted: Vec<usize> = (0..s.entries.len())
        .filter(|&i| standing[i] == Standing::Counted)
        .collect();
    let superseded = standing
        .iter()
        .filter(|s| matches!(s, Standing::Superseded { .. }))
        .count();
    assert_eq!(superseded, 1, "one unit sent its report again");
    // Every registered unit but the silent ones and the revoked one counts once.
    assert_eq!(counted.len(), COMMUNES + DEPARTMENTS - SILENT_UNITS - 1);

    let ranked = rank(&s.entries, &counted, &[TieBreaker::TargetsMet], |g| {
        g.to_lowercase()
    });
    let clusters: std::collections::BTreeSet<(&str, &str)> = ranked
        .iter()
        .map(|r| (r.tier.as_str(), r.group.as_str()))
        .collect();
    assert_eq!(clusters.len(), 15 + 20);
    for r in &ranked {
        assert!(r.rank >= 1 && r.rank <= r.of);
    }
    // Within a cluster, a lower rank never has a lower total.
    for pair in ranked.windows(2) {
        if (pair[0].tier.as_str(), pair[0].group.as_str())
            == (pair[1].tier.as_str(), pair[1].group.as_str())
        {
            assert!(s.entries[pair[0].entry].total >= s.entries[pair[1].entry].total);
        }
    }

    let missing = not_submitted(&register(&s.trust), &s.entries, &counted, 2026);
    assert_eq!(missing.len(), SILENT_UNITS + 1);
    let revoked = missing
        .iter()
        .find(|m| m.unit.code == "DEMO-XA-007")
        .expect("the revoked unit");
    assert_eq!(
        revoked.failed.len(),
        2,
        "its proper report and the defect file"
    );
}
