use crate::components::date_input::DateInput;
use crate::i18n::document_details as words;
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

/// Typing in the field of the print's details `field` (an input or a textarea: `value` is read
/// by name on whichever element it is). Also the start screen's, for a person's position and
/// workplace.
pub fn edit_text(on_action: &Callback<Action>, field: DocField) -> Callback<InputEvent> {
    on_action.reform(move |e: InputEvent| {
        let target = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        Action::EditDocument(DocEdit::Text(field, crate::browser::nfc(&target.value())))
    })
}

/// The form of what the printed report needs besides the answers (Decree 30/2020 layout):
/// governing body, number, place and intended send date, signer, recipients, shortcomings,
/// proposals and contact; for an individual, who reports and who confirms. A view function,
/// not a component: it keeps no state, and a component costs the first load a few KB (see
/// `draft_history`).
pub fn document_details_form(props: &DocumentDetailsArgs) -> Html {
    let lang = props.lang;
    let doc = props.document;
    let edit = move |field: DocField| edit_text(props.on_action, field);
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
        Authority::None => words::SIGNS_OWN_NAME_NOTHING.get(lang),
        Authority::Kt => words::KT_SIGNS_HEAD.get(lang),
        Authority::Tl => words::TL_ORDER.get(lang),
        Authority::Tm => words::TM_BEHALF_COLLECTIVE_BODY.get(lang),
        Authority::Tuq => words::TUQ_DELEGATION.get(lang),
    };
    html! {
        <section class="doc-details no-print" aria-labelledby="doc-details-title">
            <h2 id="doc-details-title">{ words::DETAILS_PRINTED_REPORT.get(lang) }</h2>
            <p class="muted">{ words::THESE_DETAILS_PRINTED_PAPER.get(lang) }</p>
            <div class="unit-fields">
                { text(DocField::GoverningBody, "doc-governing", words::GOVERNING_BODY_ABOVE_UNIT.get(lang), words::EXAMPLE_GOVERNING_BODY) }
                if props.individual {
                    { text(DocField::PersonName, "doc-person-name", words::FULL_NAME_PERSON_REPORTING.get(lang), "") }
                    { text(DocField::PersonPosition, "doc-person-position", words::POSITION.get(lang), "") }
                    { text(DocField::PersonWorkplace, "doc-person-workplace", words::WORKPLACE.get(lang), "") }
                    { text(DocField::HeadName, "doc-head-name", words::FULL_NAME_HEAD_UNIT.get(lang), "") }
                    { text(DocField::HeadPosition, "doc-head-position", words::POSITION_HEAD_UNIT.get(lang), "") }
                } else {
                    if let Some(hint) = &props.addressee_hint {
                        <div class="field">
                            <label for="doc-addressee">{ words::ADDRESSED.get(lang) }</label>
                            <input id="doc-addressee" type="text" value={doc.addressee.clone()}
                                oninput={edit(DocField::Addressee)} aria-describedby="doc-addressee-hint" />
                            <p class="hint" id="doc-addressee-hint">{ format!("{} {hint}", words::CATALOG_SAYS.get(lang)) }</p>
                        </div>
                    }
                    { text(DocField::Number, "doc-number", words::DOCUMENT_NUMBER_LEAVE_EMPTY.get(lang), "125") }
                    { text(DocField::IssuerCode, "doc-issuer-code", words::ISSUING_BODY_ABBREVIATION_AFTER.get(lang), "UBND") }
                }
                { text(DocField::Place, "doc-place", words::PLACE.get(lang), tdg_model::draft::DEFAULT_PLACE) }
                if let Some(day) = props.signed_on {
                    <p class="field">{ words::signed_on(lang, &day.display_vn()) }</p>
                } else {
                    <DateInput id="doc-send-on" label={words::INTENDED_SEND_DATE.get(lang)}
                        value={Some(doc.send_on.unwrap_or(props.today))} on_change={on_send} {lang} />
                }
            </div>
            if !props.individual {
                <fieldset>
                    <legend>{ words::SIGNER.get(lang) }</legend>
                    <div class="unit-fields">
                        <div class="field">
                            <label for="doc-authority">{ words::SIGNING_AUTHORITY.get(lang) }</label>
                            <select id="doc-authority" onchange={on_authority}>
                                { for Authority::ALL.into_iter().map(|a| html! {
                                    <option value={a.id()} selected={doc.signer_authority == a}>{ authority_name(a) }</option>
                                }) }
                            </select>
                        </div>
                        if doc.signer_authority != Authority::None {
                            { text(DocField::SignerOnBehalfOf, "doc-on-behalf", words::SIGNS_HEAD_TITLE_COLLECTIVE.get(lang), words::EXAMPLE_ON_BEHALF_OF) }
                        }
                        { text(DocField::SignerPosition, "doc-signer-position", words::SIGNER_POSITION.get(lang), words::EXAMPLE_SIGNER_POSITION) }
                        { text(DocField::SignerName, "doc-signer-name", words::SIGNER_FULL_NAME.get(lang), "") }
                    </div>
                </fieldset>
                { area(DocField::Recipients, "doc-recipients", words::RECIPIENTS_ONE_LINE_EMPTY.get(lang)) }
            }
            { area(DocField::Shortcomings, "doc-shortcomings", words::SHORTCOMINGS.get(lang)) }
            { area(DocField::Proposals, "doc-proposals", words::PROPOSALS.get(lang)) }
            <div class="unit-fields">
                { text(DocField::ContactName, "doc-contact-name", words::CONTACT_PERSON.get(lang), "") }
                { text(DocField::ContactPhone, "doc-contact-phone", words::CONTACT_PHONE.get(lang), "") }
            </div>
        </section>
    }
}
