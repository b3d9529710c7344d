//! Prints how long verifying and ranking a season takes natively: `cargo run --release -p
//! tdg-office --example season_bench [REPORTS]` (default 10,000, the demonstration season's
//! reports repeated). `cargo xtask bench` runs it.

use std::time::Instant;
use tdg_model::Date;
use tdg_office::demo::season_with_trust;
use tdg_office::intake::{entry, verify_file, Outcome, Season, SeasonFile};
use tdg_office::{rank, standings, Standing, TieBreaker};
use tdg_report::verify::KnownCatalog;

const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

fn main() {
    let wanted: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let received = Date::new(2026, 11, 27).expect("a date");
    let (files, trust) = season_with_trust(CATALOG, 2026, received).expect("the season");
    let reports: Vec<_> = files
        .iter()
        .filter(|f| f.is_report())
        .cycle()
        .take(wanted)
        .collect();
    let bytes: usize = reports.iter().map(|f| f.bytes.len()).sum();
    let catalogs = [KnownCatalog::from_bytes(CATALOG).expect("catalog")];
    let season = Season {
        catalogs: &catalogs,
        trust: &trust,
        period: 2026,
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let start = Instant::now();
    let chunk = reports.len().div_ceil(threads).max(1);
    let entries: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = reports
            .chunks(chunk)
            .map(|part| {
                let season = &season;
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|f| {
                            let file = SeasonFile {
                                name: &f.path,
                                bytes: &f.bytes,
                                received_on: Some(received),
                            };
                            match verify_file(season, &file) {
                                Outcome::Verified(v) => Some(entry(&file, &v)),
                                Outcome::Unreadable(_) => None,
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a worker"))
            .collect()
    });
    let verified = start.elapsed();
    let standing = standings(&entries);
    let counted: Vec<usize> = (0..entries.len())
        .filter(|&i| standing[i] == Standing::Counted)
        .collect();
    let ranked = rank(&entries, &counted, &[TieBreaker::TargetsMet], |g| {
        g.to_lowercase()
    });
    let total = start.elapsed();
    println!(
        "office season: {} reports ({:.1} MB) verified and re-scored in {:.0} ms on {threads} threads, \
         ranked ({} counted, {} ranked) in {:.0} ms more: {:.0} ms in all (target: 10,000 in 1,000 ms)",
        reports.len(),
        bytes as f64 / 1e6,
        verified.as_secs_f64() * 1e3,
        counted.len(),
        ranked.len(),
        (total - verified).as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
    );
}
