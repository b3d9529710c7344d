//! The office's unit register: the units it expects a report from and the key each signs with.
//! It is the trust list (version 2) seen as a table the office keeps in a spreadsheet: imported
//! from CSV or XLSX (English or Vietnamese headers), edited on the page, exported back as the
//! trust list JSON `tdg verify` and `tdg batch --trust` read, or as CSV that imports back the
//! same. Every bad row is named by its line and column in both languages; good rows are kept and
//! nothing is dropped silently.

use tdg_model::{Catalog, Date, Lang, Text};
use tdg_report::keys::{KeyError, PublicKey};
use tdg_report::trust::{normalize_label, split_csv_fields, RegisteredKey, TrustList};
use unicode_normalization::UnicodeNormalization;

/// A column of the register, in the order the export writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Code,
    Name,
    Tier,
    Variant,
    Group,
    Key,
    ValidFrom,
    ValidUntil,
    RevokedOn,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Code,
        Column::Name,
        Column::Tier,
        Column::Variant,
        Column::Group,
        Column::Key,
        Column::ValidFrom,
        Column::ValidUntil,
        Column::RevokedOn,
    ];

    /// The heading the export writes (Vietnamese: the office's spreadsheet).
    pub fn heading(self) -> &'static str {
        self.name(Lang::Vi)
    }

    /// The column's name in `lang`, as messages quote it.
    pub fn name(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Column::Code => ("Mã đơn vị", "Unit code"),
            Column::Name => ("Tên đơn vị", "Unit name"),
            Column::Tier => ("Cấp", "Tier"),
            Column::Variant => ("Loại", "Variant"),
            Column::Group => ("Cụm/Khối", "Cluster or block"),
            Column::Key => ("Khóa (did:key)", "Key (did:key)"),
            Column::ValidFrom => ("Hiệu lực từ", "Valid from"),
            Column::ValidUntil => ("Hiệu lực đến", "Valid until"),
            Column::RevokedOn => ("Ngày thu hồi", "Revoked on"),
        };
        if lang == Lang::En {
            en
        } else {
            vi
        }
    }

    /// The headings a spreadsheet may use for this column, compared after [`heading_key`].
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Code => &["code", "unitcode", "mã", "mãđơnvị"],
            Column::Name => &["name", "unitname", "tên", "tênđơnvị"],
            Column::Tier => &["tier", "cấp"],
            Column::Variant => &["variant", "loại", "loạihình", "phânloại"],
            Column::Group => &[
                "group",
                "cluster",
                "block",
                "clusterorblock",
                "clusterblock",
                "cụmkhối",
                "cụmkhốithiđua",
                "cụm",
                "khối",
            ],
            Column::Key => &[
                "key",
                "did",
                "didkey",
                "fingerprint",
                "keydidkey",
                "khóa",
                "khoá",
                "khóadidkey",
                "khoádidkey",
            ],
            Column::ValidFrom => &["validfrom", "hiệulựctừ", "từngày"],
            Column::ValidUntil => &["validuntil", "hiệulựcđến", "đếnngày"],
            Column::RevokedOn => &["revokedon", "revoked", "thuhồi", "ngàythuhồi"],
        }
    }

    fn required(self) -> bool {
        matches!(
            self,
            Column::Code | Column::Name | Column::Tier | Column::Key | Column::ValidFrom
        )
    }
}

