//! A demonstration season: keys, a trust list and signed reports for 114 communes in 15 clusters
//! and 160 departments in 20 blocks, with one defective file of each kind the office must catch.
//! Every name says it is demonstration data; the keys come from a fixed seed and must never be
//! used for anything real. Tests and workshops use it; `tdg demo-season` writes it to a folder.

use std::collections::BTreeMap;
use tdg_model::catalog::EvidenceRule;
use tdg_model::{Answer, AnswerSheet, Catalog, Criterion, Date, Evidence, Measure};
use tdg_report::report::{finish_report, prepare_report, PreparedReport};
use tdg_report::trust::{RegisteredKey, TrustList, TRUST_LIST_VERSION};
use tdg_report::{SignRequest, UnitKey};

pub const COMMUNES: usize = 114;
pub const COMMUNE_CLUSTERS: usize = 15;
pub const DEPARTMENTS: usize = 160;
pub const DEPARTMENT_BLOCKS: usize = 20;
/// Registered units that send nothing: the "chưa nộp" list.
pub const SILENT_UNITS: usize = 4;
pub const TRUST_FILE: &str = "trust.json";
pub const REPORTS_DIR: &str = "bao-cao/";

/// One file of the season, by its path inside the season's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A defect planted in the season, and the file that carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    /// The file was changed after signing.
    BrokenSignature,
    /// The unit changed its total and signed again: the results differ from their re-score.
    ResultsDiffer,
    /// Signed by a key the trust list does not hold.
    UnknownKey,
    /// The declared cluster differs from the registration.
    OtherCluster,
    /// A commune's key signs a department report.
    OtherTier,
    /// A report for another year.
    OtherPeriod,
    /// Scored against a catalog file the office does not know.
    UnknownCatalog,
    /// A report format this tool does not read.
    UnknownVersion,
    /// Not JSON at all (a truncated download).
    Unreadable,
    /// Signed after the key was revoked.
    RevokedKey,
    /// Says it was submitted after the office received it.
    SubmittedAfterReceipt,
    /// `submittedOn` is days away from the signature's own date.
    InconsistentDates,
    /// Made in a workshop's training mode: signed, but never a submission.
    Training,
}

impl Defect {
    pub const ALL: [Defect; 13] = [
        Defect::BrokenSignature,
        Defect::ResultsDiffer,
        Defect::UnknownKey,
        Defect::OtherCluster,
        Defect::OtherTier,
        Defect::OtherPeriod,
        Defect::UnknownCatalog,
        Defect::UnknownVersion,
        Defect::Unreadable,
        Defect::RevokedKey,
        Defect::SubmittedAfterReceipt,
        Defect::InconsistentDates,
        Defect::Training,
    ];

    /// The file's name in the season's `bao-cao/` folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Defect::BrokenSignature => "loi-chu-ky.json",
            Defect::ResultsDiffer => "loi-ket-qua.json",
            Defect::UnknownKey => "loi-khoa-chua-dang-ky.json",
            Defect::OtherCluster => "loi-sai-cum.json",
            Defect::OtherTier => "loi-sai-cap.json",
            Defect::OtherPeriod => "loi-nam-khac.json",
            Defect::UnknownCatalog => "loi-danh-muc.json",
            Defect::UnknownVersion => "loi-phien-ban.json",
            Defect::Unreadable => "loi-khong-doc-duoc.json",
            Defect::RevokedKey => "loi-khoa-thu-hoi.json",
            Defect::SubmittedAfterReceipt => "loi-gui-sau-ngay-nhan.json",
            Defect::InconsistentDates => "loi-ngay-ky.json",
            Defect::Training => "loi-bao-cao-tap-huan.json",
        }
    }
}

