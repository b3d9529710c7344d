//! The sample units (training workshops, first use, a portal's deep link): which are offered,
//! and opening one, which fetches its answers beside the app and makes it a draft with a sample
//! unit's name. Used by the start screen, training exercises and deep links.

use crate::i18n::{says, start as words};
use crate::state::{Action, Notice};
use tdg_model::draft::{Draft, UnitInfo};
use tdg_model::AnswerSheet;
use tdg_model::Lang;
use yew::Callback;

/// The sample `name` (a file under `assets/samples/`, without `.json`) as a draft, its unit
/// named as a realistic sample unit of its tier; or why it could not be read, in both
/// languages.
pub async fn load(name: &str) -> Result<Draft, (String, String)> {
    let url = format!("assets/samples/{name}.json");
    let sheet = crate::catalog_source::fetch_bytes(&url)
        .await
        .ok()
        .and_then(|b| AnswerSheet::from_json(&b).ok())
        .ok_or_else(|| says::sample_not_loaded(&url))?;
    Ok(Draft {
        unit: UnitInfo::sample(&sheet.tier, name),
        sheet,
        ..Draft::default()
    })
}

/// Opens the sample in the background and replaces the draft with it (the current draft is
/// kept as a previous draft), as the training exercise `exercise` when one opens it; or tells
/// the user why it could not be opened.
pub fn open(name: String, label: String, exercise: Option<String>, dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.emit(match load(&name).await {
            Ok(draft) => {
                // An exercise is named as one: its title is not a unit's name (review L3).
                let opened = match exercise {
                    Some(_) => says::exercise_opened(&label),
                    None => says::sample_opened(&label),
                };
                let (notice, at) = (Notice::info(opened), crate::browser::now_rfc3339());
                match exercise {
                    Some(id) => Action::StartExercise {
                        id,
                        draft,
                        notice,
                        at,
                    },
                    None => Action::ReplaceDraft {
                        draft,
                        sample: true,
                        notice,
                        at,
                    },
                }
            }
            Err(why) => Action::Notify(Notice::error(why)),
        });
    });
}

/// The sample units offered for this catalog: (file name, label), the worked example first.
pub fn choices(catalog: &tdg_model::Catalog, lang: Lang) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> =
        vec![("vi-du-xa".into(), words::WORKED_EXAMPLE.get(lang).into())];
    for tier in &catalog.tiers {
        if tier.variants.is_empty() {
            choices.push((tier.id.clone(), tier.name.get(lang).to_string()));
        }
        // The department sample that answers "không áp dụng" (and shows the rescaled total).
        if tier.criteria.iter().any(|c| c.allows_not_applicable()) {
            choices.push((
                format!("{}-khong-ap-dung", tier.id),
                format!(
                    "{} — {}",
                    tier.name.get(lang),
                    words::SAMPLE_NOT_APPLICABLE.get(lang)
                ),
            ));
        }
        for v in &tier.variants {
            choices.push((
                format!("{}-{}", tier.id, v.id),
                format!("{} — {}", tier.name.get(lang), v.name.get(lang)),
            ));
        }
    }
    choices
}
