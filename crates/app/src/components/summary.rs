use crate::i18n::{tr, trs};
use crate::shared::Shared;
use std::rc::Rc;
use tdg_model::explain::{band_name, rule_name};
use tdg_model::units::{format_index, format_points};
use tdg_model::{Assessment, Catalog, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
}

/// The summary that stays in view: total, 0–1 value, band, what is answered, what evidence is
/// missing, bonus and penalty lines.
#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let catalog = &props.catalog;
    let pts = |p| format_points(p, lang);
    let rule_name = |id: &str| rule_name(catalog, id, lang);
    let total_criteria = a.criteria.len();
    html! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ tr(lang, "Kết quả tự chấm", "Self-assessed result") }</h2>
            <p class="total" aria-live="polite" aria-atomic="true">
                <span class="total-label">{ tr(lang, "Tổng điểm", "Total") }</span>
                <strong data-testid="total">{ pts(a.total) }</strong><span>{ "/100" }</span>
            </p>
            <p class={classes!("band", format!("band-{}", a.band))} data-testid="band">{ band_name(catalog, &a.band, lang) }</p>
            <dl class="figures">
                <dt>{ tr(lang, "Chỉ số (0–1)", "Index (0–1)") }</dt><dd>{ format_index(a.index, lang) }</dd>
                <dt>{ tr(lang, "Đã trả lời", "Answered") }</dt><dd>{ format!("{}/{}", a.answered, total_criteria) }</dd>
                <dt>{ tr(lang, "Thiếu minh chứng", "Evidence missing") }</dt><dd>{ a.missing_evidence }</dd>
                { for a.bonus.iter().map(|b| html! { <><dt>{ rule_name(&b.rule) }</dt><dd>{ format!("+{}", pts(b.points)) }</dd></> }) }
                if a.bonus.iter().map(|b| b.points).sum::<u32>() > a.bonus_total {
                    <dt>{ tr(lang, "Điểm thưởng tối đa", "Bonus cap") }</dt><dd>{ pts(a.bonus_total) }</dd>
                }
                { for a.penalties.iter().map(|p| html! { <><dt>{ rule_name(&p.rule) }</dt><dd>{ format!("−{}", pts(p.points)) }</dd></> }) }
            </dl>
            <p class="model-note">{ tr(lang,
                "Điểm tối đa, cách tính, điểm thưởng, điểm trừ và các mức xếp loại là mô hình mặc định của công cụ: Kế hoạch 175/KH-UBND đặt chỉ tiêu nhưng để hình thức, tiêu chuẩn khen thưởng “có hướng dẫn cụ thể sau” (Mục IV.2).",
                "Maximum points, scoring rules, bonus, penalty and bands are this tool's default model: Plan 175/KH-UBND sets targets but leaves reward standards to “later guidance” (section IV.2).") }</p>
            if a.is_provisional() {
                <p class="provisional">{ trs(lang, format!("Tạm tính: còn {} tiêu chí chưa trả lời.", a.open), format!("Provisional: {} criteria still open.", a.open)) }</p>
            }
            if a.missing_evidence > 0 {
                <p class="warning">{ trs(lang,
                    format!("{} tiêu chí thiếu minh chứng đang được 0 điểm.", a.missing_evidence),
                    format!("{} criteria without their evidence score 0.", a.missing_evidence)) }</p>
            }
        </section>
    }
}
