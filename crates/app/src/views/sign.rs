//! The sign panel's flows in the on-demand module: what crosses between this app's panel
//! (`components/sign_panel.rs`, which keeps the panel's markup and state) and the flows that
//! make, re-open, restore, unlock and forget the key and sign (`sign_flows.rs`, run in
//! `tdg-views`). A unit does these once a year; the first load does not carry them.
//!
//! The panel sends a [`SignRequest`] (JSON) with the catalog's bytes; the flow answers with
//! [`SignEvent`]s, each a kind and a list of strings, which the panel applies: its own step and
//! password fields, or an `Action` for the reducer, which stays the only place where the draft
//! and the key's state change.

use crate::state::{Action, KeyInfo, KeyProtection, Notice, NoticeKind, SignedInfo};
use serde::{Deserialize, Serialize};
use tdg_model::draft::Draft;
use tdg_model::{Date, Lang, Text};

/// Which flow the panel starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignFlow {
    /// Score, sign with the stored key and download (the key is usable).
    Sign,
    /// A passphrase from the page's random bytes.
    Suggest,
    /// Make the key (or protect the old one) with `password`, download its backup.
    Create,
    /// Download the stored backup again.
    DownloadAgain,
    /// Re-open the backup just downloaded (`key-reopen-file`) with `password`, then sign.
    Reopen,
    /// Unlock a key kept only as its backup with `password`, then sign.
    Unlock,
    /// Forget the key on this computer, once the user confirmed.
    Forget,
    /// Restore a key from its backup (`key-backup-file`) with `password`.
    Restore,
}

/// What a flow needs from the panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignRequest {
    pub flow: SignFlow,
    pub draft: Draft,
    pub key: Option<KeyInfo>,
    /// The password typed for this flow (empty for the flows without one).
    pub password: String,
    /// Training mode: the key's area, the report's flag, the backup's name.
    pub training: bool,
    pub lang: Lang,
}

/// The panel's own step in making or unlocking the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignStep {
    Idle,
    /// Choose the backup's password; the key is made (or the old one protected).
    Create,
    /// Re-open the downloaded backup file with its password.
    Reopen,
    /// Unlock a key kept only as its backup (browsers without Ed25519 in WebCrypto).
    Unlock,
}

/// What a flow did that the panel applies.
#[derive(Clone, Debug, PartialEq)]
pub enum SignEvent {
    /// An action for the reducer (a notice, the key made, found or forgotten).
    Apply(Box<Action>),
    /// A report was signed and downloaded: the reducer learns it, and the portal link keeps its
    /// text for the portal's button (`portal::report_signed`, in this app's memory).
    Signed(SignedInfo, String),
    Step(SignStep),
    /// A suggested passphrase: both password fields take it.
    Suggested(String),
    /// The key was made: the password fields are emptied, the key shown highlighted.
    Created,
    /// The re-open or unlock password was used: its field is emptied.
    PasswordUsed,
}

/// The kinds of event on the wire.
const INFO: u32 = 0;
const ERROR: u32 = 1;
const KEY_READY: u32 = 2;
const KEY_FORGOTTEN: u32 = 3;
const SIGNED: u32 = 4;
const STEP: u32 = 5;
const SUGGESTED: u32 = 6;
const CREATED: u32 = 7;
const PASSWORD_USED: u32 = 8;

/// A fingerprint for people; an unreadable key has none.
pub fn display_fingerprint(fingerprint: &str) -> String {
    if fingerprint.is_empty() {
        "????-????-????-????-????".into()
    } else {
        fingerprint.to_string()
    }
}

const STEPS: [SignStep; 4] = [
    SignStep::Idle,
    SignStep::Create,
    SignStep::Reopen,
    SignStep::Unlock,
];

const PROTECTIONS: [KeyProtection; 5] = [
    KeyProtection::Browser,
    KeyProtection::Password,
    KeyProtection::Pending,
    KeyProtection::Legacy,
    KeyProtection::Unreadable,
];

fn position<T: PartialEq>(all: &[T], item: &T) -> String {
    super::index_of(all, item).to_string()
}

fn at<T: Copy>(all: &[T], text: &str) -> Option<T> {
    all.get(text.parse::<usize>().ok()?).copied()
}

impl SignEvent {
    pub fn apply(action: Action) -> SignEvent {
        SignEvent::Apply(Box::new(action))
    }

    /// `(kind, strings)` for the other module; `None` for an action no flow sends.
    pub fn encode(&self) -> Option<(u32, Vec<String>)> {
        Some(match self {
            SignEvent::Apply(action) => match &**action {
                Action::Notify(notice) => {
                    let kind = match notice.kind {
                        NoticeKind::Info => INFO,
                        NoticeKind::Error => ERROR,
                    };
                    (kind, vec![notice.text.vi.clone(), notice.text.en.clone()])
                }
                Action::KeyReady(key) => (
                    KEY_READY,
                    vec![
                        key.did.clone(),
                        key.fingerprint.clone(),
                        position(&PROTECTIONS, &key.protection),
                    ],
                ),
                Action::KeyForgotten => (KEY_FORGOTTEN, Vec::new()),
                _ => return None,
            },
            SignEvent::Signed(info, json) => (
                SIGNED,
                vec![
                    info.file_name.clone(),
                    info.sha256.clone(),
                    info.signed_on.to_string(),
                    json.clone(),
                ],
            ),
            SignEvent::Step(step) => (STEP, vec![position(&STEPS, step)]),
            SignEvent::Suggested(words) => (SUGGESTED, vec![words.clone()]),
            SignEvent::Created => (CREATED, Vec::new()),
            SignEvent::PasswordUsed => (PASSWORD_USED, Vec::new()),
        })
    }

