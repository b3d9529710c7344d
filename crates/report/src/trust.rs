//! The office's trust list (version 2): which key is registered for which unit, and for which
//! tier, variant and cluster or block, from when, until when, and whether it was revoked.
//!
//! Version 1 lists carried only a unit code per key, so a key registered for a commune could
//! sign a department's report. They are refused with a message that says how to convert them
//! (`tdg trust convert`, see [`convert_v1`]).

use serde::{Deserialize, Serialize};
use tdg_model::Date;
use unicode_normalization::UnicodeNormalization;

pub const TRUST_LIST_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustList {
    pub trust_list_version: u32,
    /// Who keeps the list (the receiving office).
    pub office: String,
    pub keys: Vec<RegisteredKey>,
}

/// One registration: a key for one unit, in one tier (and variant) and cluster or block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisteredKey {
    pub unit_code: String,
    #[serde(default)]
    pub unit_name: String,
    /// `did:key:z6Mk…`
    pub did: String,
    /// The catalog's tier id.
    pub tier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The cluster or block (cụm, khối thi đua); compared after [`normalize_label`].
    #[serde(default)]
    pub group: String,
    pub valid_from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// Reports judged (received, or else created) on or after this day are refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustListError {
    #[error("the trust list is not valid: {0}")]
    Invalid(String),
    #[error(
        "trust list version 1 binds keys to unit codes only; convert it to version 2 with \
         `tdg trust convert --csv UNITS.csv OLD.json > NEW.json` (the CSV gives each unit's \
         tier, variant, cluster or block and the day its key became valid)"
    )]
    Version1,
    #[error("trust list version {0} is not supported (this tool reads version 2)")]
    UnknownVersion(u32),
}

impl TrustListError {
    fn vietnamese(&self) -> String {
        match self {
            TrustListError::Invalid(why) => format!("Danh sách khóa không hợp lệ: {why}"),
            TrustListError::Version1 => "Danh sách khóa phiên bản 1 chỉ gắn khóa với mã đơn vị; \
                hãy chuyển sang phiên bản 2 bằng `tdg trust convert --csv DON-VI.csv CU.json > MOI.json` \
                (tệp CSV ghi cấp, phân loại, cụm/khối thi đua của từng đơn vị và ngày khóa bắt đầu có hiệu lực)."
                .into(),
            TrustListError::UnknownVersion(v) => {
                format!("Danh sách khóa phiên bản {v} chưa được hỗ trợ (công cụ đọc phiên bản 2).")
            }
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for TrustListError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
        }
    }
}

/// How a key stands against the trust list for one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum Registration {
    /// Registered for this unit, tier, variant and group, valid on the day judged.
    Valid,
    Unknown,
    /// Registered, but for other unit codes only.
    #[serde(rename_all = "camelCase")]
    OtherUnits {
        units: Vec<String>,
    },
    /// Registered for this unit code, but the report declares another tier, variant or group.
    #[serde(rename_all = "camelCase")]
    Mismatch {
        fields: Vec<FieldMismatch>,
    },
    #[serde(rename_all = "camelCase")]
    NotYetValid {
        valid_from: Date,
    },
    #[serde(rename_all = "camelCase")]
    Expired {
        valid_until: Date,
    },
    #[serde(rename_all = "camelCase")]
    Revoked {
        revoked_on: Date,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldMismatch {
    /// `tier`, `variant` or `group`.
    pub field: String,
    pub registered: String,
    pub declared: String,
    /// The catalog's names of a tier or variant id, for people (`verify` fills them in where
    /// it knows the catalog); `None` for a group, or an id the catalog does not have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered_name: Option<tdg_model::Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_name: Option<tdg_model::Text>,
}

/// What a report declares about its unit.
pub struct Declared<'a> {
    pub code: &'a str,
    pub tier: &'a str,
    pub variant: Option<&'a str>,
    pub group: &'a str,
}

impl TrustList {
    pub fn from_json(bytes: &[u8]) -> Result<TrustList, TrustListError> {
        let value =
            crate::strict_json::parse(bytes).map_err(|e| TrustListError::Invalid(e.to_string()))?;
        match value.get("trustListVersion").and_then(|v| v.as_u64()) {
            Some(1) => return Err(TrustListError::Version1),
            Some(2) => {}
            Some(v) => {
                return Err(TrustListError::UnknownVersion(
                    u32::try_from(v).unwrap_or(u32::MAX),
                ))
            }
            None => {
                return Err(TrustListError::Invalid(
                    "trustListVersion is missing".into(),
                ))
            }
        }
        let mut list: TrustList =
            serde_json::from_value(value).map_err(|e| TrustListError::Invalid(e.to_string()))?;
        // Each key in one form (without the `#fragment` a list written by hand may carry), so
        // that what reads the list (the office's register: one key, one unit) can compare keys
        // as text.
        for k in &mut list.keys {
            if let Ok(did) = crate::keys::canonical_did(&k.did) {
                k.did = did;
            }
        }
        for (i, k) in list.keys.iter().enumerate() {
            if k.valid_until.is_some_and(|u| u < k.valid_from) {
                return Err(TrustListError::Invalid(format!(
                    "keys[{i}]: validUntil is before validFrom"
                )));
            }
        }
        Ok(list)
    }

