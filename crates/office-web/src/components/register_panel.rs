//! The unit register on the page: imported from a spreadsheet (CSV or Excel), listed, edited
//! (each row, and a form to add a unit), downloaded as the trust list JSON or as CSV. Every rule
//! is `tdg_office::register`'s; the app stores the register and checks the season again after
//! a change.

use super::app::{Handle, Part};
use super::register_form::RegisterForm;
use super::register_row::RegisterRow;
use crate::browser;
use crate::i18n::words;
use crate::i18n::{tr, trs};
use crate::state::{Action, Notice, RegisterChoice};
use tdg_model::units::format_int;
use tdg_model::Lang;
use tdg_office::register::{read, to_csv, Column, Register};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The keys a fingerprint in an imported or typed row may stand for: those already registered.
pub fn known_keys(state: &Handle) -> Vec<String> {
    state
        .register
        .as_ref()
        .map(|r| r.keys.iter().map(|k| k.did.clone()).collect())
        .unwrap_or_default()
}

/// The register as it stands, or an empty one for the office to fill.
pub fn current(state: &Handle) -> Register {
    state.register.as_deref().cloned().unwrap_or_default()
}

fn notify(state: &Handle, vi: String, en: String, error: bool) {
    state.dispatch(Action::Notify(Notice::new(vi, en, error)));
}

