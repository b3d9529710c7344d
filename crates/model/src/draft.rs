//! A unit's work in progress: who the unit is and its answer sheet. The app saves it on every
//! change; a draft file can be exported and imported, and an import is validated in full before
//! it replaces anything (design invariant 5).

use crate::answer::AnswerSheet;
use crate::catalog::{Catalog, Office};
use crate::date::Date;
use crate::numbers::{find_unsafe_number, UnsafeNumber};
use crate::strict_json::StrictJsonError;
use crate::text::Lang;
use serde::{Deserialize, Serialize};

pub const DRAFT_KIND: &str = "tdg-draft";
pub const DRAFT_VERSION: u32 = 1;
/// A draft is a few KB; anything far larger is not one.
pub const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnitInfo {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub code: String,
    /// The emulation cluster or block (cụm, khối thi đua).
    #[serde(default)]
    pub group: String,
}

impl UnitInfo {
    /// The unit a training sample (`assets/samples/<key>.json`) is opened as: a name that
    /// reads like a real header of its tier ("ỦY BAN NHÂN DÂN XÃ MẪU", "SỞ MẪU A") rather
    /// than the tier's name, "mẫu" in every name so nobody takes it for a real unit, and a
    /// cluster or block only where the tier has one.
    pub fn sample(tier: &str, key: &str) -> UnitInfo {
        let (name, group) = match tier {
            "so-nganh" => ("Sở Mẫu A", "Khối mẫu"),
            "quan-huyen" => ("Ủy ban nhân dân huyện Mẫu", "Cụm mẫu"),
            "xa-phuong" => ("Ủy ban nhân dân xã Mẫu", "Cụm mẫu"),
            "doanh-nghiep" => ("Công ty TNHH Mẫu", ""),
            "ca-nhan" => ("Nguyễn Văn Mẫu", ""),
            _ => ("Đơn vị mẫu", ""),
        };
        UnitInfo {
            name: name.into(),
            code: format!("MAU-{}", key.to_ascii_uppercase()),
            group: group.into(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Draft {
    pub unit: UnitInfo,
    pub sheet: AnswerSheet,
    /// What the printed report needs besides the answers. Absent from drafts written before
    /// it existed (they load with it empty), and left out when empty, so a draft without it
    /// is written exactly as before. Boxed: a dozen strings would otherwise make every draft
    /// (and every message carrying one) several hundred bytes larger.
    #[serde(
        default,
        skip_serializing_if = "DocumentDetails::is_empty",
        deserialize_with = "read_details"
    )]
    pub document: Box<DocumentDetails>,
}

/// Reads the details out of line: a draft is read in several places (the stored draft, the
/// previous drafts, an imported file), and inlining these twenty fields into each cost the
/// browser app's first load several KB.
#[inline(never)]
fn read_details<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Box<DocumentDetails>, D::Error> {
    DocumentDetails::deserialize(d).map(Box::new)
}

/// The printed report's own details, in the layout of Decree 30/2020/NĐ-CP (Appendix I), and,
/// for an individual, who reports. None of it is in the signed JSON report: the paper copy,
/// signed by hand and sealed, is what carries them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DocumentDetails {
    /// The governing body printed above the unit's name ("UBND THÀNH PHỐ HẢI PHÒNG").
    pub governing_body: String,
    /// "Kính gửi", where the catalog only describes the addressee (a commune's district, the
    /// body that puts an enterprise forward): the unit names it.
    pub addressee: String,
    /// The document's number ("Số"); empty when the records office assigns it on issue.
    pub number: String,
    /// The issuing body's abbreviation after "BC-" ("UBND", "SKHCN").
    pub issuer_code: String,
    /// The place in the date line; "Hải Phòng" when empty.
    pub place: String,
    /// The day the unit intends to send the report; today when absent. A what-if: a signed
    /// report always carries the day it was signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_on: Option<Date>,
    /// Who signs a unit's report, and with what authority.
    pub signer_authority: Authority,
    /// The head (or body) on whose behalf the signer signs, after the abbreviation:
    /// "GIÁM ĐỐC" in "KT. GIÁM ĐỐC", "ỦY BAN NHÂN DÂN" in "TM. ỦY BAN NHÂN DÂN".
    pub signer_on_behalf_of: String,
    /// The signer's own position ("PHÓ GIÁM ĐỐC").
    pub signer_position: String,
    pub signer_name: String,
    /// "Nơi nhận", one recipient a line.
    pub recipients: String,
    /// "Tồn tại, hạn chế".
    pub shortcomings: String,
    /// "Đề xuất, kiến nghị".
    pub proposals: String,
    pub contact_name: String,
    pub contact_phone: String,
    /// For the individuals' tier: the person who reports, and the head of their unit who
    /// confirms the report.
    pub person_name: String,
    pub person_position: String,
    pub person_workplace: String,
    pub head_name: String,
    pub head_position: String,
}

/// The signing authority of Decree 30/2020/NĐ-CP: on one's own (none), on behalf of a
/// collective body (TM.), for the head (KT.), by order (TL.), by delegation (TUQ.).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Authority {
    #[default]
    None,
    Tm,
    Kt,
    Tl,
    Tuq,
}

