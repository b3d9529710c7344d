//! The receiving office's view of a season, as pure functions over what verification found.
//!
//! The office hands many report files to `tdg-report`'s verifier; each verified report becomes an
//! [`Entry`] (the facts this crate needs, nothing about proofs or bytes). From the entries this
//! crate decides which report of a unit counts ([`standing`]), ranks units inside each tier and
//! cluster or block ([`ranking`]), lists registered units with no report ([`missing`]) and
//! gives the figures the office pushes next year ([`stats`]). The browser's office view and
//! `tdg batch` call the same functions, so a ranking never depends on where it was made.

pub mod analysis;
pub mod appraisal;
pub mod archive;
pub mod demo;
pub mod entry;
pub mod export;
pub mod intake;
pub mod missing;
pub mod parallel;
pub mod ranking;
pub mod register;
pub mod session;
pub mod standing;
pub mod stats;

pub use entry::{CriterionPoints, Entry, UnitKey};
pub use missing::not_submitted;
pub use missing::Missing;
pub use ranking::{natural_order, rank, RankedEntry, TieBreaker};
pub use standing::{standings, Standing};
pub use stats::{
    band_counts, criterion_stats, heat_map, histogram, weakest_criteria, BandCount, Bucket,
    CriterionStats, HeatMap,
};