/// A heading as compared: NFC, lower case, letters and digits only ("Khóa (did:key)" and
/// "khóa did key" are one heading).
fn heading_key(text: &str) -> String {
    normalize_label(text.trim_start_matches('\u{feff}'))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn column_of(heading: &str) -> Option<Column> {
    let key = heading_key(heading);
    Column::ALL
        .into_iter()
        .find(|c| c.aliases().contains(&key.as_str()))
}

/// What is wrong with one cell or row.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("this cell is required and empty")]
    Empty,
    #[error("the catalog has no tier “{text}”; write one of: {}", .accepted.en)]
    UnknownTier { text: String, accepted: Text },
    #[error("the tier “{tier}” has no variant “{variant}”; write one of: {}", .accepted.en)]
    UnknownVariant {
        tier: String,
        variant: String,
        accepted: Text,
    },
    #[error("the tier “{tier}” needs a variant: one of {}", .accepted.en)]
    VariantRequired { tier: String, accepted: Text },
    #[error("“{text}” cannot be used as a key: {why}")]
    BadKey { text: String, why: KeyError },
    #[error(
        "no key known here has the fingerprint {0}: a fingerprint cannot check a signature, \
         so give the did:key (or first load a trust list that holds that key or, in the office \
         view, the season with a report it signed)"
    )]
    UnknownFingerprint(String),
    #[error(
        "more than one key known here has the fingerprint {0}: give the did:key of the one meant"
    )]
    AmbiguousFingerprint(String),
    #[error("“{0}” is not a date (dd/mm/yyyy or yyyy-mm-dd)")]
    BadDate(String),
    #[error("the key's validity ends before it starts")]
    UntilBeforeFrom,
    #[error("the key is revoked before its validity starts ({from})", from = .0.display_vn())]
    RevokedBeforeFrom(Date),
    #[error("the unit {code} already has another key, still in force (line {line})")]
    DuplicateCode { code: String, line: usize },
    #[error("this key is already registered for the unit {code} (line {line})")]
    KeyOfAnotherUnit { code: String, line: usize },
    #[error("the same unit and key are already registered (line {line})")]
    DuplicateRow { line: usize },
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Problem::Empty => "ô bắt buộc nhưng để trống".into(),
            Problem::UnknownTier { text, accepted } => {
                format!(
                    "danh mục không có cấp “{text}”; hãy ghi một trong: {}",
                    accepted.vi
                )
            }
            Problem::UnknownVariant {
                tier,
                variant,
                accepted,
            } => format!(
                "cấp “{tier}” không có loại “{variant}”; hãy ghi một trong: {}",
                accepted.vi
            ),
            Problem::VariantRequired { tier, accepted } => {
                format!("cấp “{tier}” cần ghi loại: một trong {}", accepted.vi)
            }
            Problem::BadKey { text, why } => {
                let why = match why {
                    KeyError::NotDidKey => "không phải định danh did:key (did:key:z6Mk…)",
                    KeyError::NotMultibase => "không phải base58btc (phải bắt đầu bằng 'z')",
                    KeyError::NotEd25519 => "không phải khóa Ed25519",
                    KeyError::BadPoint => "khóa công khai không hợp lệ",
                };
                format!("“{text}” không dùng được làm khóa: {why}")
            }
            Problem::UnknownFingerprint(f) => format!(
                "không có khóa nào đã biết ở đây có dấu vân tay {f}: dấu vân tay không kiểm tra \
                 được chữ ký, hãy ghi did:key (hoặc mở trước danh sách khóa có khóa đó, hay, ở \
                 trang cơ quan tiếp nhận, mùa báo cáo có báo cáo do khóa đó ký)"
            ),
            Problem::AmbiguousFingerprint(f) => format!(
                "có nhiều hơn một khóa đã biết ở đây mang dấu vân tay {f}: hãy ghi did:key của \
                 khóa cần đăng ký"
            ),
            Problem::BadDate(t) => {
                format!("“{t}” không phải ngày (ngày/tháng/năm hoặc năm-tháng-ngày)")
            }
            Problem::UntilBeforeFrom => "ngày hết hiệu lực trước ngày bắt đầu hiệu lực".into(),
            Problem::RevokedBeforeFrom(from) => format!(
                "ngày thu hồi trước ngày khóa bắt đầu có hiệu lực ({})",
                from.display_vn()
            ),
            Problem::DuplicateCode { code, line } => {
                format!("đơn vị {code} đã có một khóa khác còn hiệu lực (dòng {line})")
            }
            Problem::KeyOfAnotherUnit { code, line } => {
                format!("khóa này đã đăng ký cho đơn vị {code} (dòng {line})")
            }
            Problem::DuplicateRow { line } => {
                format!("đơn vị và khóa này đã có trong sổ (dòng {line})")
            }
        }
    }
}

/// A bad row: where (line as the spreadsheet numbers it, the header being line 1) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub column: Column,
    pub problem: Problem,
}

impl RowError {
    /// "Dòng 7, cột “Cấp”: danh mục không có cấp “xa”".
    pub fn message(&self, lang: Lang) -> String {
        let (line, column) = if lang == Lang::En {
            ("Line", "column")
        } else {
            ("Dòng", "cột")
        };
        format!(
            "{line} {}, {column} “{}”: {}",
            self.line,
            self.column.name(lang),
            self.problem.message(lang)
        )
    }
}