/// What the season is for: the office's received date and the year it collects.
pub struct SeasonSpec<'a> {
    pub catalog: &'a Catalog,
    pub catalog_bytes: &'a [u8],
    pub period: i32,
    /// The day the office received the batch; reports are signed in the weeks before it.
    pub received_on: Date,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Catalog(#[from] tdg_model::CatalogError),
    #[error("the catalog has no tier '{0}' for the period")]
    MissingTier(&'static str),
    #[error("the demonstration trust list does not read back")]
    TrustList,
    #[error("a demonstration report could not be signed: {0}")]
    Sign(#[from] tdg_report::report::SignError),
}

/// A registered demonstration unit.
struct DemoUnit {
    code: String,
    name: String,
    tier: &'static str,
    group: String,
    key: UnitKey,
    /// 0–100: how well the unit does, so that the ranking has a spread.
    quality: u64,
}

/// The season for the catalog file `catalog_bytes`, with its trust list read back.
pub fn season_with_trust(
    catalog_bytes: &[u8],
    period: i32,
    received_on: Date,
) -> Result<(Vec<DemoFile>, TrustList), DemoError> {
    let catalog = Catalog::from_json(catalog_bytes)?;
    let spec = SeasonSpec {
        catalog: &catalog,
        catalog_bytes,
        period,
        received_on,
    };
    let files = demo_season(&spec)?;
    let trust = files
        .iter()
        .find(|f| f.path == TRUST_FILE)
        .and_then(|f| TrustList::from_json(&f.bytes).ok())
        .ok_or(DemoError::TrustList)?;
    Ok((files, trust))
}

impl DemoFile {
    /// A report file (or a defective one), as opposed to the trust list or the read-me.
    pub fn is_report(&self) -> bool {
        self.path.starts_with(REPORTS_DIR)
    }

    /// The file as handed to the office on `received_on`.
    pub fn handed(&self, received_on: Date) -> crate::intake::SeasonFile<'_> {
        crate::intake::SeasonFile {
            name: &self.path,
            bytes: &self.bytes,
            received_on: Some(received_on),
        }
    }
}

/// Writes the whole season in memory: `trust.json`, `doc-truoc.txt` (read me), one report per
/// unit under `bao-cao/`, a resent report for one unit, and the defective files.
pub fn demo_season(spec: &SeasonSpec) -> Result<Vec<DemoFile>, DemoError> {
    for tier in ["xa-phuong", "so-nganh"] {
        if spec.catalog.tier(tier).is_none() {
            return Err(DemoError::MissingTier(tier));
        }
    }
    let mut rng = Rng(0x7d6_2026);
    let units = demo_units(&mut rng);
    let mut files = vec![readme(spec)];
    // The first units are registered and deliberately send nothing.
    let reporting = &units[SILENT_UNITS..];
    for (i, unit) in reporting.iter().enumerate() {
        let signed_on = signing_day(spec.received_on, i);
        let report = sign(spec, &Signing::proper(spec, unit, signed_on))?;
        files.push(report_file(&format!("{}.json", unit.code), report));
    }
    // One unit corrects its report and sends it again: the later one counts.
    let resent = &reporting[0];
    let report = sign(spec, &Signing::proper(spec, resent, spec.received_on))?;
    files.push(report_file(
        &format!("{}-gui-lai.json", resent.code),
        report,
    ));
    let defects = defects(spec, reporting, &mut rng)?;
    files.extend(defects.files);
    files.push(DemoFile {
        path: TRUST_FILE.into(),
        bytes: trust_list(spec, &units, &defects.revoked).into_bytes(),
    });
    Ok(files)
}

fn readme(spec: &SeasonSpec) -> DemoFile {
    let text = format!(
        "DỮ LIỆU MINH HOẠ / DEMONSTRATION DATA\n\n\
         Mùa báo cáo năm {period} giả lập: {COMMUNES} xã trong {COMMUNE_CLUSTERS} cụm thi đua, \
         {DEPARTMENTS} sở, ngành trong {DEPARTMENT_BLOCKS} khối thi đua; {SILENT_UNITS} đơn vị \
         chưa nộp; một đơn vị gửi lại báo cáo; {defects} tệp lỗi (bao-cao/loi-*.json). \
         Ngày nhận: {received}. Khóa ký sinh từ một hạt giống cố định: không bao giờ dùng thật.\n\n\
         A simulated season for {period}; received on {received}. The keys come from a fixed \
         seed: never use them for anything real.\n",
        period = spec.period,
        defects = Defect::ALL.len(),
        received = spec.received_on.display_vn(),
    );
    DemoFile {
        path: "doc-truoc.txt".into(),
        bytes: text.into_bytes(),
    }
}

fn demo_units(rng: &mut Rng) -> Vec<DemoUnit> {
    let mut units = Vec::with_capacity(COMMUNES + DEPARTMENTS);
    let mut add =
        |tier: &'static str, prefix: &str, kind: &str, n: usize, groups: usize, group: &str| {
            for i in 0..n {
                units.push(DemoUnit {
                    code: format!("DEMO-{prefix}-{:03}", i + 1),
                    name: format!("{kind} minh hoạ số {}", i + 1),
                    tier,
                    group: format!("{group} số {}", i % groups + 1),
                    key: UnitKey::from_seed(rng.seed()),
                    quality: 30 + rng.below(71),
                });
            }
        };
    add(
        "xa-phuong",
        "XA",
        "Xã",
        COMMUNES,
        COMMUNE_CLUSTERS,
        "Cụm thi đua",
    );
    add(
        "so-nganh",
        "SN",
        "Sở",
        DEPARTMENTS,
        DEPARTMENT_BLOCKS,
        "Khối thi đua",
    );
    units
}