impl Authority {
    pub const ALL: [Authority; 5] = [
        Authority::None,
        Authority::Kt,
        Authority::Tl,
        Authority::Tm,
        Authority::Tuq,
    ];

    /// The abbreviation printed before the head's title; empty for none.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Authority::None => "",
            Authority::Tm => "TM.",
            Authority::Kt => "KT.",
            Authority::Tl => "TL.",
            Authority::Tuq => "TUQ.",
        }
    }

    /// A stable id for forms.
    pub fn id(self) -> &'static str {
        match self {
            Authority::None => "none",
            Authority::Tm => "tm",
            Authority::Kt => "kt",
            Authority::Tl => "tl",
            Authority::Tuq => "tuq",
        }
    }

    pub fn from_id(id: &str) -> Option<Authority> {
        Authority::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// One text field of [`DocumentDetails`], for the form that edits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocField {
    GoverningBody,
    Addressee,
    Number,
    IssuerCode,
    Place,
    SignerOnBehalfOf,
    SignerPosition,
    SignerName,
    Recipients,
    Shortcomings,
    Proposals,
    ContactName,
    ContactPhone,
    PersonName,
    PersonPosition,
    PersonWorkplace,
    HeadName,
    HeadPosition,
}

/// The place printed when the unit names none.
pub const DEFAULT_PLACE: &str = "Hải Phòng";

/// The tier whose members report as individuals (a report of achievements signed by the
/// person and confirmed by the head of their unit, not a unit's report). The one place that
/// knows it; it belongs in the catalog once tiers say what kind of reporter they have.
pub fn reports_as_individual(tier: &str) -> bool {
    tier == "ca-nhan"
}

