use crate::i18n::steps as words;
use crate::state::{Action, Screen};
use tdg_model::Lang;
use yew::prelude::*;

/// Where the "Ký, tải" step leads: the signing section of the assessment screen.
pub const SIGN_ANCHOR: &str = "sign-title";
/// The signing section: while it is in view, "Ký, tải" is the current step, not "Tự chấm".
pub const SIGN_SECTION: &str = "sign-section";

/// The four steps (Đơn vị → Tự chấm → Ký, tải → Bản in), the current one marked, each one a
/// button: signing is one step away from anywhere, never at the bottom of a side column.
/// `ready`: a tier (and variant) is chosen, so the later steps can open. A view function, not
/// a component: a component costs the first load a few KB. `signing`: the signing section is in
/// view (`in_view::use_in_view(SIGN_SECTION, …)`). `unit`: the first step's name where the
/// tier has its own ("Doanh nghiệp", "Người báo cáo"), else "Đơn vị".
pub fn step_bar(
    screen: Screen,
    signing: bool,
    ready: bool,
    unit: Option<&str>,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let assessing = screen == Screen::Assess;
    let step = |n: u8, label: &str, current: bool, enabled: bool, onclick: Callback<MouseEvent>| {
        html! {
            <li class={classes!("step", current.then_some("current"))}>
                <button type="button" aria-current={current.then_some("step")} disabled={!enabled}
                    title={(!enabled).then(|| words::NEED_TIER.get(lang))} {onclick}>
                    <span class="step-number" aria-hidden="true">{ n }</span>
                    <span class="step-label">{ label }</span>
                </button>
            </li>
        }
    };
    let go = |screen: Screen| on_action.reform(move |_: MouseEvent| Action::Go(screen));
    let to_sign = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if screen != Screen::Assess {
                on_action.emit(Action::Go(Screen::Assess));
            }
            // After the assessment screen has rendered (it may just have been opened).
            gloo::timers::callback::Timeout::new(0, || super::error_summary::focus(SIGN_ANCHOR))
                .forget();
        })
    };
    html! {
        <nav class="step-bar" aria-label={words::NAV.get(lang)}>
            <ol>
                { step(1, unit.unwrap_or(words::UNIT.get(lang)), screen == Screen::Start, true, go(Screen::Start)) }
                { step(2, words::ASSESS.get(lang), assessing && !signing, ready, go(Screen::Assess)) }
                { step(3, words::SIGN.get(lang), assessing && signing, ready, to_sign) }
                { step(4, words::PRINT.get(lang), screen == Screen::Print, ready, go(Screen::Print)) }
            </ol>
        </nav>
    }
}
