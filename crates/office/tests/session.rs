//! The season opened a file at a time (the office view's worker): progress counts up to the
//! total, archives are unpacked, other files are listed as skipped, and the view holds the same
//! analysis as `analyse` over the same files.

use std::io::Write;
use tdg_model::Date;
use tdg_office::analysis::analyse;
use tdg_office::demo::{season_with_trust, DemoFile, TRUST_FILE};
use tdg_office::intake::{Season, SeasonFile};
use tdg_office::session::{merge, CheckMark, SeasonPart, Session};
use tdg_office::Standing;
use tdg_report::trust::TrustList;
use tdg_report::verify::KnownCatalog;

const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

/// The demonstration season, its trust list (parsed and as a file) and its received date: made
/// once per test binary (signing its reports is most of a season's cost) and cloned per test.
fn demo() -> (Vec<DemoFile>, TrustList, Vec<u8>, Date) {
    static DEMO: std::sync::OnceLock<(Vec<DemoFile>, TrustList, Vec<u8>, Date)> =
        std::sync::OnceLock::new();
    DEMO.get_or_init(|| {
        let received = Date::parse_iso("2026-11-27").expect("a date");
        let (files, trust) = season_with_trust(CATALOG, 2026, received).expect("the season");
        let trust_bytes = files
            .iter()
            .find(|f| f.path == TRUST_FILE)
            .expect("the season's trust list")
            .bytes
            .clone();
        (files, trust, trust_bytes, received)
    })
    .clone()
}

#[test]
fn a_season_opened_file_by_file_equals_the_batch_analysis() {
    let (files, trust, trust_bytes, received) = demo();
    let trust_bytes = &trust_bytes;
    let reports: Vec<_> = files.iter().filter(|f| f.is_report()).collect();
    let mut session = Session::new(trust_bytes, CATALOG, Some(received), None).expect("a season");
    // The first ten reports inside a zip, with a note that is not a report.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for f in &reports[..10] {
        zip.start_file(f.path.as_str(), zip::write::SimpleFileOptions::default())
            .expect("an entry");
        zip.write_all(&f.bytes).expect("in memory");
    }
    zip.start_file("ghi-chu.txt", zip::write::SimpleFileOptions::default())
        .expect("an entry");
    session.add("dot-1.zip", zip.finish().expect("in memory").into_inner());
    for f in &reports[10..] {
        session.add(&f.path, f.bytes.clone());
    }
    session.add("doc-truoc.txt", b"notes".to_vec());
    assert_eq!(session.total(), reports.len());
    assert_eq!(session.period(), Some(2026));
    let mut done = 0;
    while done < session.total() {
        let now = session.verify_next(50);
        assert!(now > done && now <= session.total());
        done = now;
    }
    let view = session.finish(catalogs_tie_breakers());

    let catalogs = [KnownCatalog::from_bytes(CATALOG).expect("the catalog")];
    let season = Season {
        catalogs: &catalogs,
        trust: &trust,
        period: 2026,
    };
    let names: Vec<String> = reports
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if i < 10 {
                format!("dot-1.zip/{}", f.path)
            } else {
                f.path.clone()
            }
        })
        .collect();
    let handed: Vec<SeasonFile> = reports
        .iter()
        .zip(&names)
        .map(|(f, name)| SeasonFile {
            name,
            bytes: &f.bytes,
            received_on: Some(received),
        })
        .collect();
    let batch = analyse(&season, &handed, catalogs[0].catalog.tie_breakers());

    assert_eq!(view.files.len(), batch.rows.len());
    assert_eq!(view.ranked, batch.ranked);
    assert_eq!(view.missing, batch.missing);
    assert_eq!(view.entries, batch.entries);
    assert_eq!(view.failed(), batch.failed_files());
    assert_eq!(view.skipped, ["dot-1.zip/ghi-chu.txt", "doc-truoc.txt"]);
    assert!(view.timing_checked);
    // Every failing report has at least one failed check in words, in both languages; an
    // unreadable file has its reason.
    for f in view.files.iter().filter(|f| !f.passes) {
        match &f.unreadable {
            Some(why) => assert!(!why.text.vi.is_empty() && !why.text.en.is_empty()),
            None => {
                assert_eq!(f.standing, Some(Standing::Failed), "{}", f.file);
                assert!(
                    f.checks.iter().any(|c| c.mark == CheckMark::Fail),
                    "{}",
                    f.file
                );
            }
        }
    }
    // The view crosses to the page as JSON and back unchanged.
    let json = serde_json::to_string(&view).expect("json");
    assert_eq!(
        serde_json::from_str::<tdg_office::session::SeasonView>(&json).expect("back"),
        view
    );
}