impl DocumentDetails {
    /// Offers the tier's usual signature block (`to`) where the unit has not typed its own:
    /// the signer fields are blank, or still hold the suggestion of the tier it left (`from`).
    /// Whatever the unit typed is never replaced; the signer's name is never touched.
    pub fn suggest_signer(
        &mut self,
        from: Option<&crate::catalog::SignerSuggestion>,
        to: Option<&crate::catalog::SignerSuggestion>,
    ) {
        let blank = self.signer_authority == Authority::None
            && self.signer_on_behalf_of.trim().is_empty()
            && self.signer_position.trim().is_empty();
        let as_suggested = from.is_some_and(|s| {
            self.signer_authority == s.authority
                && self.signer_on_behalf_of == s.on_behalf_of
                && self.signer_position == s.position
        });
        if !(blank || as_suggested) {
            return;
        }
        match to {
            Some(s) => {
                self.signer_authority = s.authority;
                self.signer_on_behalf_of = s.on_behalf_of.clone();
                self.signer_position = s.position.clone();
            }
            None => {
                self.signer_authority = Authority::None;
                self.signer_on_behalf_of.clear();
                self.signer_position.clear();
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == DocumentDetails::default()
    }

    /// Sets one text field.
    pub fn set(&mut self, field: DocField, value: String) {
        let slot = match field {
            DocField::GoverningBody => &mut self.governing_body,
            DocField::Addressee => &mut self.addressee,
            DocField::Number => &mut self.number,
            DocField::IssuerCode => &mut self.issuer_code,
            DocField::Place => &mut self.place,
            DocField::SignerOnBehalfOf => &mut self.signer_on_behalf_of,
            DocField::SignerPosition => &mut self.signer_position,
            DocField::SignerName => &mut self.signer_name,
            DocField::Recipients => &mut self.recipients,
            DocField::Shortcomings => &mut self.shortcomings,
            DocField::Proposals => &mut self.proposals,
            DocField::ContactName => &mut self.contact_name,
            DocField::ContactPhone => &mut self.contact_phone,
            DocField::PersonName => &mut self.person_name,
            DocField::PersonPosition => &mut self.person_position,
            DocField::PersonWorkplace => &mut self.person_workplace,
            DocField::HeadName => &mut self.head_name,
            DocField::HeadPosition => &mut self.head_position,
        };
        *slot = value;
    }

    /// The value of one text field.
    pub fn get(&self, field: DocField) -> &str {
        match field {
            DocField::GoverningBody => &self.governing_body,
            DocField::Addressee => &self.addressee,
            DocField::Number => &self.number,
            DocField::IssuerCode => &self.issuer_code,
            DocField::Place => &self.place,
            DocField::SignerOnBehalfOf => &self.signer_on_behalf_of,
            DocField::SignerPosition => &self.signer_position,
            DocField::SignerName => &self.signer_name,
            DocField::Recipients => &self.recipients,
            DocField::Shortcomings => &self.shortcomings,
            DocField::Proposals => &self.proposals,
            DocField::ContactName => &self.contact_name,
            DocField::ContactPhone => &self.contact_phone,
            DocField::PersonName => &self.person_name,
            DocField::PersonPosition => &self.person_position,
            DocField::PersonWorkplace => &self.person_workplace,
            DocField::HeadName => &self.head_name,
            DocField::HeadPosition => &self.head_position,
        }
    }

    /// "Số: 12/BC-UBND". An empty number is left blank for the records office to write in
    /// by hand (no-break spaces keep the gap); an empty abbreviation is shown as "…".
    pub fn number_line(&self) -> String {
        let number = self.number.trim();
        let number = if number.is_empty() {
            "\u{a0}".repeat(8)
        } else {
            number.to_string()
        };
        let code = self.issuer_code.trim();
        let code = if code.is_empty() { "…" } else { code };
        format!("Số: {number}/BC-{code}")
    }

    /// The addressee after "Kính gửi:": what the unit typed; else the office the catalog names;
    /// else, where the catalog only describes it (`Office::via`: "the district the commune
    /// belongs to"), a dotted line to fill in by hand, never the description itself.
    pub fn addressee_line(&self, office: Option<&Office>) -> String {
        let typed = self.addressee.trim();
        match office {
            _ if !typed.is_empty() => typed.to_string(),
            Some(o) if !o.via.is_blank() => "……………………………………".to_string(),
            Some(o) => o.name.get(Lang::Vi).to_string(),
            None => String::new(),
        }
    }

    /// The place and date line for the day the report is dated.
    pub fn date_line(&self, day: Date) -> String {
        let place = self.place.trim();
        day.document_line(if place.is_empty() {
            DEFAULT_PLACE
        } else {
            place
        })
    }

    /// The lines above a unit's signature: "KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC"; only the
    /// position when the signer signs on their own authority (or names no one to sign for).
    pub fn signer_title_lines(&self) -> Vec<String> {
        let position = self.signer_position.trim().to_string();
        let head = self.signer_on_behalf_of.trim();
        if self.signer_authority == Authority::None || head.is_empty() {
            vec![position]
        } else {
            vec![
                format!("{} {head}", self.signer_authority.abbreviation()),
                position,
            ]
        }
    }

    /// The lines of "Nơi nhận", each starting with "- "; "Như trên" and the records office's
    /// copy ("Lưu: VT") when the unit typed none.
    pub fn recipient_lines(&self) -> Vec<String> {
        let lines: Vec<String> = self
            .recipients
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '–', '•']).trim())
            .filter(|l| !l.is_empty())
            .map(|l| format!("- {l}"))
            .collect();
        if lines.is_empty() {
            vec!["- Như trên;".into(), "- Lưu: VT.".into()]
        } else {
            lines
        }
    }
}