/// Reports are signed on the days before the received date, a few each day.
fn signing_day(received_on: Date, i: usize) -> Date {
    let days_before = 1 + i64::try_from(i % 25).unwrap_or(0);
    Date::from_days_since_epoch(received_on.days_since_epoch() - days_before)
}

/// What one report is signed with: a unit's own, except where a defect varies one part.
#[derive(Clone, Copy)]
struct Signing<'a> {
    unit: &'a DemoUnit,
    key: &'a UnitKey,
    tier: &'a str,
    group: &'a str,
    period: i32,
    day: Date,
    catalog_bytes: &'a [u8],
}

impl<'a> Signing<'a> {
    /// The unit's proper report, signed on `day`.
    fn proper(spec: &SeasonSpec<'a>, unit: &'a DemoUnit, day: Date) -> Signing<'a> {
        Signing {
            unit,
            key: &unit.key,
            tier: unit.tier,
            group: &unit.group,
            period: spec.period,
            day,
            catalog_bytes: spec.catalog_bytes,
        }
    }
}

/// Signs the report `s` describes, after `edit` changed the unsigned document (a unit that
/// edits its own results and signs again); `edit` does nothing for an honest report.
fn sign_edited(
    spec: &SeasonSpec,
    s: &Signing,
    edit: impl FnOnce(&mut serde_json::Value),
) -> Result<String, DemoError> {
    let sheet = answers(spec.catalog, s.tier, s.period, s.day, s.unit.quality);
    let request = SignRequest {
        training: false,
        catalog: spec.catalog,
        catalog_bytes: s.catalog_bytes,
        unit_name: s.unit.name.clone(),
        unit_code: s.unit.code.clone(),
        unit_group: s.group.to_owned(),
        sheet: &sheet,
        submitted_on: s.day,
        created: format!("{}T08:30:00Z", s.day),
    };
    let prepared = prepare_report(&request, &s.key.public())?;
    let mut unsigned = prepared.unsigned.clone();
    edit(&mut unsigned);
    let edited = PreparedReport::from_unsigned(&unsigned.to_string(), &prepared.options.created)?;
    Ok(finish_report(&edited, &s.key.sign(&edited.proof.hash_data))?.json)
}

fn sign(spec: &SeasonSpec, s: &Signing) -> Result<String, DemoError> {
    sign_edited(spec, s, |_| {})
}

/// Answers every criterion of the tier, better the higher `quality` is (0–100).
fn answers(catalog: &Catalog, tier: &str, period: i32, day: Date, quality: u64) -> AnswerSheet {
    let mut rng = Rng(quality.wrapping_mul(7919) ^ day.days_since_epoch().unsigned_abs());
    let criteria = catalog
        .tier(tier)
        .map(|t| t.criteria_for(None, period).collect::<Vec<_>>())
        .unwrap_or_default();
    let answers: BTreeMap<String, Answer> = criteria
        .into_iter()
        .map(|c| (c.id.clone(), answer(c, period, quality, &mut rng)))
        .collect();
    AnswerSheet {
        tier: tier.to_owned(),
        variant: None,
        period,
        submitted_on: Some(day),
        answers,
    }
}

fn answer(criterion: &Criterion, period: i32, quality: u64, rng: &mut Rng) -> Answer {
    // The share of the year's target reached, in percent: around the unit's quality.
    let reach = (quality + rng.below(31)).saturating_sub(15).min(100);
    let mut answer = Answer::default();
    match &*criterion.measure_for(period) {
        Measure::Ratio { target, .. } => {
            let denominator = 20 + rng.below(400);
            let share = (u64::from(*target) * reach / 100).min(10_000);
            answer.denominator = Some(to_i64(denominator));
            answer.numerator = Some(to_i64(denominator * share / 10_000));
        }
        Measure::YesNo => answer.yes = Some(reach >= 50),
        Measure::Levels { levels } => {
            let last = levels.len().saturating_sub(1);
            let pick = usize::try_from(reach).unwrap_or(0) * last / 100;
            answer.level = levels.get(last - pick).map(|l| l.id.clone());
        }
        Measure::Count { target, .. } => {
            answer.count = Some(to_i64(u64::from(*target) * reach / 80))
        }
        Measure::Maturity { target } => {
            answer.maturity = Some(to_i64((u64::from(*target) * reach / 90).min(5)))
        }
        Measure::Unknown => {}
    }
    if criterion.evidence == EvidenceRule::Required || rng.below(2) == 0 {
        answer.evidence.push(Evidence::Document {
            number: format!("{}/BC-MH", 1 + rng.below(300)),
            date: None,
            title: "Báo cáo minh hoạ".into(),
        });
    }
    answer
}

fn to_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

