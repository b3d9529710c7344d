use crate::components::date_input::DateInput;
use crate::i18n::tr;
use crate::state::{Action, DocEdit};
use tdg_model::draft::{Authority, DocField, DocumentDetails};
use tdg_model::{Date, Lang};
use yew::prelude::*;

pub struct DocumentDetailsArgs<'a> {
    pub document: &'a DocumentDetails,
    /// The individuals' tier: the person and the head who confirms, no number or signer.
    pub individual: bool,
    /// The day the signed report carries, once signed.
    pub signed_on: Option<Date>,
    /// The catalog's description of the addressee, where it names no office ("Ủy ban nhân dân
    /// quận, huyện nơi …"): the unit then types "Kính gửi" itself.
    pub addressee_hint: Option<String>,
    pub today: Date,
    pub lang: Lang,
    pub on_action: &'a Callback<Action>,
}

/// The form of what the printed report needs besides the answers (Decree 30/2020 layout):
/// governing body, number, place and intended send date, signer, recipients, shortcomings,
/// proposals and contact; for an individual, who reports and who confirms. A view function,
/// not a component: it keeps no state, and a component costs the first load a few KB (see
/// `draft_history`).
pub fn document_details_form(props: &DocumentDetailsArgs) -> Html {
    let lang = props.lang;
    let doc = props.document;
    // Both an input and a textarea: `value` is read by name on whichever element it is.
    let edit = move |field: DocField| {
        props.on_action.reform(move |e: InputEvent| {
            let target = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            Action::EditDocument(DocEdit::Text(field, crate::browser::nfc(&target.value())))
        })
    };
    let text = |field: DocField,
                id: &'static str,
                label: &'static str,
                placeholder: &'static str| {
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input {id} type="text" value={doc.get(field).to_string()} oninput={edit(field)} {placeholder} />
            </div>
        }
    };
    let area = |field: DocField, id: &'static str, label: &'static str| {
        html! {
            <div class="field wide">
                <label for={id}>{ label }</label>
                <textarea {id} rows="3" value={doc.get(field).to_string()} oninput={edit(field)} />
            </div>
        }
    };
    let on_send = props
        .on_action
        .reform(|day: Option<Date>| Action::EditDocument(DocEdit::SendOn(day)));
    let on_authority = props.on_action.reform(|e: Event| {
        let id = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        Action::EditDocument(DocEdit::Authority(
            Authority::from_id(&id).unwrap_or_default(),
        ))
    });
    let authority_name = |a: Authority| match a {
        Authority::None => tr(
            lang,
            "Ký trực tiếp (không ghi)",
            "Signs in own name (nothing printed)",
        ),
        Authority::Kt => tr(
            lang,
            "KT. (ký thay người đứng đầu)",
            "KT. (signs for the head)",
        ),
        Authority::Tl => tr(lang, "TL. (thừa lệnh)", "TL. (by order)"),
        Authority::Tm => tr(
            lang,
            "TM. (thay mặt tập thể)",
            "TM. (on behalf of the collective body)",
        ),
        Authority::Tuq => tr(lang, "TUQ. (thừa ủy quyền)", "TUQ. (by delegation)"),
    };
    html! {
        <section class="doc-details no-print" aria-labelledby="doc-details-title">
            <h2 id="doc-details-title">{ tr(lang, "Thông tin trên bản in", "Details of the printed report") }</h2>
            <p class="muted">{ tr(lang,
                "Các thông tin này chỉ in trên văn bản giấy (ký tay, đóng dấu); chúng không nằm trong báo cáo JSON đã ký.",
                "These details are printed on the paper copy only (signed by hand and sealed); they are not in the signed JSON report.") }</p>
            <div class="unit-fields">
                { text(DocField::GoverningBody, "doc-governing", tr(lang, "Cơ quan, tổ chức chủ quản (cấp trên)", "Governing body (above the unit)"), "UBND THÀNH PHỐ HẢI PHÒNG") }
                if props.individual {
                    { text(DocField::PersonName, "doc-person-name", tr(lang, "Họ và tên người báo cáo", "Full name of the person reporting"), "") }
                    { text(DocField::PersonPosition, "doc-person-position", tr(lang, "Chức vụ", "Position"), "") }
                    { text(DocField::PersonWorkplace, "doc-person-workplace", tr(lang, "Đơn vị công tác", "Workplace"), "") }
                    { text(DocField::HeadName, "doc-head-name", tr(lang, "Họ và tên thủ trưởng đơn vị xác nhận", "Full name of the head of unit who confirms"), "") }
                    { text(DocField::HeadPosition, "doc-head-position", tr(lang, "Chức vụ của thủ trưởng đơn vị", "Position of the head of unit"), "") }
                } else {
                    if let Some(hint) = &props.addressee_hint {
                        <div class="field">
                            <label for="doc-addressee">{ tr(lang, "Kính gửi", "Addressed to") }</label>
                            <input id="doc-addressee" type="text" value={doc.addressee.clone()}
                                oninput={edit(DocField::Addressee)} aria-describedby="doc-addressee-hint" />
                            <p class="hint" id="doc-addressee-hint">{ format!("{} {hint}", tr(lang, "Theo danh mục:", "The catalog says:")) }</p>
                        </div>
                    }
                    { text(DocField::Number, "doc-number", tr(lang, "Số văn bản (để trống nếu văn thư cấp số)", "Document number (leave empty if the records office assigns it)"), "125") }
                    { text(DocField::IssuerCode, "doc-issuer-code", tr(lang, "Chữ viết tắt tên cơ quan (sau “BC-”)", "Issuing body's abbreviation (after “BC-”)"), "UBND") }
                }
                { text(DocField::Place, "doc-place", tr(lang, "Địa danh", "Place"), tdg_model::draft::DEFAULT_PLACE) }
                if let Some(day) = props.signed_on {
                    <p class="field">{ match lang {
                        Lang::Vi => format!("Báo cáo đã ký ngày {}: bản in và điểm thưởng, điểm trừ theo ngày ký.", day.display_vn()),
                        Lang::En => format!("The report was signed on {}: the print and the bonus and penalty follow the signing day.", day.display_vn()),
                    } }</p>
                } else {
                    <DateInput id="doc-send-on" label={tr(lang, "Ngày dự kiến gửi", "Intended send date")}
                        value={Some(doc.send_on.unwrap_or(props.today))} on_change={on_send} {lang} />
                }
            </div>
            if !props.individual {
                <fieldset>
                    <legend>{ tr(lang, "Người ký", "Signer") }</legend>
                    <div class="unit-fields">
                        <div class="field">
                            <label for="doc-authority">{ tr(lang, "Thẩm quyền ký", "Signing authority") }</label>
                            <select id="doc-authority" onchange={on_authority}>
                                { for Authority::ALL.into_iter().map(|a| html! {
                                    <option value={a.id()} selected={doc.signer_authority == a}>{ authority_name(a) }</option>
                                }) }
                            </select>
                        </div>
                        if doc.signer_authority != Authority::None {
                            { text(DocField::SignerOnBehalfOf, "doc-on-behalf", tr(lang, "Ký thay cho (chức vụ người đứng đầu hoặc tên tập thể)", "Signs for (the head's title or the collective body)"), "GIÁM ĐỐC") }
                        }
                        { text(DocField::SignerPosition, "doc-signer-position", tr(lang, "Chức vụ người ký", "Signer's position"), "PHÓ GIÁM ĐỐC") }
                        { text(DocField::SignerName, "doc-signer-name", tr(lang, "Họ và tên người ký", "Signer's full name"), "") }
                    </div>
                </fieldset>
                { area(DocField::Recipients, "doc-recipients", tr(lang, "Nơi nhận (mỗi dòng một nơi; để trống: “Như trên”, “Lưu: VT”)", "Recipients (one a line; empty: “Như trên”, “Lưu: VT”)")) }
            }
            { area(DocField::Shortcomings, "doc-shortcomings", tr(lang, "Tồn tại, hạn chế", "Shortcomings")) }
            { area(DocField::Proposals, "doc-proposals", tr(lang, "Đề xuất, kiến nghị", "Proposals")) }
            <div class="unit-fields">
                { text(DocField::ContactName, "doc-contact-name", tr(lang, "Người liên hệ", "Contact person"), "") }
                { text(DocField::ContactPhone, "doc-contact-phone", tr(lang, "Số điện thoại liên hệ", "Contact phone"), "") }
            </div>
        </section>
    }
}