impl Draft {
    /// The printed report's top-left block (Decree 30/2020: the governing body above the
    /// issuing body), upper-cased by the print. For an individual's report of achievements it
    /// is the unit the person works in, under its governing body, and nothing when the person
    /// names no workplace: never the person's own name where an agency belongs.
    pub fn issuer_lines(&self, individual: bool) -> Vec<String> {
        let governing = self.document.governing_body.trim();
        let issuer = if individual {
            self.document.person_workplace.trim()
        } else {
            self.unit.name.trim()
        };
        if issuer.is_empty() && individual {
            return Vec::new();
        }
        [governing, issuer]
            .into_iter()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    /// The person who reports, for an individual: the print form's name, else the "Họ và
    /// tên" given at the start (the individual's unit name field).
    pub fn reporter_name(&self) -> &str {
        match self.document.person_name.trim() {
            "" => self.unit.name.trim(),
            typed => typed,
        }
    }

    /// "Khối thi đua: Khối 3" in the tier's own word for the year (a listed group by its
    /// name); `None` when the tier is not ranked in a cluster or block that year (an
    /// enterprise, a person) or none is given.
    pub fn group_line(&self, catalog: &Catalog, lang: Lang) -> Option<String> {
        let tier = catalog.tier(&self.sheet.tier)?;
        let typed = self.unit.group.trim();
        if typed.is_empty() {
            return None;
        }
        let group = catalog
            .emulation_groups(&tier.id, self.sheet.period)
            .find(|g| g.id == typed)
            .map_or(typed, |g| g.name.get(lang));
        let label = match tier.group_label(self.sheet.period)? {
            Some(label) => label.get(lang).to_string(),
            None => match lang {
                Lang::Vi => "Cụm, khối thi đua".into(),
                Lang::En => "Emulation cluster or block".into(),
            },
        };
        Some(format!("{label}: {group}"))
    }
}

/// The exported file: the draft with what it was made for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftFile {
    pub kind: String,
    pub version: u32,
    pub catalog_id: String,
    pub catalog_version: String,
    pub draft: Draft,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("the file is too large to be a draft ({0} bytes)")]
    TooLarge(usize),
    #[error("the file is not a draft of this tool (line {line}, column {column}: {message})")]
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the file is not a draft of this tool")]
    WrongKind,
    #[error("draft version {0} is not supported")]
    UnknownVersion(u32),
    #[error("the draft is for catalog '{0}', not the one loaded")]
    OtherCatalog(String),
    #[error("the draft does not fit the catalog: {0}")]
    DoesNotFit(String),
    #[error(transparent)]
    UnsafeNumber(#[from] UnsafeNumber),
    /// A key given twice in one object, or nesting too deep.
    #[error("the file is not a valid draft: {0}")]
    Structure(StrictJsonError),
}

impl crate::Localized for DraftError {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => {
                format!("The draft was not imported: {self}. Your current draft is unchanged.")
            }
            Lang::Vi => {
                let why = match self {
                    DraftError::TooLarge(n) => format!("tệp quá lớn để là bản nháp ({n} byte)"),
                    DraftError::Malformed { line, column, .. } => {
                        format!("tệp không phải bản nháp của công cụ này (lỗi ở dòng {line}, cột {column})")
                    }
                    DraftError::WrongKind => "tệp không phải bản nháp của công cụ này".into(),
                    DraftError::UnknownVersion(v) => format!("không hỗ trợ bản nháp phiên bản {v}"),
                    DraftError::OtherCatalog(id) => {
                        format!("bản nháp dùng danh mục '{id}', không phải danh mục đang dùng")
                    }
                    DraftError::DoesNotFit(e) => format!("bản nháp không khớp danh mục: {e}"),
                    DraftError::UnsafeNumber(n) => n.message(Lang::Vi),
                    DraftError::Structure(e) => e.message(crate::Lang::Vi),
                };
                format!("Chưa nhập bản nháp: {why}. Bản nháp hiện tại được giữ nguyên.")
            }
        }
    }
}

/// The version of the draft record the app keeps on the device (not the exported file, which
/// has its own `version`). Version 1 was the bare draft, `{"unit": …, "sheet": …}` with no
/// version field, as written until issue 8; version 2 wraps it with its version, the time it
/// was saved and whether it is a training sample.
pub const STORED_DRAFT_VERSION: u32 = 2;

/// A draft as the app keeps it on the device (the current draft and each previous draft).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoredDraft {
    pub version: u32,
    /// When it was saved or set aside (RFC 3339, UTC); empty for a migrated version 1 draft,
    /// which carried no time.
    #[serde(default)]
    pub saved_at: String,
    /// A sample unit opened for training, not a unit's own work: never kept as a previous draft.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
    pub draft: Draft,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Why a stored draft cannot be read. Its text is then set aside, never parsed as if it were
/// something else and never overwritten.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredDraftError {
    #[error("it was written by a newer version of the app (draft version {0})")]
    Newer(u64),
    #[error("it is damaged ({0})")]
    Damaged(String),
}