fn catalogs_tie_breakers() -> &'static [tdg_office::TieBreaker] {
    static CATALOG_PARSED: std::sync::OnceLock<tdg_model::Catalog> = std::sync::OnceLock::new();
    CATALOG_PARSED
        .get_or_init(|| tdg_model::Catalog::from_json(CATALOG).expect("the catalog"))
        .tie_breakers()
}

#[test]
fn a_bad_trust_list_or_catalog_is_refused_in_both_languages() {
    let e = Session::new(b"{}", CATALOG, None, None)
        .err()
        .expect("refused");
    assert!(
        e.text
            .vi
            .starts_with("Danh sách khóa tin cậy không đọc được"),
        "{}",
        e.text.vi
    );
    assert!(
        e.text.en.starts_with("The trust list cannot be read"),
        "{}",
        e.text.en
    );
    let trust = br#"{"trustListVersion":2,"office":"x","keys":[]}"#;
    let e = Session::new(trust, b"{", None, None)
        .err()
        .expect("refused");
    assert!(
        e.text.vi.starts_with("Danh mục tiêu chí không đọc được"),
        "{}",
        e.text.vi
    );
}

/// What the office view does with its workers' sessions: the period settled over every part's
/// counts before any is finished, each part across to the page as JSON, then merged.
fn settle_as_the_page_does(
    mut workers: Vec<&mut Session>,
    trust_list: &TrustList,
) -> tdg_office::session::SeasonView {
    let mut counts = std::collections::BTreeMap::<i32, u32>::new();
    for w in &workers {
        for (year, n) in w.period_counts() {
            *counts.entry(year).or_default() += n;
        }
    }
    let period = tdg_office::intake::most_declared(&counts).expect("a period");
    let parts: Vec<_> = workers
        .iter_mut()
        .map(|s| {
            s.set_period(period);
            let json = serde_json::to_string(&s.part()).expect("json");
            serde_json::from_str::<SeasonPart>(&json).expect("back")
        })
        .collect();
    merge(
        parts,
        &tdg_office::intake::register(trust_list),
        catalogs_tie_breakers(),
    )
}

