//! Views loaded on demand: `tdg-views` (crates/views), a second WebAssembly module built from
//! this crate's own components, fetched the first time the user opens one of them, like the
//! signing module. The print view (with the document details form and the QR code) is the first:
//! it is the largest component, and a unit opens it once, at the end.
//!
//! The module renders into an element of this app's page with its own Yew app. What it needs
//! goes in as [`PrintInput`] (JSON) plus the catalog's bytes, which it reads and scores itself
//! with the same `tdg-model` code; what the user does there comes back as a [`PrintEvent`], three
//! plain values (`kind`, `field`, `text`) that this app turns into its own `Action`s, so the
//! reducer stays the only place where the draft changes. Both sides are compiled from this file.
//!
//! The sign panel's flows run there too (`sign.rs`, `sign_flows.rs`): one on-demand module for
//! what the form does not need, loaded by whichever of them the user opens first.

use crate::state::{Action, DocEdit, Screen};
use serde::{Deserialize, Serialize};
use tdg_model::draft::{Authority, DocField, Draft};
use tdg_model::training::{Exercise, ExerciseSet, Goal};
use tdg_model::{Date, Lang, Text};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub mod sign;

/// What the print view shows, besides the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrintInput {
    pub draft: Draft,
    pub signed: Option<PrintSigned>,
    pub fingerprint: Option<String>,
    /// The day the report is dated and scored as sent on (`AppState::send_day`).
    pub day: Date,
    pub today: Date,
    pub lang: Lang,
    pub training: bool,
}

/// The signed report the print binds to (`state::SignedInfo`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrintSigned {
    pub file_name: String,
    pub sha256: String,
    pub signed_on: Date,
}

impl From<&crate::state::SignedInfo> for PrintSigned {
    fn from(s: &crate::state::SignedInfo) -> PrintSigned {
        PrintSigned {
            file_name: s.file_name.clone(),
            sha256: s.sha256.clone(),
            signed_on: s.signed_on,
        }
    }
}

impl From<&PrintSigned> for crate::state::SignedInfo {
    fn from(s: &PrintSigned) -> crate::state::SignedInfo {
        crate::state::SignedInfo {
            file_name: s.file_name.clone(),
            sha256: s.sha256.clone(),
            signed_on: s.signed_on,
        }
    }
}

/// What the user did in the print view that this app must apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintEvent {
    Back,
    Edit(DocEdit),
}

/// The text fields of the document details, by their number on the wire.
const DOC_FIELDS: [DocField; 18] = [
    DocField::GoverningBody,
    DocField::Addressee,
    DocField::Number,
    DocField::IssuerCode,
    DocField::Place,
    DocField::SignerOnBehalfOf,
    DocField::SignerPosition,
    DocField::SignerName,
    DocField::Recipients,
    DocField::Shortcomings,
    DocField::Proposals,
    DocField::ContactName,
    DocField::ContactPhone,
    DocField::PersonName,
    DocField::PersonPosition,
    DocField::PersonWorkplace,
    DocField::HeadName,
    DocField::HeadPosition,
];

const BACK: u32 = 0;
const TEXT: u32 = 1;
const SEND_ON: u32 = 2;
const AUTHORITY: u32 = 3;

fn index_of<T: PartialEq>(all: &[T], item: &T) -> u32 {
    // Every variant is in its list (the tests check it): the position always exists.
    all.iter().position(|x| x == item).unwrap_or(usize::MAX) as u32
}

impl PrintEvent {
    /// The event from the print view's own `Action`s; `None` for one it never sends.
    pub fn from_action(action: Action) -> Option<PrintEvent> {
        match action {
            Action::Go(Screen::Assess) => Some(PrintEvent::Back),
            Action::EditDocument(edit) => Some(PrintEvent::Edit(edit)),
            _ => None,
        }
    }

    pub fn into_action(self) -> Action {
        match self {
            PrintEvent::Back => Action::Go(Screen::Assess),
            PrintEvent::Edit(edit) => Action::EditDocument(edit),
        }
    }

    /// `(kind, field, text)` for the other module.
    pub fn encode(&self) -> (u32, u32, String) {
        match self {
            PrintEvent::Back => (BACK, 0, String::new()),
            PrintEvent::Edit(DocEdit::Text(field, text)) => {
                (TEXT, index_of(&DOC_FIELDS, field), text.clone())
            }
            PrintEvent::Edit(DocEdit::SendOn(day)) => {
                (SEND_ON, 0, day.map(|d| d.to_string()).unwrap_or_default())
            }
            PrintEvent::Edit(DocEdit::Authority(a)) => {
                (AUTHORITY, index_of(&Authority::ALL, a), String::new())
            }
        }
    }

