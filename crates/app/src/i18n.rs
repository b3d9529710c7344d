//! The interface's own words, Vietnamese first. Catalog texts come from the catalog itself.

use tdg_model::Lang;

/// Every sentence of the interface. Kept as an enum so a missing translation fails to compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    AppSubtitle,
    SwitchLanguage,
    LoadingCatalog,
    CatalogFailed,
    ChooseTier,
    YearAndTier,
    Period,
    Variant,
    ChosenTier,
    NoTierForPeriod,
    CriteriaCount,
    FromPlan,
    DefaultModel,
    PrivacyNote,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match (lang, msg) {
        (Lang::Vi, AppTitle) => "Tự đánh giá chuyển đổi số",
        (Lang::En, AppTitle) => "Digital-transformation self-assessment",
        (Lang::Vi, AppSubtitle) => "Phong trào thi đua thực hiện chương trình chuyển đổi số thành phố Hải Phòng",
        (Lang::En, AppSubtitle) => "Hải Phòng's digital-transformation emulation movement",
        (Lang::Vi, SwitchLanguage) => "English",
        (Lang::En, SwitchLanguage) => "Tiếng Việt",
        (Lang::Vi, LoadingCatalog) => "Đang tải danh mục tiêu chí…",
        (Lang::En, LoadingCatalog) => "Loading the criteria catalog…",
        (Lang::Vi, CatalogFailed) => "Không tải được danh mục tiêu chí",
        (Lang::En, CatalogFailed) => "The criteria catalog could not be loaded",
        (Lang::Vi, ChooseTier) => "Chọn đối tượng đánh giá",
        (Lang::En, ChooseTier) => "Choose who is assessed",
        (Lang::Vi, YearAndTier) => "Năm và đối tượng đánh giá",
        (Lang::En, YearAndTier) => "Year and who is assessed",
        (Lang::Vi, Period) => "Năm đánh giá",
        (Lang::En, Period) => "Assessment year",
        (Lang::Vi, Variant) => "Phân loại",
        (Lang::En, Variant) => "Type",
        (Lang::Vi, ChosenTier) => "Đã chọn",
        (Lang::En, ChosenTier) => "Chosen",
        (Lang::Vi, NoTierForPeriod) => "Không áp dụng cho năm này",
        (Lang::En, NoTierForPeriod) => "Not used for this year",
        (Lang::Vi, CriteriaCount) => "tiêu chí",
        (Lang::En, CriteriaCount) => "criteria",
        (Lang::Vi, FromPlan) => "theo Kế hoạch",
        (Lang::En, FromPlan) => "from the plan",
        (Lang::Vi, DefaultModel) => "theo cách chấm điểm mặc định của công cụ",
        (Lang::En, DefaultModel) => "from the tool's default scoring",
        (Lang::Vi, PrivacyNote) => "Mọi dữ liệu chỉ nằm trên máy của bạn: công cụ không gửi gì đi. Báo cáo đã ký được tải về máy để đơn vị tự nộp.",
        (Lang::En, PrivacyNote) => "Everything stays on your device: the tool sends nothing. The signed report is downloaded for the unit to submit itself.",
    }
}