    /// The event from the other module's values; `None` for values no version of this file
    /// writes (a module of another build).
    pub fn decode(kind: u32, parts: Vec<String>) -> Option<SignEvent> {
        let notice =
            |parts: Vec<String>, make: fn(Text) -> Notice| match <[String; 2]>::try_from(parts) {
                Ok([vi, en]) => Some(SignEvent::apply(Action::Notify(make(Text { vi, en })))),
                Err(_) => None,
            };
        match kind {
            INFO => notice(parts, Notice::info),
            ERROR => notice(parts, Notice::error),
            KEY_READY => {
                let [did, fingerprint, protection] = <[String; 3]>::try_from(parts).ok()?;
                Some(SignEvent::apply(Action::KeyReady(KeyInfo {
                    did,
                    fingerprint,
                    protection: at(&PROTECTIONS, &protection)?,
                })))
            }
            KEY_FORGOTTEN => Some(SignEvent::apply(Action::KeyForgotten)),
            SIGNED => {
                let [file_name, sha256, day, json] = <[String; 4]>::try_from(parts).ok()?;
                let signed_on = Date::parse_iso(&day).ok()?;
                Some(SignEvent::Signed(
                    SignedInfo {
                        file_name,
                        sha256,
                        signed_on,
                    },
                    json,
                ))
            }
            STEP => Some(SignEvent::Step(at(&STEPS, parts.first()?)?)),
            SUGGESTED => Some(SignEvent::Suggested(parts.into_iter().next()?)),
            CREATED => Some(SignEvent::Created),
            PASSWORD_USED => Some(SignEvent::PasswordUsed),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new step or protection fails to compile here until it is given a number.
    fn listed_step(step: SignStep) -> bool {
        match step {
            SignStep::Idle | SignStep::Create | SignStep::Reopen | SignStep::Unlock => {
                STEPS.contains(&step)
            }
        }
    }

    fn listed_protection(p: KeyProtection) -> bool {
        use KeyProtection::*;
        match p {
            Browser | Password | Pending | Legacy | Unreadable => PROTECTIONS.contains(&p),
        }
    }

    #[test]
    fn every_sign_event_crosses_to_the_other_module_and_back() {
        let text = Text {
            vi: "Đã ký và tải xuống a.json.".into(),
            en: "Signed and downloaded a.json.".into(),
        };
        let mut events = vec![
            SignEvent::apply(Action::Notify(Notice::info(text.clone()))),
            SignEvent::apply(Action::Notify(Notice::error(text))),
            SignEvent::apply(Action::KeyForgotten),
            SignEvent::Signed(
                SignedInfo {
                    file_name: "BAO-CAO.json".into(),
                    sha256: "ab".repeat(32),
                    signed_on: Date::new(2026, 11, 28).expect("a date"),
                },
                "{\"proof\":{}}\n".into(),
            ),
            SignEvent::Suggested("một hai ba".into()),
            SignEvent::Created,
            SignEvent::PasswordUsed,
        ];
        for step in STEPS {
            assert!(listed_step(step));
            events.push(SignEvent::Step(step));
        }
        for protection in PROTECTIONS {
            assert!(listed_protection(protection));
            events.push(SignEvent::apply(Action::KeyReady(KeyInfo {
                did: "did:key:z6Mk".into(),
                fingerprint: "ABCD-EFGH".into(),
                protection,
            })));
        }
        for event in events {
            let (kind, parts) = event.encode().expect("every flow event is encoded");
            assert_eq!(SignEvent::decode(kind, parts), Some(event));
        }
    }

    #[test]
    fn values_of_another_build_are_ignored() {
        assert_eq!(SignEvent::decode(99, Vec::new()), None);
        assert_eq!(SignEvent::decode(STEP, vec!["4".into()]), None);
        assert_eq!(SignEvent::decode(INFO, vec!["chỉ một".into()]), None);
        assert_eq!(
            SignEvent::decode(KEY_READY, vec!["d".into(), "f".into(), "5".into()]),
            None
        );
        assert_eq!(
            SignEvent::decode(
                SIGNED,
                vec!["a".into(), "b".into(), "28/11/2026".into(), "{}".into()]
            ),
            None
        );
        assert_eq!(SignEvent::apply(Action::DismissNotice).encode(), None);
    }

    #[test]
    fn the_request_reads_back_as_written() {
        let request = SignRequest {
            flow: SignFlow::Reopen,
            draft: Draft::default(),
            key: Some(KeyInfo {
                did: "did:key:z6Mk".into(),
                fingerprint: "ABCD".into(),
                protection: KeyProtection::Pending,
            }),
            password: "mật khẩu dài".into(),
            training: true,
            lang: Lang::En,
        };
        let json = serde_json::to_string(&request).expect("writes");
        assert_eq!(
            serde_json::from_str::<SignRequest>(&json).expect("reads"),
            request
        );
    }
}
