use crate::i18n::{t, Msg};
use crate::state::Action;
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// Title and the language switch.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let on_switch = props
        .on_action
        .reform(move |_: MouseEvent| Action::SetLang(other));
    html! {
        <header class="site-header">
            <div>
                <h1>{ t(lang, Msg::AppTitle) }</h1>
                <p class="subtitle">{ t(lang, Msg::AppSubtitle) }</p>
            </div>
            <button type="button" class="lang-switch" lang={other.code()} onclick={on_switch}>
                { t(lang, Msg::SwitchLanguage) }
            </button>
        </header>
    }
}
