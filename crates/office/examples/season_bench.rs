//! Prints how long verifying and ranking a season takes natively: `cargo run --release -p
//! tdg-office --example season_bench [REPORTS]` (default 10,000, the demonstration season's
//! reports repeated). `cargo xtask bench` runs it.

use std::time::Instant;
use tdg_model::Date;
use tdg_office::analysis::analyse_outcomes;
use tdg_office::demo::season_with_trust;
use tdg_office::intake::{verify_all, Season, SeasonFile};
use tdg_office::TieBreaker;
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
    let handed: Vec<SeasonFile> = reports.iter().map(|f| f.handed(received)).collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let start = Instant::now();
    let outcomes = verify_all(&season, &handed);
    let verified = start.elapsed();
    let analysis = analyse_outcomes(&season, &handed, outcomes, &[TieBreaker::TargetsMet]);
    let total = start.elapsed();
    println!(
        "office season: {} reports ({:.1} MB) verified and re-scored in {:.0} ms on {threads} threads, \
         analysed ({} ranked, {} failed, {} not submitted) in {:.0} ms more: {:.0} ms in all \
         (target: 10,000 in 1,000 ms)",
        handed.len(),
        bytes as f64 / 1e6,
        verified.as_secs_f64() * 1e3,
        analysis.ranked.len(),
        analysis.failed_files(),
        analysis.missing.len(),
        (total - verified).as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
    );
}