#[function_component(RegisterPanel)]
pub fn register_panel(p: &Part) -> Html {
    let state = p.state.clone();
    let lang = state.lang;
    let on_import = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let Some(catalog) = state.loaded_catalog().map(|c| c.catalog.clone()) else {
                notify(
                    &state,
                    "Chưa có danh mục tiêu chí để kiểm tra cấp, loại của sổ đăng ký.".into(),
                    "No catalog yet to check the register's tiers and variants against.".into(),
                    true,
                );
                return;
            };
            let (state, known, mut register) = (state.clone(), known_keys(&state), current(&state));
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let bytes = match browser::read_file(&file).await {
                    Ok(b) => b,
                    Err(e) => {
                        notify(
                            &state,
                            format!("Không đọc được tệp {name}: {e}"),
                            format!("Cannot read {name}: {e}"),
                            true,
                        );
                        return;
                    }
                };
                match read(&bytes, &catalog, &known) {
                    Ok(imported) => {
                        let (n, bad) = (imported.keys.len() as u64, imported.errors.len() as u64);
                        let (nv, ne) = (format_int(n, Lang::Vi), format_int(n, Lang::En));
                        let (bv, be) = (format_int(bad, Lang::Vi), format_int(bad, Lang::En));
                        notify(
                            &state,
                            format!("{name}: đọc được {nv} khóa; {bv} dòng lỗi không nhập (xem danh sách trong sổ đăng ký)."),
                            format!("{name}: {ne} keys read; {be} rows with errors left out (listed in the register)."),
                            bad > 0,
                        );
                        register.replace(imported.keys);
                        // Asked first when it would replace a register the office has.
                        state.dispatch(Action::OfferRegister {
                            register,
                            source: name,
                            errors: imported.errors,
                        });
                    }
                    Err(e) => notify(
                        &state,
                        format!("{name}: {}", e.message(Lang::Vi)),
                        format!("{name}: {}", e.message(Lang::En)),
                        true,
                    ),
                }
            });
        })
    };
    let download = |name: &'static str, mime: &'static str, make: fn(&Register) -> String| {
        let state = state.clone();
        Callback::from(move |_| {
            if let Err(e) = browser::download(name, make(&current(&state)).as_bytes(), mime) {
                notify(
                    &state,
                    format!("Không tải được tệp: {e}"),
                    format!("The download failed: {e}"),
                    true,
                );
            }
        })
    };
    let on_json = download("trust.json", "application/json", Register::trust_json);
    let on_csv = download("so-dang-ky.csv", "text/csv;charset=utf-8", |r| {
        to_csv(&r.keys)
    });
    let on_office = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut register = current(&state);
            register.office = input.value().trim().to_owned();
            state.dispatch(Action::EditRegister(register));
        })
    };
    let register = current(&state);
    let count = format_int(register.keys.len() as u64, lang);
    let units = format_int(register.unit_count() as u64, lang);
    let choose = |choice: RegisterChoice| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ChooseRegister(choice)))
    };
    let pending_title = use_node_ref();
    {
        // The question is where the office looks next: it has the focus when it appears.
        let title = pending_title.clone();
        use_effect_with(state.pending_register.is_some(), move |shown| {
            if *shown {
                if let Some(el) = title.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let pending = state.pending_register.as_ref().map(|p| {
        let question = words::register::replace_question(
            lang,
            (register.unit_count(), register.keys.len()),
            &p.source,
            (p.register.unit_count(), p.register.keys.len()),
            p.errors.len(),
        );
        html! {
            <div class="register-pending" role="group" aria-labelledby="register-pending-title" data-testid="register-pending">
                <h3 id="register-pending-title" tabindex="-1" ref={pending_title.clone()}>{ words::register::PENDING_TITLE.get(lang) }</h3>
                <p>{ question }</p>
                <button type="button" onclick={choose(RegisterChoice::Replace)}>{ words::register::REPLACE.get(lang) }</button>
                {" "}
                <button type="button" onclick={choose(RegisterChoice::Merge)}>{ words::register::MERGE.get(lang) }</button>
                {" "}
                <button type="button" onclick={choose(RegisterChoice::Keep)}>{ words::register::KEEP_REGISTER.get(lang) }</button>
            </div>
        }
    });
    let headings = [
        Column::Code,
        Column::Name,
        Column::Tier,
        Column::Group,
        Column::Key,
        Column::ValidFrom,
    ];
    html! {
        <section class="register no-print" aria-labelledby="register-title">
            <h2 id="register-title">{ tr(lang, "Sổ đăng ký đơn vị và khóa", "Unit register and keys") }</h2>
            { for pending }
            <p data-testid="register-count">{ trs(lang,
                format!("{units} đơn vị, {count} khóa. Sổ lưu trong trình duyệt này; mùa báo cáo đang xem được kiểm tra lại sau mỗi thay đổi."),
                format!("{units} units, {count} keys. Kept in this browser; the season shown is checked again after each change.")) }</p>
            <div class="field">
                <label for="register-import">{ tr(lang, "Nhập sổ đăng ký từ tệp CSV hoặc Excel", "Import the register from a CSV or Excel file") }</label>
                <input id="register-import" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    onchange={on_import} aria-describedby="register-import-hint" />
                <span id="register-import-hint" class="hint">{ tr(lang,
                    "Các cột: Mã đơn vị, Tên đơn vị, Cấp, Loại, Cụm/Khối, Khóa (did:key hoặc dấu vân tay), Hiệu lực từ, Hiệu lực đến, Ngày thu hồi. Khi đã có sổ, trang hỏi trước khi thay hoặc gộp.",
                    "Columns: unit code, name, tier, variant, cluster or block, key (did:key or fingerprint), valid from, valid until, revoked on. When a register is in use, the page asks before replacing or merging.") }</span>
            </div>
            if !state.register_errors.is_empty() {
                <div class="register-errors" data-testid="register-errors">
                    <h3>{ tr(lang, "Các dòng không nhập được", "Rows not imported") }</h3>
                    <ul>
                        { for state.register_errors.iter().map(|e| html! { <li>{ e.message(lang) }</li> }) }
                    </ul>
                </div>
            }
            <div class="field">
                <label for="register-office">{ tr(lang, "Cơ quan giữ sổ", "Office keeping the register") }</label>
                <input id="register-office" type="text" value={register.office.clone()} onchange={on_office} />
            </div>
            <p>
                <button type="button" onclick={on_json}>{ tr(lang, "Tải danh sách khóa tin cậy (trust.json)", "Download the trust list (trust.json)") }</button>
                {" "}
                <button type="button" onclick={on_csv}>{ tr(lang, "Tải sổ đăng ký (CSV)", "Download the register (CSV)") }</button>
            </p>
            <details>
                <summary>{ trs(lang, format!("Xem và sửa sổ đăng ký ({count} khóa)"), format!("View and edit the register ({count} keys)")) }</summary>
                <div class="scroll register-view" role="region" tabindex="0"
                    aria-label={tr(lang, "Sổ đăng ký đơn vị và khóa", "Unit register and keys")}>
                    <table id="register">
                        <thead><tr>
                            { for headings.iter().map(|c| html! { <th scope="col">{ match c {
                                // The list shows the short fingerprint people compare; the whole
                                // did:key is on hover and in the downloads.
                                Column::Key => tr(lang, "Khóa (dấu vân tay)", "Key (fingerprint)"),
                                c => c.name(lang),
                            } }</th> }) }
                            <th scope="col">{ tr(lang, "Tình trạng", "Status") }</th>
                            <th scope="col">{ tr(lang, "Thao tác", "Actions") }</th>
                        </tr></thead>
                        <tbody>
                            { for register.keys.iter().enumerate().map(|(i, k)| html! {
                                <RegisterRow key={format!("{i}-{}", k.did)} state={state.clone()} index={i} entry={k.clone()} />
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
            <RegisterForm state={state.clone()} />
        </section>
    }
}