/// Why a whole file could not be read as a register.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text (save the CSV as “CSV UTF-8”)")]
    NotUtf8,
    #[error("line {line}: {why}")]
    Csv { line: usize, why: String },
    #[error("the header has no column “{}”", .0.name(Lang::En))]
    MissingColumn(Column),
    #[error("the header's column “{0}” means nothing here (expected: {1})")]
    UnknownColumn(String, String),
    #[error("the column “{}” appears twice", .0.name(Lang::En))]
    DoubledColumn(Column),
    #[error("the workbook cannot be read: {0}")]
    Xlsx(String),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ImportError::Empty => "Tệp trống.".into(),
            ImportError::NotUtf8 => {
                "Tệp không phải văn bản UTF-8 (hãy lưu tệp CSV dạng “CSV UTF-8”).".into()
            }
            ImportError::Csv { line, why } => format!("Dòng {line}: {why}"),
            ImportError::MissingColumn(c) => {
                format!("Dòng tiêu đề thiếu cột “{}”.", c.name(Lang::Vi))
            }
            ImportError::UnknownColumn(h, expected) => {
                format!("Cột “{h}” ở dòng tiêu đề không rõ nghĩa (các cột: {expected}).")
            }
            ImportError::DoubledColumn(c) => {
                format!("Cột “{}” xuất hiện hai lần.", c.name(Lang::Vi))
            }
            ImportError::Xlsx(why) => format!("Không đọc được tệp Excel: {why}"),
        }
    }
}

/// The project's one way for an error to give its message in a language.
impl tdg_model::Localized for ImportError {
    fn message(&self, lang: Lang) -> String {
        ImportError::message(self, lang)
    }
}

/// The cells of one row as typed (in a spreadsheet or on the page's form).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cells {
    pub code: String,
    pub name: String,
    pub tier: String,
    pub variant: String,
    pub group: String,
    pub key: String,
    pub valid_from: String,
    pub valid_until: String,
    pub revoked_on: String,
}

impl Cells {
    fn set(&mut self, column: Column, text: String) {
        *match column {
            Column::Code => &mut self.code,
            Column::Name => &mut self.name,
            Column::Tier => &mut self.tier,
            Column::Variant => &mut self.variant,
            Column::Group => &mut self.group,
            Column::Key => &mut self.key,
            Column::ValidFrom => &mut self.valid_from,
            Column::ValidUntil => &mut self.valid_until,
            Column::RevokedOn => &mut self.revoked_on,
        } = text;
    }

    /// A registration's cells as the export writes them (ids, ISO dates).
    pub fn of(k: &RegisteredKey) -> Cells {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        Cells {
            code: k.unit_code.clone(),
            name: k.unit_name.clone(),
            tier: k.tier.clone(),
            variant: k.variant.clone().unwrap_or_default(),
            group: k.group.clone(),
            key: k.did.clone(),
            valid_from: k.valid_from.to_string(),
            valid_until: date(k.valid_until),
            revoked_on: date(k.revoked_on),
        }
    }

    fn in_order(&self) -> [&str; 9] {
        [
            &self.code,
            &self.name,
            &self.tier,
            &self.variant,
            &self.group,
            &self.key,
            &self.valid_from,
            &self.valid_until,
            &self.revoked_on,
        ]
    }
}

/// A date as a spreadsheet holds it: `dd/mm/yyyy` (people) or `yyyy-mm-dd` (files).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    Date::parse_iso(t).ok().or_else(|| Date::parse_dmy(t).ok())
}

