//! The readable breakdown: groups, criteria with their explanations, adjustments, total, plan.

use std::fmt::Write;
use tdg_model::explain::{
    band_name, describe_error, explain_criterion, rescale_line, rule_name, summary_line,
};
use tdg_model::gap::{
    before_signing, describe_evidence_step, describe_step, next_year, words, NextYear,
};
use tdg_model::units::format_points;
use tdg_model::{AnswerSheet, Assessment, Catalog, Lang};

pub fn render(catalog: &Catalog, sheet: &AnswerSheet, a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    let Some(tier) = catalog.tier(&a.tier) else {
        return out;
    };
    let pts = |p| format_points(p, lang);
    let _ = writeln!(
        out,
        "{} — {} {}",
        tier.name_for(a.period).get(lang),
        label(lang, "năm", "period"),
        a.period
    );
    let _ = writeln!(
        out,
        "{}: {}",
        label(lang, "Căn cứ", "Basis"),
        tdg_model::citation::basis_line(&catalog.basis, lang)
    );
    for group in &a.groups {
        let name = catalog
            .group(&group.id)
            .map(|g| g.name.get(lang))
            .unwrap_or(&group.id);
        let _ = writeln!(
            out,
            "\n{} {} ({}/{})",
            group.id,
            name,
            pts(group.points),
            pts(group.max)
        );
        for (criterion, result) in tier
            .criteria_for(sheet.variant.as_deref(), sheet.period)
            .zip(a.criteria.iter())
            .filter(|(_, r)| r.group == group.id)
        {
            let _ = writeln!(
                out,
                "  {:<28} {:>6}/{:<4} {}",
                criterion.id,
                pts(result.points),
                pts(result.max),
                criterion.text.get(lang)
            );
            let _ = writeln!(
                out,
                "  {:<40} {}",
                "",
                explain_criterion(criterion, result, lang)
            );
        }
    }
    let adjustments = a
        .bonus
        .iter()
        .map(|l| ('+', l))
        .chain(a.penalties.iter().map(|l| ('-', l)));
    for (sign, line) in adjustments {
        let _ = writeln!(
            out,
            "\n{sign}{} {}",
            pts(line.points),
            rule_name(catalog, &line.rule, lang)
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(catalog, a, lang));
    if let Some(line) = rescale_line(a, lang) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(caveat) = catalog.band_caveat(&a.tier) {
        let _ = writeln!(out, "{}", caveat.get(lang));
    }
    for e in &a.errors {
        let _ = writeln!(
            out,
            "{}: {}",
            label(lang, "Lỗi", "Error"),
            describe_error(e, lang)
        );
    }
    // The same plan as the screen's: this year's missing evidence, then next year's measures
    // once the band is settled (never "answer the criterion" as a measure).
    let missing = before_signing(a);
    if !missing.is_empty() {
        let _ = writeln!(out, "\n{}:", words::before_signing(lang));
        for step in &missing {
            let _ = writeln!(out, "  - {}", describe_evidence_step(catalog, step, lang));
        }
    }
    match next_year(catalog, sheet, a) {
        NextYear::Unsettled => {
            let _ = writeln!(
                out,
                "\n{}: {}",
                words::next_year(lang),
                words::unsettled(lang)
            );
        }
        NextYear::TierEnds => {
            let _ = writeln!(
                out,
                "\n{}: {}",
                words::next_year(lang),
                words::tier_ends(lang)
            );
        }
        NextYear::Top => {
            let _ = writeln!(out, "\n{}. {}", words::top(lang), words::at_top(lang));
        }
        NextYear::Plan(plan) => {
            let target = band_name(catalog, &plan.target_band, lang);
            let _ = writeln!(out, "\n{}", words::title(&target, lang));
            let _ = writeln!(out, "{}", words::intro(&pts(plan.deficit), lang));
            for step in &plan.steps {
                let _ = writeln!(out, "  - {}", describe_step(catalog, step, lang));
            }
            if !plan.reachable {
                let _ = writeln!(out, "  {}", words::unreachable(lang));
            }
        }
    }
    out
}

fn label(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
