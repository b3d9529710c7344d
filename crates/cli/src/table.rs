//! The readable breakdown: groups, criteria with their explanations, adjustments, total, plan.

use std::fmt::Write;
use tdg_model::explain::{
    band_name, describe_error, explain_criterion, rescale_line, rule_name, summary_line,
};
use tdg_model::gap::{describe_step, GapPlan};
use tdg_model::units::format_points;
use tdg_model::{AnswerSheet, Assessment, Catalog, Lang};

pub fn render(
    catalog: &Catalog,
    sheet: &AnswerSheet,
    a: &Assessment,
    gap: Option<&GapPlan>,
    lang: Lang,
) -> String {
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
            .criteria_for(sheet.variant.as_deref())
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
    if let Some(gap) = gap {
        let target = band_name(catalog, &gap.target_band, lang);
        let _ = writeln!(
            out,
            "\n{} “{target}” (+{}):",
            label(lang, "Để đạt", "To reach"),
            pts(gap.deficit)
        );
        for step in &gap.steps {
            let _ = writeln!(out, "  - {}", describe_step(catalog, step, lang));
        }
        if !gap.reachable {
            let _ = writeln!(
                out,
                "  {}",
                label(
                    lang,
                    "(không thể đạt chỉ bằng điểm tiêu chí)",
                    "(not reachable through criteria alone)"
                )
            );
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