/// `3F2A-91C0-77DE-0B12-AA45`: five groups of four hexadecimal digits.
fn is_fingerprint(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The keys a fingerprint may name, by fingerprint, each decoded once (an import checks every
/// row against every key known: the register's and, in the office view, the season's signers).
/// Each key is kept in its canonical form, `did:key:z6Mk…` without a fragment.
struct KnownKeys(std::collections::BTreeMap<String, std::collections::BTreeSet<String>>);

impl KnownKeys {
    fn new(dids: &[String]) -> KnownKeys {
        let mut by_fingerprint =
            std::collections::BTreeMap::<_, std::collections::BTreeSet<_>>::new();
        for key in dids.iter().filter_map(|did| PublicKey::from_did(did).ok()) {
            by_fingerprint
                .entry(key.fingerprint())
                .or_default()
                .insert(key.did());
        }
        KnownKeys(by_fingerprint)
    }
}

/// A key cell: a did:key (with or without its fragment), a bare `z6Mk…`, or a fingerprint of
/// one of the `known` keys (refused when it could be more than one: a unit can make two keys
/// with the same 80-bit fingerprint in about 2⁴⁰ tries). Returns the canonical `did:key:z6Mk…`.
fn parse_key(text: &str, known: &KnownKeys) -> Result<String, Problem> {
    let t = text.trim();
    if is_fingerprint(t) {
        let wanted = t.to_ascii_uppercase();
        let mut matching = known.0.get(&wanted).into_iter().flatten();
        return match (matching.next(), matching.next()) {
            (Some(did), None) => Ok(did.clone()),
            (Some(_), Some(_)) => Err(Problem::AmbiguousFingerprint(wanted)),
            (None, _) => Err(Problem::UnknownFingerprint(wanted)),
        };
    }
    let parsed = if t.starts_with("did:") {
        PublicKey::from_did(t)
    } else {
        PublicKey::from_multibase(t)
    };
    parsed.map(|k| k.did()).map_err(|why| Problem::BadKey {
        text: t.to_owned(),
        why,
    })
}

/// A phrase as people may write it, for comparing: Unicode-decomposed with its accents dropped
/// ("đ" as "d"), lower case, letters and digits only, without a leading "Cấp" or a trailing
/// "level" ("Cấp xã", "cap xa", "XÃ" and "xa" are one phrase).
fn fold(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .map(|w| {
            w.nfd()
                .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'đ' { 'd' } else { c })
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(words.first().is_some_and(|w| w == "cap"));
    let end = words.len()
        - usize::from(words.len() > start && words.last().is_some_and(|w| w == "level"));
    words[start..end].concat()
}

/// The ways a name may be written: whole, and each of its parts between commas and colons
/// ("Cấp xã, phường, đặc khu": "xã", "phường", "đặc khu"), folded.
fn phrases(name: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(fold(name))
        .chain(name.split([',', ':', ';']).map(fold))
        .filter(|p| !p.is_empty())
}

/// Finds the one item a cell names: its id or any of its `names` (either language), whole or a
/// part, whatever the case and accents; a text two items could mean is refused (`None`).
fn find_loose<'a, T>(
    items: &'a [T],
    text: &str,
    names: impl Fn(&T) -> Vec<String>,
) -> Option<&'a T> {
    let wanted = fold(text);
    if wanted.is_empty() {
        return None;
    }
    let exact = normalize_label(text);
    // An exact id or name first: it is never ambiguous.
    if let Some(t) = items
        .iter()
        .find(|t| names(t).iter().any(|n| normalize_label(n) == exact))
    {
        return Some(t);
    }
    let mut found = items
        .iter()
        .filter(|t| names(t).iter().any(|n| phrases(n).any(|p| p == wanted)));
    match (found.next(), found.next()) {
        (Some(t), None) => Some(t),
        _ => None,
    }
}

fn tier_names(t: &tdg_model::catalog::Tier) -> Vec<String> {
    std::iter::once(t.id.clone())
        .chain(
            std::iter::once(&t.name)
                .chain(t.names.iter().map(|n| &n.name))
                .flat_map(|n| [n.vi.clone(), n.en.clone()]),
        )
        .collect()
}

/// A tier cell: the catalog's id, or any of its names in either language and period, or the
/// usual short forms ("Cấp xã", "xã", "phường", "Sở"), whatever the case and accents.
fn find_tier<'a>(catalog: &'a Catalog, text: &str) -> Option<&'a tdg_model::catalog::Tier> {
    find_loose(&catalog.tiers, text, tier_names)
}