impl StoredDraftError {
    /// The reason, as a clause for a sentence in `lang`.
    pub fn reason(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, e) => e.to_string(),
            (Lang::Vi, StoredDraftError::Newer(v)) => {
                format!("do phiên bản mới hơn của ứng dụng ghi (bản nháp phiên bản {v})")
            }
            (Lang::Vi, StoredDraftError::Damaged(why)) => format!("bị hỏng ({why})"),
        }
    }
}

impl StoredDraft {
    pub fn new(draft: Draft, saved_at: impl Into<String>, sample: bool) -> StoredDraft {
        StoredDraft {
            version: STORED_DRAFT_VERSION,
            saved_at: saved_at.into(),
            sample,
            draft,
        }
    }

    /// Pretty JSON, the one writer the app carries (the exported file uses it too).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a stored draft of any version this app knows, migrated to the current one.
    pub fn parse(text: &str) -> Result<StoredDraft, StoredDraftError> {
        let damaged = |e: serde_json::Error| StoredDraftError::Damaged(e.to_string());
        let header: DraftHeader = serde_json::from_str(text).map_err(damaged)?;
        match header.version {
            // Version 1: the bare draft. Nothing in it changed meaning; it only gains the
            // wrapper (no time: it was not recorded).
            None => Ok(StoredDraft::new(
                serde_json::from_str::<Draft>(text).map_err(damaged)?,
                "",
                false,
            )),
            Some(v) if v == u64::from(STORED_DRAFT_VERSION) => {
                serde_json::from_str(text).map_err(damaged)
            }
            Some(v) if v > u64::from(STORED_DRAFT_VERSION) => Err(StoredDraftError::Newer(v)),
            Some(v) => Err(StoredDraftError::Damaged(format!("unknown version {v}"))),
        }
    }
}

/// The report's file name: `<unit-code>-<year>-bao-cao.json`, the code made file-safe; a
/// training report's ends in `-TAP-HUAN.json`, so a file in Downloads never looks like a real one.
pub fn report_file_name(unit_code: &str, period: i32, training: bool) -> String {
    format!(
        "{}-{period}-bao-cao{}.json",
        file_safe_code(unit_code),
        training_suffix(training)
    )
}

/// The key backup's file name: `<unit-code>-khoa-sao-luu.json`, or `-khoa-sao-luu-TAP-HUAN.json`
/// for a training key.
pub fn key_backup_file_name(unit_code: &str, training: bool) -> String {
    format!(
        "{}-khoa-sao-luu{}.json",
        file_safe_code(unit_code),
        training_suffix(training)
    )
}

fn training_suffix(training: bool) -> &'static str {
    if training {
        "-TAP-HUAN"
    } else {
        ""
    }
}

/// The unit code with anything but ASCII letters, digits, `-` and `_` replaced by `-`.
pub fn file_safe_code(unit_code: &str) -> String {
    let safe: String = unit_code
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if safe.is_empty() {
        "don-vi".to_string()
    } else {
        safe
    }
}