/// The sentence of `lang` from a pair made with figures in it (Vietnamese, English).
pub fn trs(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A fixed sentence of the interface in both languages (`tdg_model::text::W`).
pub use tdg_model::text::W;

const fn w(vi: &'static str, en: &'static str) -> W {
    W::new(vi, en)
}

/// The words of each screen and service, one module per source file of the same name.
pub mod date_input;
pub mod document_details;
pub mod draft_history;
pub mod draft_tools;
pub mod embed;
pub mod exercise_status;
pub mod exercises;
pub mod kept_drafts;
pub mod key_store;
pub mod prefill_confirm;
pub mod print_host;
pub mod print_view;
pub mod sign_panel;
pub mod signer;
pub mod state;
pub mod storage_access;
pub mod storage_share;
pub mod tab_conflict;
pub mod training;
pub mod training_banner;

/// Files read and saved, said the same by every screen.
pub mod files {
    use super::{w, W};
    pub const NOT_READ: W = w("Không đọc được tệp.", "The file could not be read.");
    pub const DOWNLOAD_REFUSED: W = w(
        "Trình duyệt không cho tải tệp xuống.",
        "The browser refused the download.",
    );

    pub fn not_read(url: &str, detail: &str) -> tdg_model::Text {
        tdg_model::Text::new(
            format!("Không đọc được tệp {url}: {detail}"),
            format!("Could not read {url}: {detail}"),
        )
    }
}

/// The step bar and the progress line, always in view.
pub mod steps {
    use super::{w, W};
    pub const NAV: W = w("Các bước", "Steps");
    pub const UNIT: W = w("Đơn vị", "Unit");
    pub const ASSESS: W = w("Tự chấm", "Self-assess");
    pub const SIGN: W = w("Ký, tải", "Sign, download");
    pub const PRINT: W = w("Bản in", "Printable copy");
    pub const NEED_TIER: W = w(
        "Chọn đối tượng đánh giá trước.",
        "Choose who is assessed first.",
    );
    pub const POINTS: W = w("điểm", "points");
}

/// The start screen's unit fields.
pub mod unit {
    use super::{w, W};
    use tdg_model::Lang;
    pub const TITLE: W = w("Đơn vị", "The unit");
    pub const NAME: W = w("Tên đơn vị", "Unit name");
    pub const CODE: W = w("Mã đơn vị", "Unit code");
    pub const GROUP: W = w("Cụm, khối thi đua", "Emulation cluster or block");
    pub const GROUP_CHOOSE: W = w(
        "— Chọn cụm, khối thi đua —",
        "— Choose the cluster or block —",
    );
    pub const REQUIRED: W = w("(bắt buộc)", "(required)");
    pub const REQUIRED_NOTE: W = w(
        "Báo cáo chỉ ký được khi đã có tên và mã (hai ô bắt buộc).",
        "The report can be signed only once the name and code (both required) are filled in.",
    );
    pub const MISSING: W = w("Chưa nhập.", "Not filled in yet.");

    /// Where the unit's name is not filled in yet, under its own label: "(chưa nhập “Họ và
    /// tên”)" for a person.
    pub fn no_name(lang: Lang, name_label: &str) -> String {
        match lang {
            Lang::Vi => format!("(chưa nhập “{name_label}”)"),
            Lang::En => format!("(“{name_label}” not filled in yet)"),
        }
    }

    /// The one who reports and its fields, as the chosen tier and year name them: the
    /// catalog's own (`unitFields`), else the generic ones; no group label where the tier is
    /// not ranked in a cluster or block that year.
    pub struct UnitLabels<'a> {
        /// The first step's name and heading: "Đơn vị", "Doanh nghiệp", "Người báo cáo".
        pub title: &'a str,
        pub name: &'a str,
        pub code: &'a str,
        pub code_hint: Option<&'a str>,
        pub group: Option<&'a str>,
    }

    impl<'a> UnitLabels<'a> {
        /// For the tier and year the answers are for (generic labels before a tier is chosen).
        pub fn of_sheet(
            catalog: &'a tdg_model::Catalog,
            sheet: &tdg_model::AnswerSheet,
            lang: Lang,
        ) -> UnitLabels<'a> {
            let (tier, period) = (catalog.tier(&sheet.tier), sheet.period);
            let fields = tier.and_then(|t| t.unit_fields.as_ref());
            let group = match tier.map(|t| t.group_label(period)) {
                None | Some(Some(None)) => Some(GROUP.get(lang)),
                Some(Some(Some(label))) => Some(label.get(lang)),
                Some(None) => None,
            };
            UnitLabels {
                title: tier
                    .and_then(|t| t.unit_title())
                    .map_or(TITLE.get(lang), |t| t.get(lang)),
                name: fields.map_or(NAME.get(lang), |f| f.name.get(lang)),
                code: fields.map_or(CODE.get(lang), |f| f.code.get(lang)),
                code_hint: fields
                    .filter(|f| !f.code_hint.is_blank())
                    .map(|f| f.code_hint.get(lang)),
                group,
            }
        }
    }
}