/// What a tier or variant cell accepts, for the message: each name with its id.
fn accepted<'a>(items: impl Iterator<Item = (&'a str, &'a Text)> + Clone) -> Text {
    let list = |lang: Lang| {
        items
            .clone()
            .map(|(id, name)| format!("“{}” ({id})", name.get(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Text::new(list(Lang::Vi), list(Lang::En))
}

/// One row's cells as a registration, checked against the catalog; every bad cell is named.
/// `known`: the keys a fingerprint may name.
pub fn parse_row(
    cells: &Cells,
    catalog: &Catalog,
    known: &[String],
) -> Result<RegisteredKey, Vec<(Column, Problem)>> {
    parse_row_in(cells, catalog, &KnownKeys::new(known))
}

fn parse_row_in(
    cells: &Cells,
    catalog: &Catalog,
    known: &KnownKeys,
) -> Result<RegisteredKey, Vec<(Column, Problem)>> {
    let mut problems = Vec::new();
    for column in Column::ALL.into_iter().filter(|c| c.required()) {
        if cells.in_order()[column as usize].trim().is_empty() {
            problems.push((column, Problem::Empty));
        }
    }
    let tier = match cells.tier.trim() {
        "" => None,
        t => {
            let found = find_tier(catalog, t);
            if found.is_none() {
                problems.push((
                    Column::Tier,
                    Problem::UnknownTier {
                        text: t.to_owned(),
                        accepted: accepted(catalog.tiers.iter().map(|t| (t.id.as_str(), &t.name))),
                    },
                ));
            }
            found
        }
    };
    let variant = tier.and_then(|tier| {
        let v = cells.variant.trim();
        let options = || accepted(tier.variants.iter().map(|v| (v.id.as_str(), &v.name)));
        if v.is_empty() {
            if !tier.variants.is_empty() {
                problems.push((
                    Column::Variant,
                    Problem::VariantRequired {
                        tier: tier.id.clone(),
                        accepted: options(),
                    },
                ));
            }
            return None;
        }
        let found = find_loose(&tier.variants, v, |x| {
            vec![x.id.clone(), x.name.vi.clone(), x.name.en.clone()]
        });
        if found.is_none() {
            problems.push((
                Column::Variant,
                Problem::UnknownVariant {
                    tier: tier.id.clone(),
                    variant: v.to_owned(),
                    accepted: options(),
                },
            ));
        }
        found.map(|x| x.id.clone())
    });
    let did = match cells.key.trim() {
        "" => None,
        k => parse_key(k, known)
            .map_err(|p| problems.push((Column::Key, p)))
            .ok(),
    };
    let mut date = |column: Column, text: &str| -> Option<Date> {
        if text.trim().is_empty() {
            return None;
        }
        let d = parse_date(text);
        if d.is_none() {
            problems.push((column, Problem::BadDate(text.trim().to_owned())));
        }
        d
    };
    let valid_from = date(Column::ValidFrom, &cells.valid_from);
    let valid_until = date(Column::ValidUntil, &cells.valid_until);
    let revoked_on = date(Column::RevokedOn, &cells.revoked_on);
    if let (Some(from), Some(until)) = (valid_from, valid_until) {
        if until < from {
            problems.push((Column::ValidUntil, Problem::UntilBeforeFrom));
        }
    }
    if let (Some(from), Some(revoked)) = (valid_from, revoked_on) {
        if revoked < from {
            problems.push((Column::RevokedOn, Problem::RevokedBeforeFrom(from)));
        }
    }
    match (tier, did, valid_from) {
        (Some(tier), Some(did), Some(valid_from)) if problems.is_empty() => Ok(RegisteredKey {
            unit_code: cells.code.trim().to_owned(),
            unit_name: cells.name.trim().to_owned(),
            did,
            tier: tier.id.clone(),
            variant,
            group: cells.group.trim().to_owned(),
            valid_from,
            valid_until,
            revoked_on,
        }),
        _ => Err(problems),
    }
}

/// Whether a registration is still in force at some point from `day` on (not revoked, not
/// expired before it).
fn in_force_after(k: &RegisteredKey, day: Date) -> bool {
    k.revoked_on.is_none() && k.valid_until.is_none_or(|u| u >= day)
}

/// How `key` clashes with the registrations already kept (`lines[i]` is where `kept[i]` came
/// from): the same unit and key twice, a key of another unit, or a unit with two keys in force
/// at once (a new key needs the old one revoked or ended first).
pub fn clash(
    key: &RegisteredKey,
    kept: &[RegisteredKey],
    lines: &[usize],
) -> Option<(Column, Problem)> {
    let line = |i: usize| lines.get(i).copied().unwrap_or(i + 2);
    for (i, k) in kept.iter().enumerate() {
        if k.did == key.did && k.unit_code == key.unit_code {
            return Some((Column::Key, Problem::DuplicateRow { line: line(i) }));
        }
        if k.did == key.did {
            return Some((
                Column::Key,
                Problem::KeyOfAnotherUnit {
                    code: k.unit_code.clone(),
                    line: line(i),
                },
            ));
        }
        if k.unit_code == key.unit_code
            && in_force_after(k, key.valid_from)
            && in_force_after(key, k.valid_from)
        {
            return Some((
                Column::Code,
                Problem::DuplicateCode {
                    code: k.unit_code.clone(),
                    line: line(i),
                },
            ));
        }
    }
    None
}

/// What an import found: the good rows, in order, and every bad one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub keys: Vec<RegisteredKey>,
    pub errors: Vec<RowError>,
}

/// Reads the rows of a table whose first row is the header. `rows` yields (line, cells).
fn import_rows(
    header: &[String],
    rows: impl Iterator<Item = (usize, Vec<String>)>,
    catalog: &Catalog,
    known: &[String],
) -> Result<Imported, ImportError> {
    let mut columns = Vec::new();
    for h in header {
        if h.trim().is_empty() {
            columns.push(None);
            continue;
        }
        let Some(c) = column_of(h) else {
            let expected: Vec<&str> = Column::ALL.iter().map(|c| c.heading()).collect();
            return Err(ImportError::UnknownColumn(
                h.trim().to_owned(),
                expected.join(", "),
            ));
        };
        if columns.contains(&Some(c)) {
            return Err(ImportError::DoubledColumn(c));
        }
        columns.push(Some(c));
    }
    if let Some(c) = Column::ALL
        .into_iter()
        .find(|c| c.required() && !columns.contains(&Some(*c)))
    {
        return Err(ImportError::MissingColumn(c));
    }
    let known = KnownKeys::new(known);
    let mut out = Imported::default();
    let mut lines = Vec::new();
    for (line, fields) in rows {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut cells = Cells::default();
        for (column, text) in columns.iter().zip(fields) {
            if let Some(c) = column {
                cells.set(*c, text);
            }
        }
        let error = |(column, problem)| RowError {
            line,
            column,
            problem,
        };
        match parse_row_in(&cells, catalog, &known) {
            Ok(key) => match clash(&key, &out.keys, &lines) {
                Some(p) => out.errors.push(error(p)),
                None => {
                    out.keys.push(key);
                    lines.push(line);
                }
            },
            Err(problems) => out.errors.extend(problems.into_iter().map(error)),
        }
    }
    Ok(out)
}

/// Reads a register from CSV text (UTF-8, with or without a byte-order mark; comma or
/// semicolon separated, as Excel writes it in locales with a decimal comma). Fields may be
/// quoted. `known`: the keys a fingerprint may name (the trust list in use, the reports).
pub fn read_csv(text: &str, catalog: &Catalog, known: &[String]) -> Result<Imported, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let Some((_, header)) = lines.find(|(_, l)| !l.trim().is_empty()) else {
        return Err(ImportError::Empty);
    };
    // Excel with a decimal comma writes `;`: the header says which (it has no commas then).
    let sep = if header.contains(';') && !header.contains(',') {
        ';'
    } else {
        ','
    };
    let split = |line: usize, text: &str| -> Result<Vec<String>, ImportError> {
        split_csv_fields(text, sep).map_err(|why| ImportError::Csv { line, why })
    };
    let header = split(1, header)?;
    let rows = lines
        .map(|(line, text)| split(line, text).map(|f| (line, f)))
        .collect::<Result<Vec<_>, _>>()?;
    import_rows(&header, rows.into_iter(), catalog, known)
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Reads a register from an XLSX workbook's first sheet (the header in its first non-empty
/// row). Dates may be real date cells or text; codes typed as numbers are read as text.
pub fn read_xlsx(
    bytes: &[u8],
    catalog: &Catalog,
    known: &[String],
) -> Result<Imported, ImportError> {
    let mut rows = xlsx::first_sheet(bytes)
        .map_err(ImportError::Xlsx)?
        .into_iter();
    let Some((_, header)) = rows.find(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
    else {
        return Err(ImportError::Empty);
    };
    import_rows(&header, rows, catalog, known)
}

/// Reads a register file: a workbook (it starts as a zip does) or CSV text.
pub fn read(bytes: &[u8], catalog: &Catalog, known: &[String]) -> Result<Imported, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes, catalog, known);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    read_csv(text, catalog, known)
}

/// The register as CSV: UTF-8 with a byte-order mark (Excel reads the Vietnamese right), the
/// Vietnamese headings, every field quoted, ids and ISO dates, so that it imports back equal.
pub fn to_csv(keys: &[RegisteredKey]) -> String {
    let mut out = String::from('\u{feff}');
    let line = |cells: [&str; 9]| cells.map(quote).join(",") + "\r\n";
    out.push_str(&line(Column::ALL.map(Column::heading)));
    for k in keys {
        out.push_str(&line(Cells::of(k).in_order()));
    }
    out
}

/// The register as the trust list JSON that `tdg verify` and `tdg batch --trust` read.
pub fn to_trust_list(office: &str, keys: &[RegisteredKey]) -> TrustList {
    TrustList {
        trust_list_version: tdg_report::trust::TRUST_LIST_VERSION,
        office: office.to_owned(),
        keys: keys.to_vec(),
    }
}

/// The register the office keeps and edits: the trust list's office and registrations. Every
/// change is checked as an imported row is.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Register {
    pub office: String,
    pub keys: Vec<RegisteredKey>,
}

