//! Which answers count: those of the sheet's tier and variant. Answers typed for another tier or
//! variant stay in the draft, so switching back loses nothing, but they are never scored, shown
//! as errors, or signed. The view, the signer and `tdg` all take the scored sheet from here.

use crate::answer::AnswerSheet;
use crate::catalog::Catalog;
use std::collections::BTreeMap;

/// The sheet that is scored, and the ids of the answers left out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScopedSheet {
    pub sheet: AnswerSheet,
    /// Answers that belong to no criterion of the chosen tier and variant (another tier's, or
    /// ids the catalog does not have), in id order.
    pub set_aside: Vec<String>,
}

/// Keeps only the answers of the sheet's tier and variant. A tier the catalog lacks keeps every
/// answer, so that scoring reports the unknown tier instead of an empty sheet.
pub fn scored_sheet(catalog: &Catalog, sheet: &AnswerSheet) -> ScopedSheet {
    let Some(tier) = catalog.tier(&sheet.tier) else {
        return ScopedSheet {
            sheet: sheet.clone(),
            set_aside: Vec::new(),
        };
    };
    // One map lookup per criterion of the tier, not a scan of the tier per answer.
    let answers: BTreeMap<_, _> = tier
        .criteria_for(sheet.variant.as_deref(), sheet.period)
        .filter_map(|c| Some((c.id.clone(), sheet.answers.get(&c.id)?.clone())))
        .collect();
    let set_aside = if answers.len() == sheet.answers.len() {
        Vec::new()
    } else {
        sheet
            .answers
            .keys()
            .filter(|id| !answers.contains_key(*id))
            .cloned()
            .collect()
    };
    ScopedSheet {
        sheet: AnswerSheet {
            tier: sheet.tier.clone(),
            variant: sheet.variant.clone(),
            period: sheet.period,
            submitted_on: sheet.submitted_on,
            answers,
        },
        set_aside,
    }
}