    /// The event from the other module's three values; `None` for values no version of this
    /// file writes (a module of another build).
    pub fn decode(kind: u32, field: u32, text: String) -> Option<PrintEvent> {
        let field = usize::try_from(field).ok()?;
        Some(match kind {
            BACK => PrintEvent::Back,
            TEXT => PrintEvent::Edit(DocEdit::Text(*DOC_FIELDS.get(field)?, text)),
            SEND_ON if text.is_empty() => PrintEvent::Edit(DocEdit::SendOn(None)),
            SEND_ON => PrintEvent::Edit(DocEdit::SendOn(Some(Date::parse_iso(&text).ok()?))),
            AUTHORITY => PrintEvent::Edit(DocEdit::Authority(*Authority::ALL.get(field)?)),
            _ => return None,
        })
    }
}

/// The loaded `tdg_views.js` module, or why it could not be loaded (the browser's words).
pub async fn module() -> Result<ViewsModule, String> {
    load_views()
        .await
        .map(JsCast::unchecked_into)
        .map_err(crate::browser::js_text)
}

/// Reads and checks an exercises file in the module (training mode), with the catalog's bytes:
/// the set, or why it cannot be used (in both languages).
pub async fn read_exercises(catalog: &[u8], file: &[u8]) -> Result<ExerciseSet, (String, String)> {
    use crate::i18n::training::module_not_loaded;
    let module = module().await.map_err(|why| module_not_loaded(&why))?;
    let read = module
        .exercises_read(catalog, file)
        .map_err(|e| module_not_loaded(&crate::browser::js_text(e)))?;
    let parts = read.iter().map(|p| p.as_string().unwrap_or_default());
    exercises_from_wire(parts.collect()).unwrap_or_else(|| Err(module_not_loaded(ANOTHER_BUILD)))
}

/// Said when the module answers what no version of this file writes.
const ANOTHER_BUILD: &str = "tdg_views ≠ tdg_app";

const READ: &str = "read";
const REFUSED: &str = "refused";
/// Strings per exercise on the wire.
const EXERCISE_PARTS: usize = 12;

/// What `exercises_read` answers, as strings: `refused, vi, en`, or `read`, the version, the
/// provenance and each exercise's twelve fields. Strings rather than JSON: reading the set with
/// serde in this app would bring its derive code back into the first load. The worked solutions
/// stay behind (the app never shows them).
pub fn exercises_to_wire(read: &Result<ExerciseSet, (String, String)>) -> Vec<String> {
    let set = match read {
        Ok(set) => set,
        Err((vi, en)) => return vec![REFUSED.into(), vi.clone(), en.clone()],
    };
    let mut parts = vec![
        READ.into(),
        set.exercises_version.to_string(),
        set.provenance.vi.clone(),
        set.provenance.en.clone(),
    ];
    for e in &set.exercises {
        parts.extend([e.id.clone(), e.sample.clone()]);
        for text in [&e.title, &e.question, &e.hint, &e.answer] {
            parts.extend([text.vi.clone(), text.en.clone()]);
        }
        // "=" before a band's id: an empty string is no band, never a band with an empty id.
        parts.push(
            e.goal
                .band
                .as_ref()
                .map_or(String::new(), |b| format!("={b}")),
        );
        parts.push(if e.goal.all_answered { "1" } else { "0" }.into());
    }
    parts
}

/// The answer `exercises_to_wire` wrote; `None` for one it never writes.
pub fn exercises_from_wire(parts: Vec<String>) -> Option<Result<ExerciseSet, (String, String)>> {
    let mut parts = parts.into_iter();
    let mut next = || parts.next();
    match next()?.as_str() {
        REFUSED => return Some(Err((next()?, next()?))),
        READ => {}
        _ => return None,
    }
    let exercises_version = next()?.parse().ok()?;
    let provenance = Text::new(next()?, next()?);
    let rest: Vec<String> = std::iter::from_fn(next).collect();
    let chunks = rest.chunks_exact(EXERCISE_PARTS);
    if !chunks.remainder().is_empty() {
        return None;
    }
    let exercises = chunks.map(exercise_from_wire).collect::<Option<_>>()?;
    Some(Ok(ExerciseSet {
        exercises_version,
        provenance,
        exercises,
    }))
}