fn report_file(name: &str, json: String) -> DemoFile {
    DemoFile {
        path: format!("{REPORTS_DIR}{name}"),
        bytes: json.into_bytes(),
    }
}

struct Defects {
    files: Vec<DemoFile>,
    /// The unit whose key the trust list revokes, and from when.
    revoked: (String, Date),
}

/// One defective file of each kind, each made by the unit it names (reporting units from the
/// end of the list, so that their proper reports exist too and the defect shows as extra).
fn defects(spec: &SeasonSpec, units: &[DemoUnit], rng: &mut Rng) -> Result<Defects, DemoError> {
    let commune = &units[1];
    let department = units
        .iter()
        .rev()
        .find(|u| u.tier == "so-nganh")
        .unwrap_or(commune);
    let revoked_unit = &units[2];
    let day = signing_day(spec.received_on, 3);
    let as_commune = Signing::proper(spec, commune, day);
    let as_department = Signing::proper(spec, department, day);
    let stranger = UnitKey::from_seed(rng.seed());
    let other_catalog = [spec.catalog_bytes, b"\n"].concat();
    let days_from = |d: Date, n: i64| Date::from_days_since_epoch(d.days_since_epoch() + n);
    let mut files = Vec::new();
    for defect in Defect::ALL {
        let json = match defect {
            Defect::BrokenSignature => sign(spec, &as_commune)?.replacen(
                &commune.name,
                &format!("{} (sửa)", commune.name),
                1,
            ),
            Defect::ResultsDiffer => sign_edited(spec, &as_department, |doc| {
                doc["credentialSubject"]["results"]["total"] = 100_000.into();
            })?,
            Defect::UnknownKey => sign(
                spec,
                &Signing {
                    key: &stranger,
                    ..as_commune
                },
            )?,
            Defect::OtherCluster => sign(
                spec,
                &Signing {
                    group: "Cụm thi đua số 99",
                    ..as_commune
                },
            )?,
            Defect::OtherTier => sign(
                spec,
                &Signing {
                    tier: "so-nganh",
                    ..as_commune
                },
            )?,
            Defect::OtherPeriod => sign(
                spec,
                &Signing {
                    period: spec.period - 1,
                    day: days_from(day, -365),
                    ..as_department
                },
            )?,
            Defect::UnknownCatalog => sign(
                spec,
                &Signing {
                    catalog_bytes: &other_catalog,
                    ..as_department
                },
            )?,
            Defect::UnknownVersion => {
                let mut doc: serde_json::Value =
                    serde_json::from_str(&sign(spec, &as_department)?).unwrap_or_default();
                doc["reportVersion"] = 99.into();
                doc.to_string()
            }
            Defect::Unreadable => {
                let full = sign(spec, &as_department)?;
                full[..full.len() / 2].to_owned()
            }
            Defect::RevokedKey => sign(spec, &Signing::proper(spec, revoked_unit, day))?,
            Defect::SubmittedAfterReceipt => sign(
                spec,
                &Signing {
                    day: days_from(spec.received_on, 2),
                    ..as_department
                },
            )?,
            // `submittedOn` moved ten days before the day it was signed.
            Defect::InconsistentDates => sign_edited(spec, &as_commune, |doc| {
                doc["credentialSubject"]["submittedOn"] = days_from(day, -10).to_string().into();
            })?,
            Defect::Training => sign_edited(spec, &as_department, |doc| {
                doc["credentialSubject"]["training"] = true.into();
            })?,
        };
        files.push(report_file(defect.file_name(), json));
    }
    Ok(Defects {
        files,
        revoked: (revoked_unit.code.clone(), day),
    })
}

fn trust_list(spec: &SeasonSpec, units: &[DemoUnit], revoked: &(String, Date)) -> String {
    let valid_from = Date::from_days_since_epoch(spec.received_on.days_since_epoch() - 365);
    let list = TrustList {
        trust_list_version: TRUST_LIST_VERSION,
        office: "Cơ quan tiếp nhận minh hoạ (dữ liệu minh hoạ)".into(),
        keys: units
            .iter()
            .map(|u| RegisteredKey {
                unit_code: u.code.clone(),
                unit_name: u.name.clone(),
                did: u.key.public().did(),
                tier: u.tier.into(),
                variant: None,
                group: u.group.clone(),
                valid_from,
                valid_until: None,
                // The day before its unit signed the defect file with it.
                revoked_on: (revoked.0 == u.code)
                    .then(|| Date::from_days_since_epoch(revoked.1.days_since_epoch() - 1)),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&list).unwrap_or_default()
}

/// A small deterministic generator (xorshift64*): the season is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn seed(&mut self) -> [u8; 32] {
        let mut seed = [0u8; 32];
        for chunk in seed.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes());
        }
        seed
    }
}
