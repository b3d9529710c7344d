use crate::components::document_details::{document_details_form, DocumentDetailsArgs};
use crate::i18n::print_view as words;
use crate::i18n::print_view::document as doc_words;
use crate::shared::Shared;
use crate::state::{Action, Screen, SignedInfo};
use qrcodegen::{QrCode, QrCodeEcc};
use std::rc::Rc;
use tdg_model::citation::basis_line;
use tdg_model::draft::{reports_as_individual, DocumentDetails, Draft};
use tdg_model::explain::{describe_answer, print_band_line, rescale_line, rule_name};
use tdg_model::units::{format_index, format_points};
use tdg_model::{Assessment, Catalog, Date, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    pub catalog: Shared<Catalog>,
    pub draft: Draft,
    pub assessment: Rc<Assessment>,
    pub signed: Option<SignedInfo>,
    pub fingerprint: Option<String>,
    /// The day the report is dated and scored as sent on (`AppState::send_day`).
    pub day: Date,
    pub today: Date,
    pub lang: Lang,
    /// Training mode: every page carries the watermark, on screen and on paper.
    #[prop_or_default]
    pub training: bool,
    pub on_action: Callback<Action>,
}

/// The plan the report answers to, in full (under the title) and short (in the note), from
/// the catalog's legal basis: a catalog with another basis prints it with no code change.
fn legal_basis(catalog: &Catalog) -> (String, String) {
    (
        basis_line(&catalog.basis, Lang::Vi),
        catalog.basis.cite_as.get(Lang::Vi).to_owned(),
    )
}