/// The start screen's other words: starting, sample units.
pub mod start {
    use super::{w, W};
    pub const BEGIN: W = w("Bắt đầu đánh giá →", "Start the assessment →");
    pub const CONTINUE: W = w("Tiếp tục đánh giá →", "Continue the assessment →");
    pub const CHOOSE_FIRST: W = w(
        "Chọn đối tượng (và phân loại, nếu có) để bắt đầu.",
        "Choose who is assessed (and the type, if any) to begin.",
    );
    pub const WORKED_EXAMPLE: W = w("Ví dụ tính tay (cấp xã)", "Worked example (commune)");
    pub const SAMPLE_NOT_APPLICABLE: W = w(
        "có tiêu chí không áp dụng",
        "with criteria that do not apply",
    );
    pub const SAMPLES_TITLE: W = w("Đơn vị mẫu (tập huấn)", "Sample units (training)");
    pub const CHOOSE_SAMPLE: W = w("Chọn đơn vị mẫu", "Choose a sample unit");
    pub const OPEN_SAMPLE: W = w("Mở đơn vị mẫu", "Open the sample");
    pub const RECEIVING_OFFICE_CHECK_COMPILE: W = w(
        "Cơ quan tiếp nhận: kiểm tra, tổng hợp báo cáo",
        "Receiving office: check and compile reports",
    );
}

/// The app's own messages.
pub mod app {
    use super::{w, W};
    pub const NOT_SAVED: W = w(
        "Không lưu được bản nháp trên máy này (bộ nhớ trình duyệt bị chặn hoặc đầy). Hãy “Xuất bản nháp” để giữ dữ liệu.",
        "The draft could not be saved on this computer (browser storage blocked or full). Use “Export the draft” to keep your work.",
    );
    pub const DISMISS: W = w("Đóng thông báo", "Dismiss");
    pub const TRAINING_MODE_WORKSHOPS_SEPARATE: W = w(
        "Chế độ tập huấn dành cho lớp tập huấn: bản nháp và khóa tách riêng, báo cáo ký ra không có giá trị nộp. Bản nháp của đơn vị được giữ nguyên và hiện lại khi thoát chế độ này. Bật chế độ tập huấn?",
        "Training mode is for workshops: separate drafts and key, and reports signed in it are not valid as a submission. The unit's draft is kept and comes back when you leave the mode. Turn training mode on?",
    );

    pub const TRAINING_MODE_TRAINERS: W = w(
        "Chế độ tập huấn (dành cho giảng viên)",
        "Training mode (for trainers)",
    );
}

/// The offline cache's notices (web/offline.js, docs/offline.md).
pub mod offline {
    use super::{w, W};
    pub const UPDATE_READY: W = w(
        "Có phiên bản mới. Bản nháp đã được lưu; tải lại để dùng phiên bản mới.",
        "A new version is available. Your draft is saved; reload to use the new version.",
    );
    pub const RELOAD: W = w("Tải lại", "Reload");
    pub const EMBEDDED: W = w(
        "Nhúng trong trang này, công cụ chỉ chạy khi có mạng (trình duyệt không cho lưu bộ nhớ đệm ngoại tuyến). Để dùng không cần mạng, hãy mở công cụ trong thẻ riêng.",
        "Embedded in this page, the tool works only online (the browser refuses it an offline cache). To use it offline, open it in its own tab.",
    );
    pub const OWN_TAB: W = w("Mở công cụ trong thẻ riêng", "Open the tool in its own tab");
}

