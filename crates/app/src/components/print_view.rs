use crate::i18n::{tr, trs};
use crate::shared::Shared;
use crate::state::{Action, Screen, SignedInfo};
use qrcodegen::{QrCode, QrCodeEcc};
use std::rc::Rc;
use tdg_model::draft::Draft;
use tdg_model::explain::{band_name, describe_answer};
use tdg_model::units::{format_index, format_points};
use tdg_model::{Assessment, Catalog, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    pub catalog: Shared<Catalog>,
    pub draft: Draft,
    pub assessment: Rc<Assessment>,
    pub signed: Option<SignedInfo>,
    pub fingerprint: Option<String>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The printed copy, in the manner of Decree 30/2020 (national motto, unit, title, date; A4),
/// bound to the JSON file by its SHA-256, the key's fingerprint and a QR code of both.
#[function_component(PrintView)]
pub fn print_view(props: &PrintViewProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let catalog = &props.catalog;
    let Some(tier) = catalog.tier(&a.tier) else {
        return html! {};
    };
    let today = crate::browser::today();
    let back = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(Screen::Assess));
    let print = Callback::from(|_: MouseEvent| crate::browser::print());
    let office = catalog
        .office_for(a.period)
        .map(|o| o.name.get(Lang::Vi).to_string())
        .unwrap_or_default();
    let binding = props.signed.as_ref().map(|s| {
        format!(
            "tdg-report;sha256={};key={}",
            s.sha256,
            props.fingerprint.clone().unwrap_or_default()
        )
    });
    html! {
        <div class="print-screen">
            <div class="print-actions no-print">
                <button type="button" onclick={back}>{ tr(lang, "← Quay lại đánh giá", "← Back to the assessment") }</button>
                <button type="button" class="primary" onclick={print}>{ tr(lang, "In (A4)", "Print (A4)") }</button>
                if props.signed.is_none() {
                    <p class="warning">{ tr(lang, "Báo cáo chưa được ký: bản in sẽ ghi là bản nháp. Hãy ký trước khi in bản chính thức.", "The report is not signed yet: the copy will say draft. Sign it before printing the official copy.") }</p>
                }
            </div>
            <article class="a4" lang="vi">
                <table class="doc-header"><tbody><tr>
                    <td class="issuer"><p class="upper">{ &props.draft.unit.name }</p><p>{ format!("Mã đơn vị: {}", props.draft.unit.code) }</p></td>
                    <td class="motto"><p class="upper bold">{ "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }</p><p class="bold underline">{ "Độc lập - Tự do - Hạnh phúc" }</p>
                        <p class="italic">{ format!("Hải Phòng, ngày {:02} tháng {:02} năm {}", today.day, today.month, today.year) }</p></td>
                </tr></tbody></table>
                <h1 class="doc-title">{ "BÁO CÁO" }</h1>
                <p class="doc-subtitle bold">{ format!("Tự đánh giá kết quả thực hiện phong trào thi đua chuyển đổi số năm {}", a.period) }</p>
                <p class="doc-subtitle">{ format!("(theo Kế hoạch số 175/KH-UBND ngày 15/7/2022 của Ủy ban nhân dân thành phố Hải Phòng)") }</p>
                if props.signed.is_none() { <p class="draft-mark">{ "BẢN NHÁP — CHƯA KÝ" }</p> }
                <p>{ format!("Kính gửi: {office}.") }</p>
                <p>{ format!("Đối tượng: {}{}{}", tier.name.vi, props.draft.sheet.variant.as_deref().and_then(|v| tier.variant(v)).map(|v| format!(" — {}", v.name.vi)).unwrap_or_default(),
                    if props.draft.unit.group.is_empty() { String::new() } else { format!("; {}", props.draft.unit.group) }) }</p>
                <table class="doc-table">
                    <thead><tr><th>{ "TT" }</th><th>{ "Tiêu chí" }</th><th>{ "Kết quả" }</th><th>{ "Minh chứng" }</th><th>{ "Điểm tối đa" }</th><th>{ "Điểm tự chấm" }</th></tr></thead>
                    <tbody>
                        { for tier.criteria_for(props.draft.sheet.variant.as_deref()).zip(a.criteria.iter()).enumerate().map(|(i, (c, r))| {
                            let answer = props.draft.sheet.answers.get(&c.id);
                            html! { <tr>
                                <td>{ i + 1 }</td>
                                <td>{ &c.text.vi }</td>
                                <td>{ describe_answer(c, answer, Lang::Vi) }</td>
                                <td>{ answer.map(|a| a.evidence.iter().map(|e| crate::components::evidence_editor::describe(e, Lang::Vi)).collect::<Vec<_>>().join("; ")).unwrap_or_default() }</td>
                                <td class="num">{ format_points(r.max, Lang::Vi) }</td>
                                <td class="num">{ format_points(r.points, Lang::Vi) }</td>
                            </tr> }
                        }) }
                        <tr class="sum"><td colspan="5">{ "Điểm các tiêu chí" }</td><td class="num">{ format_points(a.base, Lang::Vi) }</td></tr>
                        if a.bonus_total > 0 { <tr><td colspan="5">{ "Điểm thưởng" }</td><td class="num">{ format!("+{}", format_points(a.bonus_total, Lang::Vi)) }</td></tr> }
                        if a.penalty_total > 0 { <tr><td colspan="5">{ "Điểm trừ" }</td><td class="num">{ format!("−{}", format_points(a.penalty_total, Lang::Vi)) }</td></tr> }
                        <tr class="sum"><td colspan="5">{ "Tổng điểm" }</td><td class="num">{ format_points(a.total, Lang::Vi) }</td></tr>
                    </tbody>
                </table>
                <p>{ format!("Chỉ số: {}. Tự xếp loại: {}.", format_index(a.index, Lang::Vi), band_name(catalog, &a.band, Lang::Vi)) }</p>
                <p class="small italic">{ "Ghi chú: chỉ tiêu theo Kế hoạch 175/KH-UBND; điểm tối đa, cách tính điểm, điểm thưởng, điểm trừ và mức xếp loại theo mô hình mặc định của công cụ (Kế hoạch chưa quy định, Mục IV.2)." }</p>
                if let (Some(signed), Some(binding)) = (&props.signed, &binding) {
                    <div class="binding">
                        { qr_svg(binding) }
                        <div>
                            <p>{ format!("Tệp báo cáo điện tử: {}", signed.file_name) }</p>
                            <p class="mono small">{ format!("SHA-256: {}", signed.sha256) }</p>
                            <p class="mono small">{ format!("Dấu vân tay khóa: {}", props.fingerprint.clone().unwrap_or_default()) }</p>
                        </div>
                    </div>
                }
                <table class="doc-sign"><tbody><tr><td></td><td>
                    <p class="upper bold">{ "THỦ TRƯỞNG ĐƠN VỊ" }</p><p class="italic">{ "(Ký, ghi rõ họ tên và đóng dấu)" }</p>
                </td></tr></tbody></table>
            </article>
            <p class="no-print muted">{ trs(lang,
                "Bản in theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP), khổ A4. Chữ ký và con dấu trên bản in xác nhận thẩm quyền; mã SHA-256 gắn bản in với tệp JSON.".into(),
                "Printed in the administrative format of Decree 30/2020/NĐ-CP, A4. The signature and seal on paper carry the authority; the SHA-256 binds the paper to the JSON file.".into()) }</p>
        </div>
    }
}

/// The QR code as inline SVG (no image file, no script: fine under the strict CSP).
fn qr_svg(text: &str) -> Html {
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return html! {};
    };
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let view = format!("0 0 {} {}", size + 8, size + 8);
    html! {
        <svg class="qr" viewBox={view} role="img" aria-label="QR: SHA-256 và dấu vân tay khóa" xmlns="http://www.w3.org/2000/svg">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