fn exercise_from_wire(p: &[String]) -> Option<Exercise> {
    let text = |i: usize| Some(Text::new(p.get(i)?.clone(), p.get(i + 1)?.clone()));
    let band = match p.get(10)?.as_str() {
        "" => None,
        b => Some(b.strip_prefix('=')?.to_string()),
    };
    Some(Exercise {
        id: p.first()?.clone(),
        sample: p.get(1)?.clone(),
        title: text(2)?,
        question: text(4)?,
        hint: text(6)?,
        answer: text(8)?,
        goal: Goal {
            band,
            all_answered: match p.get(11)?.as_str() {
                "1" => true,
                "0" => false,
                _ => return None,
            },
        },
        solution: Default::default(),
    })
}

/// Runs a sign panel flow in the module, loading it on first use; `apply` gets each event as
/// it happens. Only a module that could not be loaded or a flow that crashed is an error here:
/// what went wrong inside a flow comes as a notice event.
pub async fn sign_flow(
    catalog: &[u8],
    request: &sign::SignRequest,
    apply: impl Fn(sign::SignEvent) + 'static,
) -> Result<(), tdg_model::Text> {
    use crate::i18n::sign_panel as words;
    let module = module()
        .await
        .map_err(|why| words::flows_not_loaded(&why))?;
    let request = serde_json::to_string(request).map_err(|e| words::flow_failed(&e))?;
    let host = Closure::<dyn Fn(u32, js_sys::Array)>::new(move |kind, parts: js_sys::Array| {
        let parts = parts.iter().map(|p| p.as_string().unwrap_or_default());
        if let Some(event) = sign::SignEvent::decode(kind, parts.collect()) {
            apply(event);
        }
    });
    let running = module
        .sign_flow(catalog, &request, host.as_ref().unchecked_ref())
        .map_err(|e| words::flow_failed(&crate::browser::js_text(e)))?;
    let outcome = wasm_bindgen_futures::JsFuture::from(running).await;
    // The module calls `host` only while the flow runs: it is dropped after.
    drop(host);
    outcome
        .map(|_| ())
        .map_err(|e| words::flow_failed(&crate::browser::js_text(e)))
}