/// The assessment screen and its criterion cards.
pub mod assess {
    use super::{w, W};
    pub const YEAR: W = w("năm", "year");
    pub const HOW_TO_ANSWER: W = w("Hướng dẫn trả lời", "How to answer");
    pub const WHY: W = w("Vì sao có điểm này: ", "Why this score: ");
    pub const DEFAULT_SCORING: W = w(
        "Cách chấm điểm mặc định của công cụ (Kế hoạch chưa quy định)",
        "The tool's default scoring (the plan sets none)",
    );
    pub const NOT_ANSWERED: W = w("Chưa trả lời", "Not answered");
    pub const INCOMPLETE: W = w("Trả lời chưa đủ", "Incomplete");
    pub const TO_CORRECT: W = w("Cần sửa", "To correct");
    pub const SCORED: W = w("Đã tính điểm", "Scored");
    /// For `Status::NotApplicable` once the catalog's "không áp dụng" is merged in.
    pub const NOT_APPLICABLE: W = w("Không áp dụng", "Not applicable");
    /// The model's words, so the 0-of-0 error names the choice exactly as the card shows it.
    pub const NOT_APPLICABLE_CHOICE: W = w(
        tdg_model::field_label::NOT_APPLICABLE_CHOICE_VI,
        tdg_model::field_label::NOT_APPLICABLE_CHOICE_EN,
    );
    pub const NOT_APPLICABLE_CLEARS: W = w(
        " (số liệu đã nhập sẽ được xóa)",
        " (figures typed are cleared)",
    );
    pub const NOT_APPLICABLE_EFFECT: W = w(
        "Điểm tối đa của tiêu chí được loại ra và tổng điểm được quy đổi lại; Hội đồng Thi đua – Khen thưởng thấy rõ điều này khi xếp hạng.",
        "Its maximum leaves the total, which is rescaled; the council sees this when it ranks.",
    );
    pub const DONE: W = w("Đã thực hiện", "Done");
    pub const NOT_DONE: W = w("Chưa thực hiện", "Not done");
    pub const NOT_CHOSEN: W = w("— Chưa chọn —", "— Not chosen —");
    pub const ERRORS_TITLE: W = w("Câu trả lời cần sửa", "Answers to correct");
    pub const ERRORS_INTRO: W = w(
        "Các câu trả lời dưới đây được 0 điểm cho đến khi sửa. Chọn một dòng để đến ô cần sửa.",
        "The answers below score 0 until corrected. Choose a line to go to the field.",
    );
}

/// A criterion's evidence.
pub mod evidence {
    use super::{w, W};
    pub const TITLE: W = w("Minh chứng", "Evidence");
    pub const FOR_REASON: W = w(
        "Minh chứng cho lý do không áp dụng (nếu có)",
        "Evidence for why it does not apply (if any)",
    );
    pub const REQUIRED: W = w(
        "Minh chứng: bắt buộc để được tính điểm",
        "Evidence: required for any points",
    );
    pub const NONE_YET: W = w("Chưa có minh chứng.", "No evidence yet.");
    pub const ADD: W = w("Thêm minh chứng", "Add evidence");
    pub const KIND: W = w("Loại minh chứng", "Kind of evidence");
    pub const DOCUMENT: W = w("Văn bản", "Document");
    pub const LINK: W = w("Đường dẫn", "Link");
    // What is kept of the file is said by the field that follows (review 7, L8).
    pub const FILE: W = w("Tệp trên máy", "File on this computer");
    pub const NUMBER: W = w("Số, ký hiệu văn bản", "Document number");
    pub const DATE: W = w("Ngày ban hành", "Date");
    pub const SUMMARY: W = w("Trích yếu", "Title");
    pub const ADD_DOCUMENT: W = w("Thêm văn bản", "Add document");
    pub const ADD_LINK: W = w("Thêm đường dẫn", "Add link");
    pub const CHOOSE_FILE: W = w(
        "Chọn tệp (tệp không rời khỏi máy; chỉ ghi tên, dung lượng và mã SHA-256)",
        "Choose a file (it stays on this computer; only its name, size and SHA-256 are kept)",
    );
    pub const HASHING: W = w(
        "Đang tính mã SHA-256 của tệp",
        "Computing the file's SHA-256",
    );
    pub const REMOVE: W = w("Xóa", "Remove");
    pub const REMOVE_NTH: W = w("Xóa minh chứng", "Remove evidence");
    pub const OF_DATE: W = w("ngày", "of");
    pub const NO_NUMBER: W = w(
        "Cần nhập số, ký hiệu văn bản.",
        "Enter the document's number.",
    );
    pub const NOT_A_LINK: W = w(
        "Đường dẫn phải bắt đầu bằng http:// hoặc https://.",
        "The link must start with http:// or https://.",
    );
    pub const BAD_FILE: W = w("Tệp không hợp lệ.", "The file is not valid.");
    pub const TOO_LARGE: W = w(
        "Tệp lớn hơn 2 GB: trình duyệt không tính mã SHA-256 cho tệp lớn như vậy. Hãy ghi minh chứng là văn bản hoặc đường dẫn.",
        "The file is larger than 2 GB: the browser does not hash files that large. Record the evidence as a document or a link instead.",
    );
    pub const UNREADABLE: W = w(
        "Không đọc được tệp hoặc không tính được mã SHA-256 của tệp.",
        "The file could not be read or its SHA-256 could not be computed.",
    );
}