impl Register {
    pub fn from_trust(list: TrustList) -> Register {
        Register {
            office: list.office,
            keys: list.keys,
        }
    }

    pub fn trust_list(&self) -> TrustList {
        to_trust_list(&self.office, &self.keys)
    }

    /// The trust list JSON, pretty-printed for people who open it.
    pub fn trust_json(&self) -> String {
        // A TrustList is strings, dates and numbers: serialising it cannot fail.
        serde_json::to_string_pretty(&self.trust_list()).unwrap_or_default()
    }

    /// Adds a registration typed on the page; the problems name the form's fields.
    pub fn add(
        &mut self,
        cells: &Cells,
        catalog: &Catalog,
        known: &[String],
    ) -> Result<(), Vec<(Column, Problem)>> {
        let key = parse_row(cells, catalog, known)?;
        let lines: Vec<usize> = (2..self.keys.len() + 2).collect();
        if let Some(p) = clash(&key, &self.keys, &lines) {
            return Err(vec![p]);
        }
        self.keys.push(key);
        Ok(())
    }

    /// Renames a unit and moves it to another cluster or block: every registration of its
    /// code. Returns how many changed; an empty name is refused (the column is required).
    pub fn edit_unit(&mut self, code: &str, name: &str, group: &str) -> Result<usize, Problem> {
        if name.trim().is_empty() {
            return Err(Problem::Empty);
        }
        let mut changed = 0;
        for k in self.keys.iter_mut().filter(|k| k.unit_code == code) {
            k.unit_name = name.trim().to_owned();
            k.group = group.trim().to_owned();
            changed += 1;
        }
        Ok(changed)
    }