/// The printed copy as an administrative report of Decree 30/2020/NĐ-CP (Appendix I): the
/// governing body over the unit, the number, the national motto, the place and date of
/// sending, the title, the results with a blank column for the council, shortcomings,
/// proposals, contact, "Nơi nhận" and the signer; for an individual, "NGƯỜI BÁO CÁO" with the
/// head of unit's confirmation. Bound to the JSON file by its SHA-256, the key's fingerprint
/// and a QR code of both. Above it, off the paper, the form of those details.
#[function_component(PrintView)]
pub fn print_view(props: &PrintViewProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let catalog = &props.catalog;
    let Some(tier) = catalog.tier(&a.tier) else {
        return html! {};
    };
    let doc = &props.draft.document;
    let individual = reports_as_individual(&tier.id);
    let (basis, basis_short) = legal_basis(catalog);
    let back = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(Screen::Assess));
    let print = Callback::from(|_: MouseEvent| crate::browser::print());
    // "Kính gửi" follows the tier and the year (a commune reported through its district
    // until 2024, for example).
    let office_entry = catalog.office_for_tier(&a.tier, a.period);
    // Where the catalog only describes the addressee, the form asks the unit to name it.
    let addressee_hint = office_entry
        .filter(|o| !o.via.is_blank())
        .map(|o| o.via.get(Lang::Vi).to_string());
    let office = doc.addressee_line(office_entry);
    let binding = props.signed.as_ref().map(|s| {
        format!(
            "tdg-report;sha256={};key={}",
            s.sha256,
            props.fingerprint.clone().unwrap_or_default()
        )
    });
    // Decree 30's top-left block: the governing body over the issuing body; for a person,
    // the unit they work in (or nothing), never the person's name.
    let issuer = props.draft.issuer_lines(individual);
    let issuer_count = issuer.len();
    let variant = props
        .draft
        .sheet
        .variant
        .as_deref()
        .and_then(|v| tier.variant(v))
        .map(|v| format!(" — {}", v.name.vi))
        .unwrap_or_default();
    let group = props.draft.group_line(catalog, Lang::Vi);
    let rule_name = |id: &str| rule_name(catalog, id, Lang::Vi);
    let bonus_sum: u32 = a.bonus.iter().map(|b| b.points).sum();
    // Text typed in several lines prints as several paragraphs; nothing typed leaves dotted
    // lines to write on by hand.
    let paragraphs = |text: &str| -> Html {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            html! { <p class="blank-lines">{ "…………………………………………………………" }</p> }
        } else {
            html! { <>{ for lines.into_iter().map(|l| html! { <p>{ l.trim() }</p> }) }</> }
        }
    };
    let or_blank = |text: &str| -> String {
        if text.trim().is_empty() {
            "……………………".into()
        } else {
            text.trim().to_string()
        }
    };
    html! {
        <div class="print-screen">
            <div class="print-actions no-print">
                <button type="button" onclick={back}>{ words::BACK_ASSESSMENT.get(lang) }</button>
                <button type="button" class="primary" onclick={print}>{ words::PRINT_A4.get(lang) }</button>
                if props.signed.is_none() {
                    <p class="warning">{ words::REPORT_NOT_SIGNED_YET.get(lang) }</p>
                }
            </div>
            { document_details_form(&DocumentDetailsArgs { document: doc, individual, signed_on: props.signed.as_ref().map(|s| s.signed_on),
                addressee_hint: addressee_hint.clone(), today: props.today, lang, on_action: &props.on_action }) }
            <article class={classes!("a4", props.training.then_some("training"))} lang="vi" aria-label={words::PRINTED_COPY.get(lang)}>
                if props.training {
                    // On every printed page (position: fixed repeats on each sheet).
                    <p class="watermark" >{ doc_words::TRAINING_WATERMARK }</p>
                }
                <table class="doc-header" role="presentation"><tbody><tr>
                    <td class="issuer">
                        { for issuer.into_iter().enumerate().map(|(i, line)| if i + 1 == issuer_count {
                            html! { <p class="upper bold issuer-name" data-testid="doc-issuer">{ line }</p> }
                        } else {
                            html! { <p class="upper">{ line }</p> }
                        }) }
                        if !individual {
                            <p class="doc-number" data-testid="doc-number">{ doc.number_line() }</p>
                        }
                    </td>
                    <td class="motto"><p class="upper bold">{ doc_words::NATION }</p><p class="bold motto-line">{ doc_words::MOTTO }</p>
                        <p class="italic" data-testid="doc-date">{ doc.date_line(props.day) }</p></td>
                </tr></tbody></table>
                <h1 class="doc-title" data-testid="doc-title">{ doc_words::title(individual) }</h1>
                <p class="doc-subtitle bold">{ doc_words::subtitle(individual, a.period) }</p>
                <p class="doc-subtitle">{ doc_words::basis(&basis) }</p>
                if props.signed.is_none() { <p class="draft-mark">{ doc_words::DRAFT_MARK }</p> }
                if individual {
                    <p>{ doc_words::labelled(doc_words::FULL_NAME, &or_blank(props.draft.reporter_name())) }</p>
                    <p>{ doc_words::labelled(doc_words::POSITION, &or_blank(&doc.person_position)) }</p>
                    <p>{ doc_words::labelled(doc_words::WORKPLACE, &or_blank(&doc.person_workplace)) }</p>
                } else {
                    <p data-testid="doc-addressee">{ doc_words::addressee(&office) }</p>
                }
                <p data-testid="doc-tier">{ doc_words::tier(&tier.name_for(a.period).vi, &variant) }</p>
                if let Some(group) = group { <p data-testid="doc-group">{ group }</p> }
                <h2 class="doc-section">{ doc_words::SECTION_RESULTS }</h2>
                <table class="doc-table">
                    <colgroup>
                        <col class="c-tt" /><col class="c-criterion" /><col class="c-result" /><col class="c-evidence" />
                        <col class="c-points" /><col class="c-points" /><col class="c-points" />
                    </colgroup>
                    <thead><tr>{ for doc_words::COLUMNS.iter().map(|c| html! { <th>{ *c }</th> }) }</tr></thead>
                    <tbody>
                        { for tier.criteria_for(props.draft.sheet.variant.as_deref(), props.draft.sheet.period).zip(a.criteria.iter()).enumerate().map(|(i, (c, r))| {
                            let answer = props.draft.sheet.answers.get(&c.id);
                            // Not applicable is not zero: its maximum is left out, in brackets.
                            let na = r.status == tdg_model::Status::NotApplicable;
                            html! { <tr class={classes!(na.then_some("not-applicable"))}>
                                <td data-label={doc_words::COLUMNS[0]}>{ i + 1 }</td>
                                <td data-label={doc_words::COLUMNS[1]}>{ &c.text.vi }</td>
                                <td data-label={doc_words::COLUMNS[2]}>{ describe_answer(c, answer, Lang::Vi) }</td>
                                <td data-label={doc_words::COLUMNS[3]}>{ answer.map(|a| a.evidence.iter().map(|e| crate::components::evidence_editor::describe(e, Lang::Vi)).collect::<Vec<_>>().join("; ")).unwrap_or_default() }</td>
                                if na {
                                    <td class="num" data-label={doc_words::COLUMNS[4]}>{ format!("({})", format_points(r.max, Lang::Vi)) }<br /><span class="small">{ doc_words::NOT_COUNTED }</span></td>
                                    <td class="num" data-label={doc_words::COLUMNS[5]}>{ "—" }</td>
                                } else {
                                    <td class="num" data-label={doc_words::COLUMNS[4]}>{ format_points(r.max, Lang::Vi) }</td>
                                    <td class="num" data-label={doc_words::COLUMNS[5]}>{ format_points(r.points, Lang::Vi) }</td>
                                }
                                <td class="num council" data-label={doc_words::COLUMNS[6]}></td>
                            </tr> }
                        }) }
                        <tr class="sum"><td colspan="5">{ doc_words::CRITERIA_POINTS }</td><td class="num">{ format_points(a.base, Lang::Vi) }</td><td class="council"></td></tr>
                        { for a.bonus.iter().map(|b| html! {
                            <tr class="timing"><td colspan="5">{ doc_words::labelled(doc_words::BONUS, &rule_name(&b.rule)) }</td><td class="num">{ format!("+{}", format_points(b.points, Lang::Vi)) }</td><td class="council"></td></tr>
                        }) }
                        if bonus_sum > a.bonus_total {
                            <tr><td colspan="5">{ doc_words::BONUS_COUNTED }</td><td class="num">{ format!("+{}", format_points(a.bonus_total, Lang::Vi)) }</td><td class="council"></td></tr>
                        }
                        { for a.penalties.iter().map(|p| html! {
                            <tr class="timing"><td colspan="5">{ doc_words::labelled(doc_words::PENALTY, &rule_name(&p.rule)) }</td><td class="num">{ format!("−{}", format_points(p.points, Lang::Vi)) }</td><td class="council"></td></tr>
                        }) }
                        <tr class="sum"><td colspan="5">{ doc_words::TOTAL }</td><td class="num" data-testid="print-total">{ format_points(a.total, Lang::Vi) }</td><td class="council"></td></tr>
                    </tbody>
                </table>
                <p>{ doc_words::share(&format_index(a.index, Lang::Vi)) }</p>
                <p data-testid="doc-band">{ print_band_line(catalog, a, Lang::Vi) }</p>
                if let Some(line) = rescale_line(a, Lang::Vi) {
                    <p data-testid="doc-rescaled">{ line }</p>
                }
                <p class="small italic">{ doc_words::model_note(&basis_short) }</p>
                <h2 class="doc-section">{ doc_words::SECTION_SHORTCOMINGS }</h2>
                { paragraphs(&doc.shortcomings) }
                <h2 class="doc-section">{ doc_words::SECTION_PROPOSALS }</h2>
                { paragraphs(&doc.proposals) }
                // The person who reports is the contact: only the phone is asked.
                <p data-testid="doc-contact">{ doc_words::contact(individual, &or_blank(&doc.contact_name), &or_blank(&doc.contact_phone)) }</p>
                if let (Some(signed), Some(binding)) = (&props.signed, &binding) {
                    <div class="binding">
                        { qr_svg(binding) }
                        <div>
                            <p>{ doc_words::labelled(doc_words::REPORT_FILE, &signed.file_name) }</p>
                            <p class="mono small">{ format!("SHA-256: {}", signed.sha256) }</p>
                            <p class="mono small">{ doc_words::labelled(doc_words::KEY_FINGERPRINT, props.fingerprint.as_deref().unwrap_or_default()) }</p>
                        </div>
                    </div>
                }
                if individual {
                    <table class="doc-sign" role="presentation"><tbody><tr>
                        <td>
                            <p class="upper bold">{ doc_words::HEAD_CONFIRMS }</p>
                            if !doc.head_position.trim().is_empty() {
                                <p class="upper bold">{ doc.head_position.trim() }</p>
                            }
                            <p class="italic">{ doc_words::SIGN_NAME_SEAL }</p>
                            <p class="sign-space"></p>
                            <p class="bold">{ doc.head_name.trim() }</p>
                        </td>
                        <td>
                            <p class="upper bold">{ doc_words::REPORTER }</p>
                            <p class="italic">{ doc_words::SIGN_NAME }</p>
                            <p class="sign-space"></p>
                            <p class="bold">{ props.draft.reporter_name() }</p>
                        </td>
                    </tr></tbody></table>
                } else {
                    <table class="doc-sign" role="presentation"><tbody><tr>
                        <td class="recipients">
                            <p class="bold italic">{ doc_words::RECIPIENTS }</p>
                            { for doc.recipient_lines().into_iter().map(|l| html! { <p>{ l }</p> }) }
                        </td>
                        <td>
                            { for signer_titles(doc).into_iter().map(|(l, class)| html! { <p class={class}>{ l }</p> }) }
                            <p class="sign-space"></p>
                            <p class="bold">{ doc.signer_name.trim() }</p>
                        </td>
                    </tr></tbody></table>
                }
            </article>
            <p class="no-print muted">{ words::DECREE_30_FORMAT.get(lang) }</p>
        </div>
    }
}

/// The lines above a unit's signature. Until the unit names a position, the places to write
/// it by hand, as Decree 30's forms print them: "(Chức vụ người ký)" and "(Ký, ghi rõ họ tên,
/// đóng dấu)", not a "THỦ TRƯỞNG ĐƠN VỊ" that fits no real signer (review M7).
fn signer_titles(doc: &DocumentDetails) -> Vec<(String, &'static str)> {
    let lines: Vec<(String, &'static str)> = doc
        .signer_title_lines()
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(|l| (l, "upper bold"))
        .collect();
    if lines.is_empty() {
        vec![
            (doc_words::SIGNER_POSITION_BLANK.into(), "bold"),
            (doc_words::SIGN_NAME_SEAL_BLANK.into(), "italic"),
        ]
    } else {
        lines
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
        <svg class="qr" viewBox={view} role="img" aria-label={doc_words::QR_LABEL} xmlns="http://www.w3.org/2000/svg">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