    /// The name the office registered for this key and unit code, if it registered one.
    pub fn registered_name(&self, did: &str, code: &str) -> Option<&str> {
        self.keys
            .iter()
            .find(|k| {
                same_key(&k.did, did) && k.unit_code == code && !k.unit_name.trim().is_empty()
            })
            .map(|k| k.unit_name.as_str())
    }

    /// Judges `did` for a report that declares `unit`, on `day` (the office's received date
    /// where given, else the proof's creation day).
    pub fn judge(&self, did: &str, unit: &Declared, day: Date) -> Registration {
        let mine: Vec<&RegisteredKey> =
            self.keys.iter().filter(|k| same_key(&k.did, did)).collect();
        if mine.is_empty() {
            return Registration::Unknown;
        }
        // A revocation is of the key, whatever unit or group the entry that carries it names.
        if let Some(revoked_on) = mine
            .iter()
            .filter_map(|k| k.revoked_on)
            .filter(|r| day >= *r)
            .min()
        {
            return Registration::Revoked { revoked_on };
        }
        let for_unit: Vec<&&RegisteredKey> =
            mine.iter().filter(|k| k.unit_code == unit.code).collect();
        if for_unit.is_empty() {
            let mut units: Vec<String> = mine.iter().map(|k| k.unit_code.clone()).collect();
            units.dedup();
            return Registration::OtherUnits { units };
        }
        // Several registrations of one key for one unit (a change of cluster, a renewal): the
        // first that fits decides; otherwise the first one's reason is given.
        let judged: Vec<Registration> = for_unit.iter().map(|k| judge_one(k, unit, day)).collect();
        judged
            .iter()
            .find(|r| **r == Registration::Valid)
            .unwrap_or(&judged[0])
            .clone()
    }
}

fn judge_one(k: &RegisteredKey, unit: &Declared, day: Date) -> Registration {
    let mut fields = Vec::new();
    let mut compare = |field: &str, registered: &str, declared: &str, same: bool| {
        if !same {
            fields.push(FieldMismatch {
                field: field.into(),
                registered: registered.into(),
                declared: declared.into(),
                registered_name: None,
                declared_name: None,
            });
        }
    };
    compare("tier", &k.tier, unit.tier, k.tier == unit.tier);
    let (rv, dv) = (
        k.variant.as_deref().unwrap_or(""),
        unit.variant.unwrap_or(""),
    );
    compare("variant", rv, dv, rv == dv);
    compare(
        "group",
        &k.group,
        unit.group,
        normalize_label(&k.group) == normalize_label(unit.group),
    );
    if !fields.is_empty() {
        return Registration::Mismatch { fields };
    }
    if day < k.valid_from {
        return Registration::NotYetValid {
            valid_from: k.valid_from,
        };
    }
    if let Some(revoked_on) = k.revoked_on.filter(|r| day >= *r) {
        return Registration::Revoked { revoked_on };
    }
    if let Some(valid_until) = k.valid_until.filter(|u| day > *u) {
        return Registration::Expired { valid_until };
    }
    Registration::Valid
}

/// A cluster or block name as compared: NFC, lower case, runs of white space as one space,
/// trimmed. "Cụm  thi đua số 3" and "cụm thi đua số 3" are one group.
pub fn normalize_label(text: &str) -> String {
    let nfc: String = text.nfc().collect::<String>().to_lowercase();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two `did:key` identifiers name one key: a report's issuer may carry the key's
/// `#fragment` and a list written by hand may too, so they are compared by the key's part
/// (`keys::did_key_id`), not as text. Anything that is not a `did:key` names no key.
fn same_key(a: &str, b: &str) -> bool {
    matches!(
        (crate::keys::did_key_id(a), crate::keys::did_key_id(b)),
        (Ok(x), Ok(y)) if x == y
    )
}

/// A version 1 list's key, as it was read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct V1Key {
    unit_code: String,
    #[serde(default)]
    unit_name: String,
    did: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct V1List {
    trust_list_version: u32,
    office: String,
    keys: Vec<V1Key>,
}

/// One unit's row of the conversion CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    pub unit_code: String,
    pub tier: String,
    pub variant: Option<String>,
    pub group: String,
    pub valid_from: Date,
    pub valid_until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("the old list is not a version 1 trust list: {0}")]
    NotVersion1(String),
    #[error("CSV line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("the CSV has no row for the units {0}")]
    MissingUnits(String),
}