    /// Revokes the key of registration `index` from `day` on (an earlier revocation stays).
    /// A day before the key's validity starts is refused: it would say the key never counted.
    /// `Ok(false)`: no such registration.
    pub fn revoke(&mut self, index: usize, day: Date) -> Result<bool, Problem> {
        match self.keys.get_mut(index) {
            Some(k) if day < k.valid_from => Err(Problem::RevokedBeforeFrom(k.valid_from)),
            Some(k) => {
                k.revoked_on = Some(k.revoked_on.map_or(day, |r| r.min(day)));
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes registration `index` (a key entered by mistake; a key that signed reports
    /// should be revoked instead, so that its reports stay explained).
    pub fn remove(&mut self, index: usize) -> Option<RegisteredKey> {
        (index < self.keys.len()).then(|| self.keys.remove(index))
    }

    /// Adds the registrations of `other` that are new (a unit, or a unit's next key) and keeps
    /// every one the register has: one that clashes with a kept one (the same key, a key of
    /// another unit, a second key in force for a unit) is left out. The office's name is kept,
    /// or taken from `other` when the register has none. Returns how many were added.
    pub fn merge(&mut self, other: Register) -> usize {
        if self.office.trim().is_empty() {
            self.office = other.office;
        }
        let before = self.keys.len();
        for key in other.keys {
            let lines: Vec<usize> = (2..self.keys.len() + 2).collect();
            if clash(&key, &self.keys, &lines).is_none() {
                self.keys.push(key);
            }
        }
        self.keys.len() - before
    }

    /// The number of distinct units (codes) registered.
    pub fn unit_count(&self) -> usize {
        let mut codes: Vec<&str> = self.keys.iter().map(|k| k.unit_code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        codes.len()
    }

    /// Replaces the registrations with an import's good rows.
    pub fn replace(&mut self, keys: Vec<RegisteredKey>) {
        self.keys = keys;
    }
}

#[cfg(test)]
mod tests;
mod xlsx;