impl DraftFile {
    pub fn new(catalog: &Catalog, draft: &Draft) -> DraftFile {
        DraftFile {
            kind: DRAFT_KIND.into(),
            version: DRAFT_VERSION,
            catalog_id: catalog.id.clone(),
            catalog_version: catalog.version.clone(),
            draft: draft.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// The two fields that say what a file is; everything else is skipped at this stage.
#[derive(Deserialize)]
pub(crate) struct DraftHeader {
    pub(crate) kind: Option<String>,
    pub(crate) version: Option<u64>,
}

/// Reads a draft file and checks that it fits `catalog`: kind, version, catalog, tier, variant
/// and period. Field-level answer errors are kept (the user fixes them in the form).
pub fn import_draft(bytes: &[u8], catalog: &Catalog) -> Result<Draft, DraftError> {
    if bytes.len() > MAX_DRAFT_BYTES {
        return Err(DraftError::TooLarge(bytes.len()));
    }
    let malformed = |e: serde_json::Error| DraftError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    // First only what kind of file it is (so that another file gets "not a draft", and a newer
    // draft "unknown version"); then the draft itself, parsed once, straight from the bytes.
    // Text, not bytes: the app reads all its JSON from `&str`, and one reader type means one
    // copy of the parsing code in the browser app.
    let text = std::str::from_utf8(bytes).map_err(|_| DraftError::WrongKind)?;
    let header: DraftHeader = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => DraftError::WrongKind,
        _ => malformed(e),
    })?;
    if header.kind.as_deref() != Some(DRAFT_KIND) {
        return Err(DraftError::WrongKind);
    }
    match header.version {
        Some(v) if v == u64::from(DRAFT_VERSION) => {}
        Some(v) => return Err(DraftError::UnknownVersion(v.min(u64::from(u32::MAX)) as u32)),
        None => return Err(DraftError::WrongKind),
    }
    // No key given twice (serde would keep the last one, silently), no runaway nesting.
    crate::strict_json::check_structure(text).map_err(|e| match e {
        StrictJsonError::Syntax {
            line,
            column,
            message,
        } => DraftError::Malformed {
            line,
            column,
            message,
        },
        other => DraftError::Structure(other),
    })?;
    // The header parsed, so the text is JSON: every number token is now what serde reads.
    if let Some(number) = find_unsafe_number(text) {
        return Err(number.into());
    }
    let file: DraftFile = serde_json::from_str(text).map_err(malformed)?;
    if file.catalog_id != catalog.id {
        return Err(DraftError::OtherCatalog(file.catalog_id));
    }
    if !file.draft.sheet.tier.is_empty() {
        crate::score::resolve_tier(catalog, &file.draft.sheet)
            .map_err(|e| DraftError::DoesNotFit(e.to_string()))?;
    }
    Ok(file.draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Localized;

    fn catalog() -> Catalog {
        Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("valid")
    }

    fn draft() -> Draft {
        let sheet: AnswerSheet =
            serde_json::from_slice(include_bytes!("../../../assets/samples/xa-phuong.json"))
                .expect("sample");
        Draft {
            unit: UnitInfo {
                name: "UBND xã Ví Dụ".into(),
                code: "XA-01".into(),
                group: "Cụm 1".into(),
            },
            sheet,
            document: Box::default(),
        }
    }

    #[test]
    fn kinh_gui_names_an_office_never_the_catalogs_description_of_one() {
        let catalog = catalog();
        let mut doc = DocumentDetails::default();
        let named = catalog.office_for_tier("so-nganh", 2026);
        assert!(doc.addressee_line(named).starts_with("Sở "));
        let described = catalog.office_for_tier("doanh-nghiep", 2026);
        assert!(described.is_some_and(|o| !o.via.is_blank()));
        assert!(doc.addressee_line(described).starts_with("……"));
        doc.addressee = " Ủy ban nhân dân huyện Thủy Nguyên ".into();
        assert_eq!(
            doc.addressee_line(described),
            "Ủy ban nhân dân huyện Thủy Nguyên"
        );
    }

    #[test]
    fn export_then_import_gives_the_same_draft() {
        let catalog = catalog();
        let json = DraftFile::new(&catalog, &draft()).to_json();
        assert_eq!(import_draft(json.as_bytes(), &catalog), Ok(draft()));
    }

    #[test]
    fn a_draft_with_a_key_given_twice_is_refused_not_read_as_its_last_value() {
        let catalog = catalog();
        let json = DraftFile::new(&catalog, &draft()).to_json();
        // The unit's name twice: serde alone would keep the second, silently.
        let twice = json.replacen("\"name\":", "\"name\": \"Một tên\", \"name\":", 1);
        assert_ne!(twice, json);
        let error = import_draft(twice.as_bytes(), &catalog).expect_err("refused");
        assert!(
            matches!(&error, DraftError::Structure(StrictJsonError::DuplicateKey { key, .. }) if key == "name"),
            "{error:?}"
        );
        assert!(error.message(Lang::Vi).contains("xuất hiện hai lần"));
    }

    #[test]
    fn malformed_drafts_are_refused_with_a_reason() {
        let catalog = catalog();
        assert!(matches!(
            import_draft(b"{\"kind\": ", &catalog),
            Err(DraftError::Malformed { line: 1, .. })
        ));
        assert_eq!(
            import_draft(b"{\"kind\":\"other\"}", &catalog),
            Err(DraftError::WrongKind)
        );
        assert_eq!(import_draft(b"[1,2]", &catalog), Err(DraftError::WrongKind));
        let json = DraftFile::new(&catalog, &draft()).to_json();
        assert_eq!(
            import_draft(
                json.replace("\"version\": 1", "\"version\": 7").as_bytes(),
                &catalog
            ),
            Err(DraftError::UnknownVersion(7))
        );
        assert!(matches!(
            import_draft(json.replace("hp-175-kh-ubnd", "khac").as_bytes(), &catalog),
            Err(DraftError::OtherCatalog(_))
        ));
        assert!(matches!(
            import_draft(
                json.replace("\"period\": 2026", "\"period\": 1999")
                    .as_bytes(),
                &catalog
            ),
            Err(DraftError::DoesNotFit(_))
        ));
        assert!(matches!(
            import_draft(
                json.replace("\"numerator\"", "\"numeratorr\"").as_bytes(),
                &catalog
            ),
            Err(DraftError::Malformed { .. })
        ));
        for bad in ["9007199254740992", "9007199254740993", "3.0", "3e0", "-0"] {
            let text = json.replacen("\"count\": 4", &format!("\"count\": {bad}"), 1);
            assert_ne!(text, json, "the sample has a count of 4");
            let err = import_draft(text.as_bytes(), &catalog).expect_err(bad);
            assert!(matches!(err, DraftError::UnsafeNumber(_)), "{bad}: {err:?}");
            assert!(err.message(Lang::Vi).contains("dòng "), "{bad}");
            assert!(err.message(Lang::En).contains("line "), "{bad}");
        }
        let vi = DraftError::WrongKind.message(Lang::Vi);
        assert!(vi.contains("Bản nháp hiện tại được giữ nguyên"), "{vi}");
    }

    /// Today's stored format (version 1): the bare draft, exactly as the app wrote it before
    /// drafts carried a version (`serde_json::to_string_pretty(&draft)`).
    const V1: &str = include_str!("../../../tests/fixtures/drafts/v1.json");

    #[test]
    fn the_v1_fixture_is_what_the_app_wrote_before_versions() {
        let draft: Draft = serde_json::from_str(V1).expect("a bare draft");
        assert_eq!(
            serde_json::to_string_pretty(&draft).expect("json"),
            V1.trim_end()
        );
    }

    #[test]
    fn a_version_1_stored_draft_is_migrated() {
        let migrated = StoredDraft::parse(V1).expect("version 1 is read");
        assert_eq!(migrated.version, STORED_DRAFT_VERSION);
        assert_eq!(migrated.draft.unit.name, "UBND xã Ví Dụ");
        assert_eq!(
            migrated.draft.sheet.answers.len(),
            draft().sheet.answers.len()
        );
        assert_eq!(
            migrated.draft,
            serde_json::from_str::<Draft>(V1).expect("bare")
        );
        assert!(!migrated.sample);
        assert_eq!(migrated.saved_at, "", "version 1 recorded no time");
        // Written again, it is the current version, and reads back the same.
        let json = migrated.to_json();
        assert!(json.contains("\"version\": 2"), "{json}");
        assert_eq!(StoredDraft::parse(&json), Ok(migrated));
    }

    #[test]
    fn a_newer_or_damaged_stored_draft_is_not_read_as_an_old_one() {
        let current = StoredDraft::new(draft(), "2026-11-28T06:30:00Z", true).to_json();
        assert!(StoredDraft::parse(&current).expect("current").sample);
        let newer = current.replace("\"version\": 2", "\"version\": 3");
        assert_eq!(StoredDraft::parse(&newer), Err(StoredDraftError::Newer(3)));
        assert!(matches!(
            StoredDraft::parse(&V1[..V1.len() / 2]),
            Err(StoredDraftError::Damaged(_))
        ));
        assert!(matches!(
            StoredDraft::parse("\"text\""),
            Err(StoredDraftError::Damaged(_))
        ));
        assert!(matches!(
            StoredDraft::parse(&current.replace("\"version\": 2", "\"version\": 0")),
            Err(StoredDraftError::Damaged(_))
        ));
        let vi = StoredDraftError::Newer(3).reason(Lang::Vi);
        assert!(vi.contains("phiên bản mới hơn"), "{vi}");
    }

    /// A version 2 stored draft as the app wrote it before drafts had document details
    /// (issue 9): it must still load, with the details empty, and be written back unchanged.
    const V2: &str = include_str!("../../../tests/fixtures/drafts/v2.json");

    #[test]
    fn a_draft_written_before_document_details_still_loads() {
        let stored = StoredDraft::parse(V2).expect("version 2 without details is read");
        assert_eq!(*stored.draft.document, DocumentDetails::default());
        assert_eq!(stored.draft.unit.name, "UBND xã Ví Dụ");
        assert_eq!(stored.saved_at, "2026-11-27T09:30:00Z");
        assert_eq!(stored.to_json() + "\n", V2, "no empty details are written");
        let v1 = StoredDraft::parse(V1).expect("version 1");
        assert!(v1.draft.document.is_empty());
    }

    fn details() -> DocumentDetails {
        let mut d = DocumentDetails {
            send_on: Date::new(2026, 11, 5),
            ..DocumentDetails::default()
        };
        d.signer_authority = Authority::Kt;
        for (field, value) in [
            (DocField::GoverningBody, "UBND THÀNH PHỐ HẢI PHÒNG"),
            (DocField::Number, "125"),
            (DocField::IssuerCode, "UBND"),
            (DocField::SignerOnBehalfOf, "Chủ tịch"),
            (DocField::SignerPosition, "Phó Chủ tịch"),
            (DocField::SignerName, "Nguyễn Văn A"),
            (
                DocField::Recipients,
                "Sở Khoa học và Công nghệ;\n\n- Lưu: VT.",
            ),
            (DocField::Shortcomings, "Hạ tầng còn thiếu."),
            (DocField::Proposals, "Bổ sung kinh phí."),
            (DocField::ContactName, "Trần Thị B"),
            (DocField::ContactPhone, "0225 3821 000"),
            (DocField::PersonName, "Lê Văn C"),
            (DocField::PersonPosition, "Chuyên viên"),
            (DocField::PersonWorkplace, "Văn phòng UBND xã"),
            (DocField::HeadName, "Phạm Văn D"),
            (DocField::HeadPosition, "Chủ tịch UBND xã"),
            (DocField::Place, "Thủy Nguyên"),
        ] {
            d.set(field, value.into());
            assert_eq!(d.get(field), value);
        }
        d
    }

    #[test]
    fn document_details_travel_with_the_draft() {
        let catalog = catalog();
        let mut mine = draft();
        *mine.document = details();
        let stored = StoredDraft::new(mine.clone(), "2026-11-28T06:30:00Z", false);
        assert_eq!(StoredDraft::parse(&stored.to_json()), Ok(stored.clone()));
        let json = DraftFile::new(&catalog, &mine).to_json();
        assert!(json.contains("\"sendOn\": \"2026-11-05\""), "{json}");
        assert!(json.contains("\"signerAuthority\": \"kt\""), "{json}");
        assert_eq!(import_draft(json.as_bytes(), &catalog), Ok(mine));
        // A field this version does not know is refused, not dropped.
        let odd = json.replace("\"governingBody\"", "\"governingBodyX\"");
        assert!(matches!(
            import_draft(odd.as_bytes(), &catalog),
            Err(DraftError::Malformed { .. })
        ));
    }

    #[test]
    fn the_printed_lines_follow_decree_30() {
        let d = details();
        assert_eq!(d.number_line(), "Số: 125/BC-UBND");
        let blank = DocumentDetails::default();
        assert_eq!(
            blank.number_line(),
            "Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-…",
            "left for the records office to number"
        );
        let day = Date::new(2026, 3, 5).expect("real");
        assert_eq!(d.date_line(day), "Thủy Nguyên, ngày 05 tháng 3 năm 2026");
        assert_eq!(blank.date_line(day), "Hải Phòng, ngày 05 tháng 3 năm 2026");
        assert_eq!(
            d.recipient_lines(),
            vec!["- Sở Khoa học và Công nghệ;", "- Lưu: VT."]
        );
        assert_eq!(blank.recipient_lines(), vec!["- Như trên;", "- Lưu: VT."]);
        assert_eq!(d.signer_title_lines(), vec!["KT. Chủ tịch", "Phó Chủ tịch"]);
        let mut own = d.clone();
        own.signer_authority = Authority::None;
        assert_eq!(own.signer_title_lines(), vec!["Phó Chủ tịch"]);
        for (authority, abbreviation) in [
            (Authority::Tm, "TM."),
            (Authority::Tl, "TL."),
            (Authority::Tuq, "TUQ."),
        ] {
            own.signer_authority = authority;
            assert_eq!(
                own.signer_title_lines()[0],
                format!("{abbreviation} Chủ tịch")
            );
            assert_eq!(Authority::from_id(authority.id()), Some(authority));
        }
        assert_eq!(Authority::from_id("x"), None);
        assert!(reports_as_individual("ca-nhan"));
        assert!(!reports_as_individual("xa-phuong"));
    }
}