impl ConvertError {
    fn vietnamese(&self) -> String {
        match self {
            ConvertError::NotVersion1(why) => {
                format!("Danh sách cũ không phải danh sách khóa phiên bản 1: {why}")
            }
            ConvertError::Csv { line, message } => format!("Tệp CSV, dòng {line}: {message}"),
            ConvertError::MissingUnits(codes) => {
                format!("Tệp CSV thiếu dòng cho các đơn vị: {codes}")
            }
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for ConvertError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
        }
    }
}

pub const CSV_HEADER: &str = "unitCode,tier,variant,group,validFrom,validUntil";

/// Reads the conversion CSV: a header line [`CSV_HEADER`], then one row per unit. Fields may be
/// quoted ("…", with "" for a quote) so that a group name can hold a comma.
pub fn read_unit_csv(text: &str) -> Result<Vec<UnitRow>, ConvertError> {
    let mut rows = Vec::new();
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let csv_err = |line: usize, message: String| ConvertError::Csv {
        line: line + 1,
        message,
    };
    let header_ok = lines
        .next()
        .is_some_and(|(_, h)| h.trim().trim_start_matches('\u{feff}') == CSV_HEADER);
    if !header_ok {
        return Err(csv_err(
            0,
            format!("the first line must be the header {CSV_HEADER}"),
        ));
    }
    for (i, line) in lines {
        let fields = split_csv_line(line).map_err(|m| csv_err(i, m))?;
        let [code, tier, variant, group, from, until] = fields.as_slice() else {
            return Err(csv_err(i, format!("expected 6 fields ({CSV_HEADER})")));
        };
        let date = |t: &str| Date::parse_iso(t.trim()).map_err(|e| csv_err(i, e.to_string()));
        let optional = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_string());
        if code.trim().is_empty() || tier.trim().is_empty() {
            return Err(csv_err(i, "unitCode and tier are required".into()));
        }
        let (valid_from, valid_until) = (
            date(from)?,
            match optional(until) {
                Some(u) => Some(date(&u)?),
                None => None,
            },
        );
        if valid_until.is_some_and(|u| u < valid_from) {
            return Err(csv_err(i, "validUntil is before validFrom".into()));
        }
        rows.push(UnitRow {
            unit_code: code.trim().to_string(),
            tier: tier.trim().to_string(),
            variant: optional(variant),
            group: group.trim().to_string(),
            valid_from,
            valid_until,
        });
    }
    Ok(rows)
}

/// Splits one CSV line into fields (RFC 4180 quoting, no line breaks inside fields).
fn split_csv_line(line: &str) -> Result<Vec<String>, String> {
    split_csv_fields(line, ',')
}

/// Splits one CSV line on `sep` (`,`, or `;` as Excel writes CSV where the decimal mark is a
/// comma), with RFC 4180 quoting and no line breaks inside fields. The office's unit register
/// reads its CSV with this too.
pub fn split_csv_fields(line: &str, sep: char) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, c) if c == sep => fields.push(std::mem::take(&mut field)),
            (_, c) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    fields.push(field);
    Ok(fields)
}

/// Converts a version 1 list to version 2, taking each key's tier, variant, group and validity
/// from the units CSV. Every unit of the old list needs a row; nothing is guessed.
pub fn convert_v1(old: &[u8], units: &[UnitRow]) -> Result<TrustList, ConvertError> {
    let value =
        crate::strict_json::parse(old).map_err(|e| ConvertError::NotVersion1(e.to_string()))?;
    let list: V1List =
        serde_json::from_value(value).map_err(|e| ConvertError::NotVersion1(e.to_string()))?;
    if list.trust_list_version != 1 {
        return Err(ConvertError::NotVersion1(format!(
            "its trustListVersion is {}",
            list.trust_list_version
        )));
    }
    let mut missing = Vec::new();
    let mut keys = Vec::new();
    for k in list.keys {
        match units.iter().find(|u| u.unit_code == k.unit_code) {
            Some(u) => keys.push(RegisteredKey {
                unit_code: k.unit_code,
                unit_name: k.unit_name,
                did: k.did,
                tier: u.tier.clone(),
                variant: u.variant.clone(),
                group: u.group.clone(),
                valid_from: u.valid_from,
                valid_until: u.valid_until,
                revoked_on: None,
            }),
            None => missing.push(k.unit_code),
        }
    }
    if !missing.is_empty() {
        return Err(ConvertError::MissingUnits(missing.join(", ")));
    }
    Ok(TrustList {
        trust_list_version: TRUST_LIST_VERSION,
        office: list.office,
        keys,
    })
}