#[test]
fn a_season_shared_between_two_workers_settles_as_one() {
    // The office view verifies its files in one worker per core; each worker's part is merged
    // on the page. The resend (two reports of one unit) lands in different parts.
    let (files, trust_list, trust, received) = demo();
    let trust = &trust;
    let mut reports: Vec<_> = files.iter().filter(|f| f.is_report()).collect();
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    let resent: Vec<usize> = reports
        .iter()
        .enumerate()
        .filter(|(_, f)| f.path.contains("DEMO-XA-005"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(resent.len(), 2, "the resend's two files");
    let half = resent[0] + 1;
    let session = |part: &[&&DemoFile]| {
        let mut s = Session::new(trust, CATALOG, Some(received), None).expect("a season");
        for f in part {
            s.add(&f.path, f.bytes.clone());
        }
        s
    };
    let mut one = session(&reports.iter().collect::<Vec<_>>());
    let whole = one.finish(catalogs_tie_breakers());
    let (first, second) = reports.split_at(half);
    let mut parts = [
        session(&first.iter().collect::<Vec<_>>()),
        session(&second.iter().collect::<Vec<_>>()),
    ];
    let merged = settle_as_the_page_does(parts.iter_mut().collect(), &trust_list);
    assert_eq!(merged.period, Some(2026));
    assert_eq!(merged, whole);
    assert!(merged.files.iter().any(|f| f.file.contains("DEMO-XA-005")
        && matches!(f.standing, Some(Standing::Superseded { .. }))));
}

#[test]
fn the_sha256_column_says_what_to_do_in_the_pages_own_terms() {
    let (files, _, trust, received) = demo();
    let trust = &trust;
    let report = files.iter().find(|f| f.is_report()).expect("a report");
    let mut s = Session::new(trust, CATALOG, Some(received), None).expect("a season");
    s.add(&report.path, report.bytes.clone());
    let view = s.finish(catalogs_tie_breakers());
    let row = &view.files[0];
    let hash = &row.checks[tdg_report::verdict_text::Check::ALL
        .iter()
        .position(|c| *c == tdg_report::verdict_text::Check::FileHash)
        .expect("the SHA-256 check")];
    assert_eq!(hash.mark, CheckMark::Note);
    assert!(
        hash.text.vi.contains("bản giấy") && hash.text.vi.contains(&row.sha256),
        "{}",
        hash.text.vi
    );
    assert!(hash.text.en.contains("paper copy"), "{}", hash.text.en);
    for line in row.checks.iter().chain(&row.notes) {
        assert!(
            !line.text.vi.contains("--") && !line.text.en.contains("--"),
            "{line:?}"
        );
    }
    assert_eq!(row.sha256.len(), 64);
}

#[test]
fn reports_verified_before_the_period_is_known_get_their_period_check_when_it_is() {
    // The office view's workers verify while they still read; the period comes after.
    let (files, _, trust, received) = demo();
    let reports: Vec<_> = files.iter().filter(|f| f.is_report()).collect();
    let opened = || {
        let mut s = Session::new(&trust, CATALOG, Some(received), None).expect("a season");
        for f in &reports {
            s.add(&f.path, f.bytes.clone());
        }
        s
    };
    let mut early = opened();
    assert_eq!(early.verify_next(usize::MAX), reports.len());
    early.set_period(2026);
    let mut late = opened();
    late.set_period(2026);
    late.verify_next(usize::MAX);
    let (early, late) = (early.part(), late.part());
    assert_eq!(early, late);
    let other = early
        .files
        .iter()
        .find(|f| {
            f.file
                .ends_with(tdg_office::demo::Defect::OtherPeriod.file_name())
        })
        .expect("the report of another year");
    assert!(!other.passes);
}

#[test]
fn a_season_dealt_in_batches_to_two_workers_keeps_the_offices_order() {
    // The page deals its files a few at a time to whichever worker asks next, so each worker
    // holds scattered runs of the list (an archive, a skipped note and an unreadable file among
    // them); the merged season is the one a single session makes of the whole list.
    let (files, trust_list, trust, received) = demo();
    let mut reports: Vec<_> = files.iter().filter(|f| f.is_report()).collect();
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for f in &reports[3..6] {
        zip.start_file(f.path.as_str(), zip::write::SimpleFileOptions::default())
            .expect("an entry");
        zip.write_all(&f.bytes).expect("in memory");
    }
    zip.start_file("ghi-chu.txt", zip::write::SimpleFileOptions::default())
        .expect("an entry");
    let zip = zip.finish().expect("in memory").into_inner();
    // The office's list: (name, bytes, or the browser's reason it could not read the file).
    let mut list: Vec<(String, Result<Vec<u8>, &str>)> = reports[..3]
        .iter()
        .map(|f| (f.path.clone(), Ok(f.bytes.clone())))
        .collect();
    list.push(("dot-1.zip".into(), Ok(zip)));
    list.push(("doc-truoc.txt".into(), Ok(b"notes".to_vec())));
    list.push(("mat.json".into(), Err("NotReadableError")));
    list.extend(
        reports[6..]
            .iter()
            .map(|f| (f.path.clone(), Ok(f.bytes.clone()))),
    );
    let unread = |why: &str| tdg_office::archive::Unread {
        text: tdg_model::Text::new(why, why),
    };
    let open = || Session::new(&trust, CATALOG, Some(received), None).expect("a season");

    let mut one = open();
    for (name, bytes) in &list {
        match bytes {
            Ok(b) => {
                one.add(name, b.clone());
            }
            Err(why) => one.add_unread(name, unread(why)),
        }
    }
    let whole = one.finish(catalogs_tie_breakers());

    // Batches of 4, dealt 0, 1, 1, 0, 1, 0, 0, 1, … (the order workers happen to ask in).
    let mut workers = [open(), open()];
    for (batch, chunk) in list.chunks(4).enumerate() {
        let w = &mut workers[usize::from(batch % 3 != 0)];
        for (i, (name, bytes)) in chunk.iter().enumerate() {
            let at = u32::try_from(batch * 4 + i).expect("a small list");
            match bytes {
                Ok(b) => {
                    w.add_at(at, name, b.clone());
                }
                Err(why) => w.add_unread_at(at, name, unread(why)),
            }
        }
    }
    // The parts' order does not matter once the files are placed.
    let merged = settle_as_the_page_does(workers.iter_mut().rev().collect(), &trust_list);
    assert_eq!(merged, whole);
    assert_eq!(
        merged.files[3].file,
        format!("dot-1.zip/{}", reports[3].path)
    );
    assert_eq!(merged.skipped, ["dot-1.zip/ghi-chu.txt", "doc-truoc.txt"]);
}

#[test]
fn the_period_counts_are_the_same_before_and_after_verifying() {
    // Verified reports count with their verdict's period; the others are read for it.
    let (files, _, trust, received) = demo();
    let mut s = Session::new(&trust, CATALOG, Some(received), None).expect("a season");
    for f in &files {
        s.add(&f.path, f.bytes.clone());
    }
    let before = s.period_counts();
    assert!(before.values().sum::<u32>() > 100, "{before:?}");
    s.verify_next(20);
    assert_eq!(s.period_counts(), before);
    s.verify_next(usize::MAX);
    assert_eq!(s.period_counts(), before);
}

#[test]
fn a_row_names_the_key_that_signed_it_only_when_its_proof_holds() {
    let (files, trust_list, trust, received) = demo();
    let mut s = Session::new(&trust, CATALOG, Some(received), None).expect("a season");
    for f in files.iter().filter(|f| f.is_report()) {
        s.add(&f.path, f.bytes.clone());
    }
    let view = s.finish(catalogs_tie_breakers());
    let row = |suffix: &str| {
        view.files
            .iter()
            .find(|r| r.file.ends_with(suffix))
            .unwrap_or_else(|| panic!("a row for {suffix}"))
    };
    let good = row("DEMO-XA-010.json");
    let key = trust_list
        .keys
        .iter()
        .find(|k| k.unit_code == "DEMO-XA-010")
        .expect("the unit's key");
    assert_eq!(good.signed_by.as_deref(), Some(key.did.as_str()));
    // Signed, then changed: the did it names signed nothing of what is there.
    assert_eq!(row("loi-chu-ky.json").signed_by, None);
    assert_eq!(row("loi-khong-doc-duoc.json").signed_by, None);
    // Not in the page's JSON when there is none (the share crosses to the page as JSON).
    let unsigned = serde_json::to_string(row("loi-chu-ky.json")).expect("JSON");
    assert!(!unsigned.contains("signedBy"), "{unsigned}");
}