/// A number field's own refusals (text that is not passed on to the model).
pub mod number {
    use super::{w, W};
    pub const NOT_WHOLE: W = w(
        "Hãy nhập một số nguyên, không có phần thập phân (ví dụ 1250 hoặc 1.250).",
        "Enter a whole number, with no decimal part (e.g. 1250 or 1,250).",
    );
    pub const TOO_LARGE: W = w(
        "Số quá lớn: tối đa 9.007.199.254.740.991.",
        "The number is too large: at most 9,007,199,254,740,991.",
    );
}

/// The result beside the criteria.
pub mod summary {
    use super::{w, W};
    pub const TITLE: W = w("Kết quả tự chấm", "Self-assessed result");
    pub const TOTAL: W = w("Tổng điểm", "Total");
    pub const SHARE: W = w("Tỷ lệ điểm đạt", "Share of points reached");
    pub const CRITERIA_POINTS: W = w("Điểm theo tiêu chí", "Points from the criteria");
    pub const ANSWERED: W = w("Đã trả lời", "Answered");
    pub use super::assess::{NOT_ANSWERED as OPEN, TO_CORRECT};
    /// Part of "answered", so said as a part of it (review 7: four rows read as 12 of 8).
    pub const MISSING_EVIDENCE: W = w("trong đó thiếu minh chứng", "of which without evidence");
    pub const BONUS_CAP: W = w("Điểm thưởng tối đa", "Bonus cap");
    pub const CHANGE_DATE: W = w(
        "(đổi ngày gửi dự kiến ở bước “Bản in”)",
        "(change the intended date at the “Printable copy” step)",
    );
    pub const MODEL_NOTE: W = w(
        "Điểm tối đa, cách tính, điểm thưởng, điểm trừ và các mức xếp loại theo cách chấm điểm mặc định của công cụ (Kế hoạch chưa quy định): Kế hoạch đặt chỉ tiêu nhưng để hình thức, tiêu chuẩn khen thưởng “có hướng dẫn cụ thể sau”.",
        "Maximum points, scoring rules, bonus, penalty and bands follow the tool's default scoring (the plan sets none): the plan sets targets but leaves reward standards to “later guidance”.",
    );
}

/// Sentences with figures.
pub mod says {
    use tdg_model::Lang;

    fn pick(lang: Lang, vi: String, en: String) -> String {
        super::trs(lang, vi, en)
    }

    /// English nouns agree with their count ("1 answer", "2 answers"); Vietnamese has no plural.
    fn en(n: u32, one: &str, many: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }

    /// The noun for points written as figures ("1 point", "2,5 points").
    fn point_noun(points: &str) -> &'static str {
        if points == "1" {
            "point"
        } else {
            "points"
        }
    }

    /// "103 điểm (gồm 3 điểm thưởng)": a total is never written over 100.
    pub fn total_note(lang: Lang, bonus: Option<&str>, penalty: Option<&str>) -> Option<String> {
        match (bonus, penalty) {
            (None, None) => None,
            (Some(b), None) => Some(pick(
                lang,
                format!("(gồm {b} điểm thưởng)"),
                format!("(including {b} bonus {})", point_noun(b)),
            )),
            (None, Some(p)) => Some(pick(
                lang,
                format!("(đã trừ {p} điểm)"),
                format!("({p} {} deducted)", point_noun(p)),
            )),
            (Some(b), Some(p)) => Some(pick(
                lang,
                format!("(gồm {b} điểm thưởng, đã trừ {p} điểm)"),
                format!(
                    "(including {b} bonus {}, {p} {} deducted)",
                    point_noun(b),
                    point_noun(p)
                ),
            )),
        }
    }

    pub fn points(lang: Lang, points: &str) -> String {
        pick(
            lang,
            format!("{points} điểm"),
            format!("{points} {}", point_noun(points)),
        )
    }

    pub fn points_of(lang: Lang, points: &str, max: &str) -> String {
        pick(
            lang,
            format!("{points}/{max} điểm"),
            format!("{points}/{max} points"),
        )
    }

    pub fn points_label(lang: Lang, points: &str, max: &str) -> String {
        pick(
            lang,
            format!("Điểm: {points} trên {max}"),
            format!("Points: {points} of {max}"),
        )
    }

    /// The progress line: every criterion in exactly one count.
    pub fn progress(lang: Lang, answered: u32, total: u32, open: u32, to_correct: u32) -> String {
        let mut vi = format!("Đã trả lời {answered}/{total}");
        let mut en = format!("Answered {answered}/{total}");
        if open > 0 {
            vi.push_str(&format!(" · chưa trả lời {open}"));
            en.push_str(&format!(" · not answered {open}"));
        }
        if to_correct > 0 {
            vi.push_str(&format!(" · cần sửa {to_correct}"));
            en.push_str(&format!(" · to correct {to_correct}"));
        }
        pick(lang, vi, en)
    }

    pub fn provisional(lang: Lang, open: u32, to_correct: u32) -> String {
        match (open, to_correct) {
            (o, 0) => pick(
                lang,
                format!("Tạm tính: còn {o} tiêu chí chưa trả lời."),
                format!(
                    "Provisional: {} not answered yet.",
                    en(o, "criterion", "criteria")
                ),
            ),
            (0, c) => pick(
                lang,
                format!("Tạm tính: còn {c} câu trả lời cần sửa."),
                format!("Provisional: {} to correct.", en(c, "answer", "answers")),
            ),
            (o, c) => pick(
                lang,
                format!("Tạm tính: còn {o} tiêu chí chưa trả lời và {c} câu trả lời cần sửa."),
                format!(
                    "Provisional: {} not answered yet and {} to correct.",
                    en(o, "criterion", "criteria"),
                    en(c, "answer", "answers")
                ),
            ),
        }
    }

    pub fn missing_evidence(lang: Lang, n: u32) -> String {
        pick(
            lang,
            format!("{n} tiêu chí thiếu minh chứng đang được 0 điểm."),
            format!("{n} criteria without their evidence score 0."),
        )
    }

    pub fn not_applicable_status(lang: Lang, max: &str) -> String {
        pick(
            lang,
            format!("Không áp dụng (không tính {max} điểm)"),
            format!("Not applicable ({max} points left out)"),
        )
    }

    pub fn missing_evidence_status(lang: Lang, points: &str) -> String {
        pick(
            lang,
            // "Not counted yet", not "lost": adding the evidence brings the points (review 7, L4).
            format!("Thiếu minh chứng (chưa được tính {points} điểm)"),
            format!(
                "Evidence missing ({points} {} not counted yet)",
                point_noun(points)
            ),
        )
    }

    /// `citation` is the catalog's, e.g. "điểm a khoản 1 Mục IV Kế hoạch số 175/KH-UBND".
    pub fn from_plan(lang: Lang, citation: &str) -> String {
        pick(lang, format!("Theo {citation}"), format!("From {citation}"))
    }

    pub fn share_line(lang: Lang, share: &str, target: &str) -> String {
        pick(
            lang,
            format!("Tỷ lệ: {share} (chỉ tiêu {target})"),
            format!("Share: {share} (target {target})"),
        )
    }

    /// Criteria of this tier answered but not assessed in `year`, by name.
    pub fn not_assessed_in(lang: Lang, year: i32, names: &[&str]) -> String {
        let list = names
            .iter()
            .map(|n| format!("“{n}”"))
            .collect::<Vec<_>>()
            .join(", ");
        pick(
            lang,
            format!("Năm {year} không chấm {list}: câu trả lời đã nhập vẫn được giữ trong bản nháp, nhưng không được chấm điểm và không đưa vào báo cáo."),
            format!("{list} is not assessed in {year}: the answer typed is kept in the draft, but is not scored and does not go into the report."),
        )
    }

    /// The unit's name and code stand as they were typed for another tier.
    pub fn unit_carried(lang: Lang, from_tier: &str) -> String {
        pick(
            lang,
            format!("Tên và mã dưới đây được giữ lại từ khi chọn “{from_tier}”. Hãy kiểm tra lại cho đúng đơn vị của cấp vừa chọn."),
            format!("The name and code below were kept from when “{from_tier}” was chosen. Check that they are right for the tier now chosen."),
        )
    }

    pub fn set_aside(lang: Lang, n: usize) -> String {
        pick(
            lang,
            format!("{n} câu trả lời đã nhập cho cấp hoặc phân loại khác vẫn được giữ trong bản nháp, nhưng không được chấm điểm và không đưa vào báo cáo."),
            format!("{n} answer(s) typed for another tier or type are kept in the draft, but are not scored and do not go into the report."),
        )
    }

    pub fn errors_count(lang: Lang, n: usize) -> String {
        pick(
            lang,
            format!("Câu trả lời cần sửa ({n})"),
            format!("Answers to correct ({n})"),
        )
    }

    pub fn sample_not_loaded(url: &str) -> (String, String) {
        (
            format!("Không tải được đơn vị mẫu ({url})."),
            format!("The sample unit could not be loaded ({url})."),
        )
    }

    pub fn exercise_opened(title: &str) -> (String, String) {
        (
            format!("Đã mở bài tập “{title}”. Bản nháp trước được giữ để khôi phục."),
            format!("Exercise “{title}” opened. The previous draft is kept and can be restored."),
        )
    }

    /// Asked before signing a report with open criteria or errors; a count of zero is left
    /// out ("… và 0 lỗi" read as an error of its own, review L4).
    pub fn sign_anyway(lang: Lang, open: u32, errors: usize) -> String {
        let mut parts = Vec::new();
        match lang {
            Lang::Vi => {
                if open > 0 {
                    parts.push(format!("{open} tiêu chí chưa trả lời"));
                }
                if errors > 0 {
                    parts.push(format!("{errors} lỗi trong câu trả lời"));
                }
                format!("Báo cáo còn {}. Vẫn ký và tải báo cáo?", parts.join(" và "))
            }
            Lang::En => {
                if open > 0 {
                    parts.push(format!("{open} open criteria"));
                }
                if errors > 0 {
                    parts.push(format!("{errors} answer errors"));
                }
                format!(
                    "The report still has {}. Sign and download it anyway?",
                    parts.join(" and ")
                )
            }
        }
    }

    pub fn sample_opened(label: &str) -> (String, String) {
        (
            format!("Đã mở đơn vị mẫu “{label}”. Bản nháp trước được giữ để khôi phục."),
            format!(
                "Sample unit “{label}” opened. The previous draft is kept and can be restored."
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_with_a_bonus_is_said_in_points_never_over_100() {
        assert_eq!(
            says::total_note(Lang::Vi, Some("3"), None).as_deref(),
            Some("(gồm 3 điểm thưởng)")
        );
        assert_eq!(
            says::total_note(Lang::Vi, Some("3"), Some("2")).as_deref(),
            Some("(gồm 3 điểm thưởng, đã trừ 2 điểm)")
        );
        assert_eq!(says::total_note(Lang::En, None, None), None);
    }

    #[test]
    fn signing_anyway_names_only_the_counts_that_are_not_zero() {
        assert_eq!(
            says::sign_anyway(Lang::Vi, 2, 0),
            "Báo cáo còn 2 tiêu chí chưa trả lời. Vẫn ký và tải báo cáo?"
        );
        assert_eq!(
            says::sign_anyway(Lang::Vi, 2, 1),
            "Báo cáo còn 2 tiêu chí chưa trả lời và 1 lỗi trong câu trả lời. Vẫn ký và tải báo cáo?"
        );
        assert_eq!(
            says::sign_anyway(Lang::En, 0, 3),
            "The report still has 3 answer errors. Sign and download it anyway?"
        );
    }

    #[test]
    fn the_progress_line_names_every_count_that_is_not_zero() {
        assert_eq!(
            says::progress(Lang::Vi, 0, 6, 5, 1),
            "Đã trả lời 0/6 · chưa trả lời 5 · cần sửa 1"
        );
        assert_eq!(says::progress(Lang::En, 6, 6, 0, 0), "Answered 6/6");
    }

    #[test]
    fn the_words_use_the_agreed_terms() {
        // “ ” quotes, "cách chấm điểm mặc định", "mức độ chuyển đổi số", "tải" not "gửi".
        assert!(!tdg_model::gap::words::title("Tốt", Lang::Vi).contains('«'));
        assert!(assess::DEFAULT_SCORING
            .vi
            .starts_with("Cách chấm điểm mặc định của công cụ"));
        assert!(!t(Lang::Vi, Msg::DefaultModel).contains("mô hình"));
        assert!(!steps::SIGN.vi.contains("gửi"));
    }

    /// The interface's words live here (issue 9): no source file of the app outside `i18n`
    /// holds a Vietnamese string literal, tests apart. A sentence added inline fails this test
    /// with its file and line.
    #[test]
    fn every_vietnamese_sentence_of_the_app_is_in_i18n() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        scan(&src, &mut found);
        assert!(
            found.is_empty(),
            "words outside crate::i18n:\n{}",
            found.join("\n")
        );
    }

    fn scan(dir: &std::path::Path, found: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("the app's sources are readable")
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.file_stem().is_some_and(|s| s == "i18n") {
                continue;
            }
            if path.is_dir() {
                scan(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                // A file's unit tests may hold Vietnamese data: they start at `mod tests`.
                let code = text.split("mod tests {").next().unwrap_or_default();
                for (n, line) in code.lines().enumerate() {
                    let line = line.trim_start();
                    if !line.starts_with("//") && string_literals(line).any(has_vietnamese) {
                        found.push(format!("{}:{}: {line}", path.display(), n + 1));
                    }
                }
            }
        }
    }

    /// The quoted parts of a line (escaped quotes kept inside).
    fn string_literals(line: &str) -> impl Iterator<Item = &str> {
        let mut parts = Vec::new();
        let (mut start, mut escaped) = (None, false);
        for (i, c) in line.char_indices() {
            match (c, start) {
                ('\\', Some(_)) if !escaped => escaped = true,
                ('"', None) => start = Some(i + 1),
                ('"', Some(s)) if !escaped => {
                    parts.push(&line[s..i]);
                    start = None;
                }
                _ => escaped = false,
            }
        }
        parts.into_iter()
    }

    fn has_vietnamese(text: &str) -> bool {
        const MARKED: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        text.to_lowercase().chars().any(|c| MARKED.contains(c))
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        assert_eq!(
            says::provisional(Lang::En, 0, 1),
            "Provisional: 1 answer to correct."
        );
        assert_eq!(
            says::provisional(Lang::En, 2, 3),
            "Provisional: 2 criteria not answered yet and 3 answers to correct."
        );
        assert_eq!(
            says::total_note(Lang::En, Some("1"), None).as_deref(),
            Some("(including 1 bonus point)")
        );
        assert_eq!(
            says::total_note(Lang::En, Some("2,5"), Some("1")).as_deref(),
            Some("(including 2,5 bonus points, 1 point deducted)")
        );
        assert_eq!(says::points(Lang::En, "1"), "1 point");
        assert_eq!(says::points(Lang::Vi, "1"), "1 điểm");
    }
}