#[wasm_bindgen(inline_js = "
let loaded;
export function load_views() {
  // This snippet lives in snippets/<crate>/; the module sits at the site's root, next to the app.
  // A failed load is forgotten, so that trying again fetches again.
  loaded ??= (async () => {
    const mod = await import(new URL('../../tdg_views.js', import.meta.url).href);
    await mod.default({ module_or_path: new URL('../../tdg_views_bg.wasm', import.meta.url) });
    return mod;
  })().catch((error) => { loaded = undefined; throw error; });
  return loaded;
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_views() -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The loaded `tdg_views.js` module (crates/views): its exported functions are methods.
    pub type ViewsModule;
    /// Mounts the print view in `root`; `host(kind, field, text)` receives each [`PrintEvent`].
    #[wasm_bindgen(method, catch)]
    pub fn print_open(
        this: &ViewsModule,
        root: &web_sys::Element,
        catalog: &[u8],
        input: &str,
        host: &js_sys::Function,
    ) -> Result<(), JsValue>;
    /// Shows a new [`PrintInput`] in the mounted print view.
    #[wasm_bindgen(method, catch)]
    pub fn print_update(this: &ViewsModule, input: &str) -> Result<(), JsValue>;
    /// Removes the print view.
    #[wasm_bindgen(method)]
    pub fn print_close(this: &ViewsModule);
    /// Reads and checks an exercises file: [`exercises_to_wire`]'s strings.
    #[wasm_bindgen(method, catch)]
    fn exercises_read(
        this: &ViewsModule,
        catalog: &[u8],
        file: &[u8],
    ) -> Result<js_sys::Array, JsValue>;
    /// Runs a sign panel flow ([`sign::SignRequest`], JSON); `host(kind, strings)` receives
    /// each [`sign::SignEvent`]. The promise settles when the flow is over.
    #[wasm_bindgen(method, catch)]
    fn sign_flow(
        this: &ViewsModule,
        catalog: &[u8],
        request: &str,
        host: &js_sys::Function,
    ) -> Result<js_sys::Promise, JsValue>;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new text field fails to compile here until it is given a number in `DOC_FIELDS`.
    fn listed(field: DocField) -> bool {
        use DocField::*;
        match field {
            GoverningBody | Addressee | Number | IssuerCode | Place | SignerOnBehalfOf
            | SignerPosition | SignerName | Recipients | Shortcomings | Proposals | ContactName
            | ContactPhone | PersonName | PersonPosition | PersonWorkplace | HeadName
            | HeadPosition => DOC_FIELDS.contains(&field),
        }
    }

    #[test]
    fn every_print_event_crosses_to_the_other_module_and_back() {
        let mut events = vec![
            PrintEvent::Back,
            PrintEvent::Edit(DocEdit::SendOn(None)),
            PrintEvent::Edit(DocEdit::SendOn(Some(
                Date::new(2026, 2, 3).expect("a date"),
            ))),
        ];
        for field in DOC_FIELDS {
            assert!(listed(field));
            events.push(PrintEvent::Edit(DocEdit::Text(
                field,
                "Sở Nội vụ\nô".into(),
            )));
        }
        events.extend(
            Authority::ALL
                .iter()
                .map(|a| PrintEvent::Edit(DocEdit::Authority(*a))),
        );
        for event in events {
            let (kind, field, text) = event.encode();
            assert_eq!(PrintEvent::decode(kind, field, text), Some(event.clone()));
            assert_eq!(
                PrintEvent::from_action(event.clone().into_action()),
                Some(event)
            );
        }
    }

    #[test]
    fn values_of_another_build_are_ignored() {
        assert_eq!(PrintEvent::decode(9, 0, String::new()), None);
        assert_eq!(PrintEvent::decode(TEXT, 18, "x".into()), None);
        assert_eq!(PrintEvent::decode(AUTHORITY, 5, String::new()), None);
        assert_eq!(PrintEvent::decode(SEND_ON, 0, "31/12/2026".into()), None);
        assert_eq!(PrintEvent::from_action(Action::DismissNotice), None);
    }

    #[test]
    fn the_input_reads_back_as_written() {
        let input = PrintInput {
            draft: Draft::default(),
            signed: Some(PrintSigned {
                file_name: "a.json".into(),
                sha256: "ab".repeat(32),
                signed_on: Date::new(2026, 11, 28).expect("a date"),
            }),
            fingerprint: Some("z6Mk".into()),
            day: Date::new(2026, 11, 28).expect("a date"),
            today: Date::new(2026, 11, 29).expect("a date"),
            lang: Lang::En,
            training: true,
        };
        let json = serde_json::to_string_pretty(&input).expect("writes");
        assert_eq!(
            serde_json::from_str::<PrintInput>(&json).expect("reads"),
            input
        );
    }

    #[test]
    fn exercises_read_in_the_module_cross_back_as_they_were_read() {
        let catalog = tdg_model::Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("the shipped catalog");
        let shipped = include_bytes!("../../../assets/training/exercises.json");
        let mut set = crate::training::check_exercises(shipped, &catalog).expect("the shipped set");
        assert!(set.exercises.iter().any(|e| !e.solution.is_empty()));
        assert!(set.exercises.iter().any(|e| e.goal.band.is_some()));
        // A band with an empty id and a goal of both kinds cross too.
        set.exercises[0].goal = Goal {
            band: Some(String::new()),
            all_answered: true,
        };
        let back = exercises_from_wire(exercises_to_wire(&Ok(set.clone())))
            .expect("written by this file")
            .expect("a set");
        for e in &mut set.exercises {
            e.solution.clear();
        }
        assert_eq!(back, set);
        let refused = crate::training::check_exercises(&shipped[..100], &catalog);
        assert!(refused.is_err());
        assert_eq!(
            exercises_from_wire(exercises_to_wire(&refused)),
            Some(refused)
        );
    }

    #[test]
    fn exercises_of_another_build_are_not_guessed_at() {
        let wire =
            |parts: &[&str]| exercises_from_wire(parts.iter().map(|p| p.to_string()).collect());
        assert_eq!(wire(&[]), None);
        assert_eq!(wire(&["other"]), None);
        assert_eq!(wire(&[READ, "1", "vi", "en", "only", "two"]), None);
        let mut one = vec![READ, "1", "vi", "en"];
        one.extend([
            "id", "s", "t", "t", "q", "q", "h", "h", "a", "a", "band", "1",
        ]);
        assert_eq!(wire(&one), None, "a band without its marker");
        assert!(matches!(
            wire(
                &one.iter()
                    .map(|p| if *p == "band" { "=band" } else { p })
                    .collect::<Vec<_>>()
            ),
            Some(Ok(_))
        ));
    }
}
