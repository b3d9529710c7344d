//! The office view's words, in both languages: Vietnamese first, the language of the office.
//! Every fixed sentence of the page is a named [`W`] here, grouped by the screen or panel that
//! shows it (the unit's app keeps its words the same way: crates/app/src/i18n.rs); a sentence
//! with figures is a function here. The components only name them (a test keeps Vietnamese
//! out of their sources). Messages of the pure crates (`Localized`) stay with their errors.

use tdg_model::units::format_int;
use tdg_model::{Catalog, Lang};

/// A fixed sentence of the interface in both languages (`tdg_model::text::W`).
pub use tdg_model::text::W;

const fn w(vi: &'static str, en: &'static str) -> W {
    W::new(vi, en)
}

/// A number written the language's way ("1.000", "1,000").
fn n(x: usize, lang: Lang) -> String {
    format_int(x as u64, lang)
}

/// "Đã kiểm tra 340/1.000 tệp": the progress line, numbers written the language's way.
pub fn progress_line(lang: Lang, done: u32, total: u32) -> String {
    let n = |x: u32| format_int(u64::from(x), lang);
    match lang {
        Lang::Vi => format!("Đã kiểm tra {}/{} tệp", n(done), n(total)),
        Lang::En => format!("Checked {}/{} files", n(done), n(total)),
    }
}

/// A tier as the catalog names it in `lang` for `period` (tiers are renamed over the years: the
/// catalog's names by period, never a name written here), or its id. No period: the current name.
pub fn tier_name(catalog: &Catalog, id: &str, period: Option<i32>, lang: Lang) -> String {
    catalog.tier(id).map_or_else(
        || id.to_owned(),
        |t| match period {
            Some(p) => t.name_for(p).get(lang).to_owned(),
            None => t.name.get(lang).to_owned(),
        },
    )
}

/// A band as the catalog names it in `lang`, or its id.
pub fn band_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    tdg_model::explain::band_name(catalog, id, lang)
}

/// A cluster or block: its name where the catalog lists it, otherwise the text the unit typed;
/// "—" for none.
pub fn group_name(catalog: &Catalog, group: &str, lang: Lang) -> String {
    if group.trim().is_empty() {
        return "—".to_owned();
    }
    catalog
        .emulation_groups
        .iter()
        .find(|g| g.id == group)
        .map_or_else(|| group.to_owned(), |g| g.name.get(lang).to_owned())
}

/// Points as people write them in `lang` ("85,5" or "85.5").
pub fn points(milli: u32, lang: Lang) -> String {
    tdg_model::units::format_points(milli, lang)
}

/// The same, split before the decimal sign for a column that lines up on it: ("29", ",21"),
/// ("85", ""). Joined, the parts are `points(milli, lang)`.
pub fn points_parts(milli: u32, lang: Lang) -> (String, String) {
    let mut text = points(milli, lang);
    match text.find(tdg_model::units::decimal_sign(lang)) {
        Some(at) => {
            let decimals = text.split_off(at);
            (text, decimals)
        }
        None => (text, String::new()),
    }
}

/// The page's words, by the screen or panel that shows them.
pub mod words {
    /// Words several panels share.
    pub mod common {
        use super::super::{w, W};
        use crate::state::Notice;
        use tdg_model::Text;
        use tdg_model::{Lang, Localized};
        pub const CLOSE: W = w("Đóng", "Close");
        pub const CANCEL: W = w("Hủy", "Cancel");
        pub const SAVE: W = w("Lưu", "Save");
        pub const EDIT: W = w("Sửa", "Edit");
        pub const UNDO: W = w("Hoàn tác", "Undo");

        /// A picked file the browser could not read.
        pub fn file_unreadable(e: &str) -> Notice {
            Notice::error(
                format!("Không đọc được tệp: {e}"),
                format!("Cannot read the file: {e}"),
            )
        }

        /// A picked file's own error, after its name.
        pub fn in_file(name: &str, e: &dyn Localized) -> Notice {
            Notice::error(
                format!("{name}: {}", e.message(Lang::Vi)),
                format!("{name}: {}", e.message(Lang::En)),
            )
        }

        /// A download the browser refused.
        pub fn download_failed(e: &str) -> Notice {
            Notice::error(
                format!("Không tải được tệp: {e}"),
                format!("The download failed: {e}"),
            )
        }

        /// A named file the browser could not read.
        pub fn named_file_unreadable(name: &str, e: &str) -> Text {
            Text::new(
                format!("Không đọc được tệp {name}: {e}"),
                format!("Cannot read {name}: {e}"),
            )
        }

        /// A picked file's own error, after its name, as a text.
        pub fn in_file_text(name: &str, e: &dyn Localized) -> Text {
            Text::new(
                format!("{name}: {}", e.message(Lang::Vi)),
                format!("{name}: {}", e.message(Lang::En)),
            )
        }
    }

    pub mod app {
        use super::super::{w, W};
        use crate::state::Notice;
        use tdg_model::Text;
        pub const TITLE: W = w(
            "Cơ quan tiếp nhận: kiểm tra, tổng hợp báo cáo",
            "Receiving office: check and compile reports",
        );
        pub const TO_UNIT_APP: W = w(
            "← Trang tự đánh giá của đơn vị",
            "← The unit's self-assessment",
        );

        pub const SWITCH_TO: W = w("English", "Tiếng Việt");

        pub fn stored_appraisals_unreadable(e: &str) -> Notice {
            Notice::error(
                format!("Không đọc được các ý kiến thẩm định đã lưu (vẫn để nguyên): {e}"),
                format!("The stored appraisals cannot be read (left as they are): {e}"),
            )
        }

        pub fn stored_register_unreadable(e: &str) -> Notice {
            Notice::error(
                format!("Không đọc được sổ đăng ký đã lưu (vẫn để nguyên): {e}"),
                format!("The stored register cannot be read (left as it is): {e}"),
            )
        }

        pub fn catalog_not_loaded(e: &str) -> Text {
            Text::new(
                format!("Không tải được danh mục tiêu chí: {e}"),
                format!("The catalog could not be loaded: {e}"),
            )
        }

        pub const REGISTER_NOT_STORED: W = w(
            "Trình duyệt không lưu được sổ đăng ký (bộ nhớ của trang đã đầy hoặc bị chặn): \
             sổ vẫn dùng được trên trang này, hãy tải sổ về máy (CSV hoặc trust.json).",
            "The browser could not store the register (the page's storage is full or \
             blocked): it still works on this page; download it (CSV or trust.json).",
        );
    }

    pub mod appraisal_editor {
        use super::super::{w, W};
        use tdg_model::{Lang, Text};
        pub const APPRAISED_POINTS: W = w("Điểm thẩm định", "Appraised points");
        pub const REASON: W = w("Lý do", "Reason");
        pub const HINT: W = w("Để trống điểm một tiêu chí: giữ điểm đơn vị tự chấm. Ý kiến thẩm định lưu trên máy này, không thay đổi báo cáo đã ký.", "Leave a criterion's points empty to keep the unit's own. Appraisals are kept on this computer and never change the signed report.");
        pub const CRITERION: W = w("Tiêu chí", "Criterion");
        pub const SELF_MAXIMUM: W = w("Tự chấm / tối đa", "Self / maximum");
        pub const NOT_SAVED_SEE_ERROR: W = w(
            "Chưa lưu: xem lỗi ghi ở dòng của tiêu chí.",
            "Not saved: see the error in the criterion's row.",
        );
        pub const SAVE_APPRAISAL: W = w("Lưu thẩm định", "Save the appraisal");

        pub fn not_a_number(vi_name: &str, en_name: &str) -> Text {
            Text::new(
                format!("“{vi_name}”: điểm thẩm định phải là một số, ví dụ 8 hoặc 8,5"),
                format!("“{en_name}”: the appraised points must be a number such as 8 or 8.5"),
            )
        }

        pub const NOT_STORED: W = w(
            "Trình duyệt không cho lưu ý kiến thẩm định: hãy tải tệp thẩm định về máy.",
            "The browser refused to store the appraisal: download the appraisal file.",
        );

        pub fn title(lang: Lang, name: &str, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Thẩm định: {name} ({code})"),
                Lang::En => format!("Appraisal: {name} ({code})"),
            }
        }

        /// A criterion's own message, after its name.
        pub fn about(vi_name: &str, en_name: &str, text: &Text) -> Text {
            Text::new(
                format!("“{vi_name}”: {}", text.vi),
                format!("“{en_name}”: {}", text.en),
            )
        }
    }

    pub mod band_table {
        use super::super::{w, W};
        pub const UNITS_PER_BAND_CLUSTER: W = w(
            "Số đơn vị theo xếp loại, từng cụm, khối",
            "Units per band, by cluster or block",
        );
        pub const TIER: W = w("Cấp", "Tier");
        pub const CLUSTER_BLOCK: W = w("Cụm, khối thi đua", "Cluster or block");
        pub const BAND: W = w("Xếp loại", "Band");
        pub const UNITS: W = w("Số đơn vị", "Units");
    }

    pub mod charts {
        use super::super::{w, W};
        use tdg_model::Lang;
        pub const BANDS_CLUSTER_BLOCK: W = w(
            "Xếp loại theo cụm, khối thi đua",
            "Bands by cluster or block",
        );
        pub const DISTRIBUTION_TOTALS: W = w(
            "Phân bố tổng điểm (mỗi cột 10 điểm)",
            "Distribution of totals (10 points a bar)",
        );
        pub const CHARTS: W = w("Biểu đồ", "Charts");
        pub const FIGURES_TABLE_ABOVE: W = w(
            " (số liệu: bảng “Số đơn vị theo xếp loại” ở trên)",
            " (figures: the “Units per band” table above)",
        );
        pub const FIGURES_DISTRIBUTION_TOTALS: W = w(
            "Số liệu của biểu đồ phân bố tổng điểm",
            "Figures of the distribution of totals",
        );
        pub const TOTAL: W = w("Tổng điểm", "Total");
        pub const UNITS: W = w("Số đơn vị", "Units");

        /// A histogram bar's range of totals; the last holds 100 and above.
        pub fn bar_range(lang: Lang, from: &str, to: Option<&str>) -> String {
            match (lang, to) {
                (Lang::Vi, None) => format!("từ {from} trở lên"),
                (Lang::En, None) => format!("{from} and over"),
                (Lang::Vi, Some(to)) => format!("từ {from} đến dưới {to}"),
                (Lang::En, Some(to)) => format!("{from} to under {to}"),
            }
        }
    }

    pub mod date_field {
        use super::super::{w, W};
        pub const DAY_MONTH_YEAR_EXAMPLE: W = w(
            "Ngày/tháng/năm, ví dụ 27/11/2026",
            "Day/month/year, for example 27/11/2026",
        );
    }

    pub mod exports {
        use super::super::{w, W};
        use crate::state::Notice;
        pub const EXPORT: W = w("Xuất kết quả", "Export");
        pub const DOWNLOAD_WORKBOOK: W =
            w("Tải tệp Excel (.xlsx)", "Download the workbook (.xlsx)");
        pub const DOWNLOAD_CSV: W = w("Tải tệp CSV", "Download the CSV");
        pub const PRINT_SUMMARY_TABLE: W = w("In bảng tổng hợp", "Print the summary table");
        pub const DOWNLOAD_APPRAISALS: W = w(
            "Tải tệp thẩm định (.json)",
            "Download the appraisals (.json)",
        );
        pub const IMPORT_APPRAISALS: W = w("Nhập tệp thẩm định", "Import appraisals");

        pub fn workbook_failed(e: &str) -> Notice {
            Notice::error(
                format!("Không tạo được tệp Excel: {e}"),
                format!("The workbook could not be made: {e}"),
            )
        }

        pub fn csv_failed(e: &str) -> Notice {
            Notice::error(
                format!("Không tạo được tệp CSV: {e}"),
                format!("The CSV could not be made: {e}"),
            )
        }

        pub fn appraisals_not_saved(e: &str) -> Notice {
            Notice::error(
                format!("Không tải được tệp thẩm định: {e}"),
                format!("The appraisal file could not be saved: {e}"),
            )
        }

        pub fn appraisals_imported(file: &str) -> Notice {
            Notice::info(
                format!("Đã nhập ý kiến thẩm định từ {file}."),
                format!("Appraisals imported from {file}."),
            )
        }
    }

    pub mod file_details {
        use tdg_model::Lang;

        pub fn title(lang: Lang, file: &str) -> String {
            match lang {
                Lang::Vi => format!("Chi tiết kiểm tra: {file}"),
                Lang::En => format!("Check details: {file}"),
            }
        }

        /// The signed and official totals ("—" for none).
        pub fn totals(lang: Lang, signed: &str, official: &str) -> String {
            match lang {
                Lang::Vi => format!("Tổng điểm đã ký: {signed}; tổng điểm chính thức: {official}"),
                Lang::En => format!("Signed total: {signed}; official total: {official}"),
            }
        }
    }

    pub mod filters {
        use super::super::{w, W};
        pub const TIER: W = w("Cấp", "Tier");
        pub const ALL: W = w("Tất cả", "All");
        pub const CLUSTER_BLOCK: W = w("Cụm, khối thi đua", "Cluster or block");
    }

    pub mod heat_map {
        use super::super::{w, W};
        use tdg_model::Lang;
        pub const NOT_APPLICABLE: W = w("không áp dụng", "not applicable");
        pub const TITLE: W = w(
            "Bản đồ nhiệt: tiêu chí theo đơn vị",
            "Heat map: criteria by unit",
        );
        pub const CLUSTER_BLOCK_SHOWN: W =
            w("Cụm, khối thi đua của bản đồ", "Cluster or block shown");
        pub const FIGURES_TABLE: W = w("Số liệu của bản đồ (bảng)", "The map's figures (table)");
        pub const CRITERION: W = w("Tiêu chí", "Criterion");

        pub fn title(lang: Lang, label: &str) -> String {
            match lang {
                Lang::Vi => format!("Mức đạt từng tiêu chí (% điểm tối đa): {label}"),
                Lang::En => format!("Criteria met (% of the maximum): {label}"),
            }
        }
    }

    pub mod missing_list {
        use super::super::{w, W};
        pub const NOT_SUBMITTED: W = w("chưa nộp", "not submitted");
        pub const SENT_BUT_FAILED: W = w("đã gửi nhưng không đạt", "sent but failed");
        pub const UNITS_NOT_SUBMITTED: W = w("Đơn vị chưa nộp", "Units not submitted");
        pub const NONE_MISSING: W = w(
            "Mọi đơn vị đã đăng ký đều có báo cáo được tính.",
            "Every registered unit has a report that counts.",
        );
        pub const UNIT_CODE: W = w("Mã đơn vị", "Unit code");
        pub const UNIT: W = w("Tên đơn vị", "Unit");
        pub const TIER: W = w("Cấp", "Tier");
        pub const CLUSTER_BLOCK: W = w("Cụm, khối thi đua", "Cluster or block");
        pub const STATUS: W = w("Tình trạng", "Status");
    }

    pub mod open_form {
        use super::super::{w, W};
        use tdg_model::{Lang, Text};
        pub const LOADING_CATALOG: W = w("Đang tải danh mục tiêu chí…", "Loading the catalog…");
        pub const OPEN_SEASON: W = w("Mở mùa báo cáo", "Open a season");
        pub const DROP_HINT: W = w(
            "Kéo thả các tệp báo cáo, tệp .zip hoặc cả thư mục vào đây, hoặc chọn:",
            "Drop report files, .zip files or whole folders here, or choose:",
        );
        pub const REPORT_FILES: W = w(
            "Các tệp báo cáo (.json, .zip)",
            "Report files (.json, .zip)",
        );
        pub const FOLDER_REPORTS: W = w("Một thư mục báo cáo", "A folder of reports");
        pub const CLEAR: W = w("Bỏ chọn", "Clear");
        pub const TRUST_LIST: W = w(
            "Danh sách khóa tin cậy (trust.json)",
            "Trust list (trust.json)",
        );
        pub const ANOTHER_CATALOG: W = w(
            "Danh mục tiêu chí khác (không bắt buộc)",
            "Another catalog (optional)",
        );
        pub const RECEIVED_DATE: W = w(
            "Ngày nhận (do cơ quan nhập)",
            "Received date (entered by the office)",
        );
        pub const NO_RECEIVED_DATE: W = w("Chưa có ngày nhận: thời hạn sẽ không được kiểm tra và xếp hạng theo tổng điểm đơn vị đã ký.", "No received date: timing will not be checked, and units are ranked by their signed totals.");
        pub const REPORTING_YEAR: W = w(
            "Năm báo cáo (để trống: năm đa số báo cáo ghi)",
            "Reporting year (empty: the year most reports declare)",
        );
        pub const CHECK_COMPILE: W = w("Kiểm tra và tổng hợp", "Check and compile");

        pub fn catalog_in_use(lang: Lang, file: &str, shipped: bool) -> String {
            match (lang, shipped) {
                (Lang::Vi, true) => {
                    format!("Danh mục đang dùng: bản đã công bố kèm công cụ ({file})")
                }
                (Lang::En, true) => {
                    format!("Catalog in use: the published one shipped with the tool ({file})")
                }
                (Lang::Vi, false) => format!("Danh mục đang dùng: {file}"),
                (Lang::En, false) => format!("Catalog in use: {file}"),
            }
        }

        pub fn files_chosen(lang: Lang, count: &str) -> String {
            match lang {
                Lang::Vi => format!("{count} tệp đã chọn"),
                Lang::En => format!("{count} files chosen"),
            }
        }

        pub fn register_in_use(lang: Lang, source: &str, keys: &str) -> String {
            match lang {
                Lang::Vi => format!("Sổ đăng ký đang dùng: {source} ({keys} khóa)"),
                Lang::En => format!("Register in use: {source} ({keys} keys)"),
            }
        }

        pub fn result_unreadable(e: &str) -> Text {
            Text::new(
                format!("Kết quả kiểm tra không đọc được: {e}"),
                format!("The check's result cannot be read: {e}"),
            )
        }
    }

    pub mod print_summary {
        use super::super::{w, W};
        use tdg_model::Lang;
        pub const NOT_ENTERED: W = w(
            "chưa nhập (chưa kiểm tra thời hạn)",
            "not entered (timing not checked)",
        );
        pub const TITLE: W = w(
            "Bảng tổng hợp kết quả tự đánh giá",
            "Summary of the self-assessment results",
        );
        pub const NO: W = w("STT", "No.");
        pub const UNIT: W = w("Đơn vị", "Unit");
        pub const TIER: W = w("Cấp", "Tier");
        pub const CLUSTER_BLOCK: W = w("Cụm, khối thi đua", "Cluster or block");
        pub const SELF_ASSESSED_TOTAL: W = w("Điểm tự đánh giá", "Self-assessed total");
        pub const SELF_ASSESSED_BAND: W = w("Xếp loại tự đánh giá", "Self-assessed band");
        pub const APPRAISED_TOTAL: W = w("Điểm thẩm định", "Appraised total");
        pub const APPRAISED_BAND: W = w("Xếp loại thẩm định", "Appraised band");
        pub const RANK_CLUSTER_BLOCK: W = w("Thứ hạng trong cụm, khối", "Rank in cluster or block");
        pub const FOOTNOTE: W = w("* Tổng điểm đã quy đổi vì có tiêu chí “không áp dụng”. Thứ hạng theo điểm thẩm định nếu có, nếu không theo điểm tự đánh giá.", "* Total rescaled: some criteria are “not applicable”. Ranked by the appraised total where there is one, otherwise the self-assessed.");

        pub fn period_received(lang: Lang, period: i32, received: &str) -> String {
            match lang {
                Lang::Vi => format!("Năm {period} · ngày nhận: {received}"),
                Lang::En => format!("Period {period} · received: {received}"),
            }
        }
    }

    pub mod progress_bar {
        use super::super::{w, W};
        use tdg_model::Lang;
        pub const TIMING_NOT_CHECKED: W = w(
            "Chưa kiểm tra thời hạn (không có ngày nhận): xếp hạng theo tổng điểm đơn vị đã ký.",
            "Timing not checked (no received date): ranked by the signed totals.",
        );

        /// The season in figures: files, units ranked, files failed, units not submitted.
        pub fn season_counts(
            lang: Lang,
            period: &str,
            files: &str,
            ranked: &str,
            failed: &str,
            missing: &str,
        ) -> String {
            match lang {
                Lang::Vi => format!(
                    "Năm báo cáo {period}: {files} tệp, {ranked} đơn vị được xếp hạng, {failed} tệp không đạt, {missing} đơn vị chưa nộp."
                ),
                Lang::En => format!(
                    "Period {period}: {files} files, {ranked} units ranked, {failed} files fail, {missing} units not submitted."
                ),
            }
        }

        pub fn received_on(lang: Lang, day: &str) -> String {
            match lang {
                Lang::Vi => format!("Ngày nhận {day}: xếp hạng theo tổng điểm chính thức."),
                Lang::En => format!("Received {day}: ranked by the official totals."),
            }
        }

        pub fn skipped(lang: Lang, files: &str) -> String {
            match lang {
                Lang::Vi => format!("Bỏ qua (không phải tệp .json): {files}"),
                Lang::En => format!("Skipped (not .json files): {files}"),
            }
        }
    }

    pub mod register_form {
        use super::super::{w, W};
        use crate::state::Notice;
        pub const TIER_LABEL: W = w("Cấp của đơn vị", "The unit's tier");
        pub const KEY: W = w(
            "Khóa (did:key hoặc dấu vân tay)",
            "Key (did:key or fingerprint)",
        );
        pub const KEY_VALID_FROM: W = w("Khóa có hiệu lực từ", "Key valid from");
        pub const TITLE: W = w("Thêm đơn vị hoặc khóa mới", "Add a unit or a new key");
        pub const CHOOSE_TIER: W = w("— chọn cấp —", "— choose a tier —");
        pub const CHOOSE_VARIANT: W = w("— chọn loại —", "— choose a variant —");
        pub const ADD: W = w("Thêm vào sổ", "Add to the register");

        pub fn unit_added(code: &str) -> Notice {
            Notice::info(
                format!("Đã thêm đơn vị {code} vào sổ đăng ký."),
                format!("The unit {code} was added to the register."),
            )
        }
    }

    pub mod register_panel {
        use super::super::n;
        use super::super::{w, W};
        use crate::state::Notice;
        use tdg_model::Lang;
        pub const TITLE: W = w("Sổ đăng ký đơn vị và khóa", "Unit register and keys");
        pub const IMPORT: W = w(
            "Nhập sổ đăng ký từ tệp CSV hoặc Excel",
            "Import the register from a CSV or Excel file",
        );
        pub const IMPORT_HINT: W = w("Các cột: Mã đơn vị, Tên đơn vị, Cấp, Loại, Cụm/Khối, Khóa (did:key hoặc dấu vân tay), Hiệu lực từ, Hiệu lực đến, Ngày thu hồi. Khi đã có sổ, trang hỏi trước khi thay hoặc gộp.", "Columns: unit code, name, tier, variant, cluster or block, key (did:key or fingerprint), valid from, valid until, revoked on. When a register is in use, the page asks before replacing or merging.");
        pub const ROWS_NOT_IMPORTED: W = w("Các dòng không nhập được", "Rows not imported");
        pub const OFFICE_KEEPING_REGISTER: W = w("Cơ quan giữ sổ", "Office keeping the register");
        pub const DOWNLOAD_TRUST_LIST: W = w(
            "Tải danh sách khóa tin cậy (trust.json)",
            "Download the trust list (trust.json)",
        );
        pub const DOWNLOAD_CSV: W = w("Tải sổ đăng ký (CSV)", "Download the register (CSV)");
        pub const KEY: W = w("Khóa (dấu vân tay)", "Key (fingerprint)");
        pub const STATUS: W = w("Tình trạng", "Status");
        pub const ACTIONS: W = w("Thao tác", "Actions");

        pub const NO_CATALOG_YET: W = w(
            "Chưa có danh mục tiêu chí để kiểm tra cấp, loại của sổ đăng ký.",
            "No catalog yet to check the register's tiers and variants against.",
        );

        /// What an import read: the keys, and the rows left out (an error when there are any).
        pub fn read_keys(file: &str, keys: usize, bad: usize) -> Notice {
            let (kv, ke) = (n(keys, Lang::Vi), n(keys, Lang::En));
            let (bv, be) = (n(bad, Lang::Vi), n(bad, Lang::En));
            Notice::new(
                format!("{file}: đọc được {kv} khóa; {bv} dòng lỗi không nhập (xem danh sách trong sổ đăng ký)."),
                format!("{file}: {ke} keys read; {be} rows with errors left out (listed in the register)."),
                bad > 0,
            )
        }

        pub fn counts(lang: Lang, units: &str, keys: &str) -> String {
            match lang {
                Lang::Vi => format!(
                    "{units} đơn vị, {keys} khóa. Sổ lưu trong trình duyệt này; mùa báo cáo đang xem được kiểm tra lại sau mỗi thay đổi."
                ),
                Lang::En => format!(
                    "{units} units, {keys} keys. Kept in this browser; the season shown is checked again after each change."
                ),
            }
        }

        pub fn view_and_edit(lang: Lang, keys: &str) -> String {
            match lang {
                Lang::Vi => format!("Xem và sửa sổ đăng ký ({keys} khóa)"),
                Lang::En => format!("View and edit the register ({keys} keys)"),
            }
        }
    }

    pub mod report_table {
        use super::super::{w, W};
        use tdg_model::Lang;
        pub const PASSES_EVERY_CHECK: W = w("Đạt mọi mục", "Passes every check");
        pub const UNREADABLE: W = w("Không đọc được", "Unreadable");
        pub const COUNTED: W = w("Được tính", "Counted");
        pub const REPLACED_LATER_REPORT: W = w(
            "Đã có báo cáo gửi sau thay thế",
            "Replaced by a later report",
        );
        pub const FAILS_CHECK: W = w("Không đạt kiểm tra", "Fails a check");
        pub const RANK: W = w("Hạng", "Rank");
        pub const TOTAL: W = w("Tổng điểm", "Total");
        pub const RESCALED_HINT: W = w(
            "Tổng điểm đã quy đổi vì có tiêu chí “không áp dụng”",
            "Total rescaled: some criteria are “not applicable”",
        );
        pub const RESCALED_MARK: W = w(" (quy đổi)", " (rescaled)");
        pub const APPRAISED_LABEL: W = w("Thẩm định", "Appraised");
        pub const APPRAISE: W = w("Thẩm định", "Appraise");
        pub const REPORTS_RECEIVED: W = w("Các báo cáo đã nhận", "Reports received");
        pub const SEARCH: W = w(
            "Tìm trong bảng (tên tệp, mã hoặc tên đơn vị)",
            "Find in the table (file, unit code or name)",
        );
        pub const ROWS_IN_VIEW_HINT: W = w("Bảng chỉ vẽ các dòng đang xem: cuộn trong bảng (hoặc chọn bảng rồi dùng phím mũi tên, Page Down) để xem tiếp; tệp Excel, CSV và bản in có đủ mọi dòng.", "The table draws only the rows in view: scroll in it (or focus it and use the arrow keys, Page Down) to see more; the workbook, the CSV and the printout have every row.");
        pub const TABLE_REGION: W = w(
            "Bảng các báo cáo đã nhận (cuộn để xem tiếp)",
            "Table of the reports received (scroll for more)",
        );
        pub const UNIT: W = w("Đơn vị", "Unit");
        pub const FILE: W = w("Tệp", "File");
        pub const CLUSTER_BLOCK: W = w("Cụm, khối thi đua", "Cluster or block");
        pub const CHECKS: W = w("Kiểm tra (i: chi tiết)", "Checks (i: details)");
        pub const STANDING: W = w("Tình trạng", "Standing");
        pub const BAND: W = w("Xếp loại (→ thẩm định)", "Band (→ appraised)");
        pub const APPRAISED_HEADING: W = w("Điểm thẩm định", "Appraised");
        pub const ACTIONS: W = w("Thao tác", "Actions");

        pub fn details_of(lang: Lang, file: &str) -> String {
            match lang {
                Lang::Vi => format!("Chi tiết kiểm tra {file}"),
                Lang::En => format!("Check details of {file}"),
            }
        }

        pub fn appraise(lang: Lang, unit: &str) -> String {
            match lang {
                Lang::Vi => format!("Thẩm định {unit}"),
                Lang::En => format!("Appraise {unit}"),
            }
        }

        pub fn rows(lang: Lang, count: &str) -> String {
            match lang {
                Lang::Vi => format!("{count} dòng"),
                Lang::En => format!("{count} rows"),
            }
        }
    }

    /// The worker's refusals (lib.rs), sent to the page as JSON texts.
    pub mod worker {
        use super::super::{w, W};
        use tdg_model::Text;

        pub const NO_SEASON: W = w("Chưa mở mùa báo cáo nào.", "No season is open.");

        pub fn bad_received_date(e: &str) -> Text {
            Text::new(
                format!("Ngày nhận không hợp lệ: {e}"),
                format!("The received date is not valid: {e}"),
            )
        }

        pub fn browser_could_not_read(reason: &str) -> Text {
            Text::new(
                format!("trình duyệt không đọc được tệp: {reason}"),
                format!("the browser could not read the file: {reason}"),
            )
        }
    }

    /// The unit register: its list, its rows, its import.
    pub mod register {
        use super::super::{n, w, W};
        use crate::state::Notice;
        use tdg_model::{Date, Lang};

        pub const REMOVE_KEY: W = w("Xóa khóa", "Remove key");
        pub const REMOVE_FOR_GOOD: W = w("Xóa hẳn khóa này", "Remove this key for good");
        pub const REVOKE_INSTEAD: W = w("Thu hồi khóa thay vì xóa", "Revoke the key instead");
        pub const KEEP_KEY: W = w("Giữ lại khóa", "Keep the key");
        pub const REVOKE_KEY: W = w("Thu hồi khóa", "Revoke key");
        pub const CONFIRM_REVOKE: W = w("Thu hồi từ ngày này", "Revoke from this day");
        pub const REVOKE_DAY_NEEDED: W = w(
            "Hãy nhập ngày thu hồi (ngày/tháng/năm).",
            "Enter the day the key is revoked from (day/month/year).",
        );
        pub const IN_FORCE: W = w("Còn hiệu lực", "In force");
        pub const REPLACE: W = w(
            "Thay cả sổ bằng tệp này",
            "Replace the register with this file",
        );
        pub const MERGE: W = w(
            "Gộp: thêm đơn vị và khóa mới, giữ những gì sổ đã có",
            "Merge: add new units and keys, keep what the register has",
        );
        pub const KEEP_REGISTER: W = w("Giữ sổ hiện có", "Keep the register as it is");
        pub const PENDING_TITLE: W = w(
            "Tệp này sẽ thay sổ đăng ký đang có",
            "This file would replace the register in use",
        );

        /// A registration's standing: revoked, valid until, or in force.
        pub fn standing(lang: Lang, revoked: Option<Date>, until: Option<Date>) -> String {
            match (revoked, until) {
                (Some(r), _) => match lang {
                    Lang::Vi => format!("Thu hồi từ {}", r.display_vn()),
                    Lang::En => format!("Revoked from {}", r.display_vn()),
                },
                (None, Some(u)) => match lang {
                    Lang::Vi => format!("Hiệu lực đến {}", u.display_vn()),
                    Lang::En => format!("Valid until {}", u.display_vn()),
                },
                (None, None) => IN_FORCE.get(lang).to_owned(),
            }
        }

        /// Asked before a key is removed: what happens, and that revoking is the usual way.
        pub fn remove_question(lang: Lang, code: &str, fingerprint: &str) -> String {
            match lang {
                Lang::Vi => format!(
                    "Xóa hẳn khóa {fingerprint} của {code} khỏi sổ? Báo cáo ký bằng khóa này sẽ không \
                     còn qua kiểm tra “khóa đã đăng ký”. Khi đơn vị đổi khóa hoặc lộ khóa, hãy dùng \
                     “Thu hồi khóa”: báo cáo ký trước ngày thu hồi vẫn được nhận. Chỉ xóa khóa nhập nhầm."
                ),
                Lang::En => format!(
                    "Remove the key {fingerprint} of {code} from the register for good? Reports signed \
                     with it will no longer pass the “registered key” check. When a unit changes or \
                     loses its key, use “Revoke key”: reports signed before the revocation day still \
                     count. Remove only a key entered by mistake."
                ),
            }
        }

        /// What revoking does, above its date field.
        pub fn revoke_explained(lang: Lang, code: &str, from: Date) -> String {
            match lang {
                Lang::Vi => format!(
                    "Thu hồi khóa của {code}: báo cáo ký từ ngày thu hồi trở đi không được nhận, báo cáo ký \
                     trước vẫn được nhận. Ngày thu hồi không trước ngày khóa có hiệu lực ({}).",
                    from.display_vn()
                ),
                Lang::En => format!(
                    "Revoke {code}'s key: reports signed from the revocation day on are refused, those \
                     signed before still count. The day is not before the key's validity starts ({}).",
                    from.display_vn()
                ),
            }
        }

        pub fn revoke_label(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Thu hồi khóa của {code} từ ngày"),
                Lang::En => format!("Revoke {code}'s key from"),
            }
        }

        pub fn revoke_key_of(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Thu hồi khóa của {code}"),
                Lang::En => format!("Revoke the key of {code}"),
            }
        }

        pub fn revoked(code: &str, day: Date) -> Notice {
            let d = day.display_vn();
            Notice::info(
                format!("Đã thu hồi khóa của {code} từ ngày {d}."),
                format!("The key of {code} is revoked from {d}."),
            )
        }

        pub fn remove_this_key(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Xóa khóa này của {code}"),
                Lang::En => format!("Remove this key of {code}"),
            }
        }

        pub fn edit(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Sửa {code}"),
                Lang::En => format!("Edit {code}"),
            }
        }

        pub fn name_of(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Tên đơn vị {code}"),
                Lang::En => format!("Name of the unit {code}"),
            }
        }

        pub fn group_of(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Cụm/Khối của đơn vị {code}"),
                Lang::En => format!("Cluster or block of the unit {code}"),
            }
        }

        /// Said after a removal; the notice offers to undo it.
        pub fn key_removed(code: &str) -> Notice {
            Notice::info(
                format!("Đã xóa một khóa của đơn vị {code} khỏi sổ đăng ký."),
                format!("A key of the unit {code} was removed from the register."),
            )
        }

        pub fn key_restored() -> Notice {
            Notice::info(
                "Đã đặt lại khóa vào sổ đăng ký.",
                "The key is back in the register.",
            )
        }

        /// The question before a file replaces the register: how many units and keys now, in
        /// the file, and how many of its rows failed.
        pub fn replace_question(
            lang: Lang,
            now: (usize, usize),
            source: &str,
            file: (usize, usize),
            failed: usize,
        ) -> String {
            let (a, b, c, d, f) = (
                n(now.0, lang),
                n(now.1, lang),
                n(file.0, lang),
                n(file.1, lang),
                n(failed, lang),
            );
            match lang {
                Lang::Vi => format!(
                    "Sổ đăng ký đang có {a} đơn vị ({b} khóa). Tệp {source} có {c} đơn vị ({d} khóa){}. \
                     Thay cả sổ bằng tệp này, gộp tệp vào sổ, hay giữ sổ hiện có?",
                    if failed > 0 { format!("; {f} dòng lỗi không nhập được") } else { String::new() }
                ),
                Lang::En => format!(
                    "The register has {a} units ({b} keys). The file {source} has {c} units ({d} keys){}. \
                     Replace the register with the file, merge the file into it, or keep it as it is?",
                    if failed > 0 { format!("; {f} rows failed and cannot be imported") } else { String::new() }
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_split_before_the_decimal_sign_and_join_back() {
        assert_eq!(points_parts(29_210, Lang::Vi), ("29".into(), ",21".into()));
        assert_eq!(points_parts(29_007, Lang::En), ("29".into(), ".007".into()));
        assert_eq!(points_parts(85_000, Lang::Vi), ("85".into(), String::new()));
        for milli in [0, 5, 100_000, 87_863, 101_250] {
            for lang in [Lang::Vi, Lang::En] {
                let (whole, decimals) = points_parts(milli, lang);
                assert_eq!(whole + &decimals, points(milli, lang));
            }
        }
    }

    #[test]
    fn a_tier_is_named_for_the_reports_period() {
        let catalog = Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("the shipped catalog");
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2024), Lang::Vi),
            "Cấp xã, phường, thị trấn"
        );
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2026), Lang::Vi),
            "Cấp xã, phường, đặc khu"
        );
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2024), Lang::En),
            "Commune level: communes, wards, townships"
        );
    }

    #[test]
    fn progress_counts_are_written_the_languages_way() {
        assert_eq!(
            progress_line(Lang::Vi, 340, 1000),
            "Đã kiểm tra 340/1.000 tệp"
        );
        assert_eq!(
            progress_line(Lang::En, 340, 1000),
            "Checked 340/1,000 files"
        );
    }
}

#[cfg(test)]
mod words_in_one_place {
    /// The string literals of a Rust source (comments skipped), each with its line.
    fn literals(source: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut chars = source.chars().peekable();
        let mut line = 1;
        while let Some(c) = chars.next() {
            match c {
                '\n' => line += 1,
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            line += 1;
                            break;
                        }
                    }
                }
                // A character literal ('"', '\'') or a lifetime: nothing to read in it.
                '\'' => {
                    let rest: String = chars.clone().take(3).collect();
                    if rest.starts_with('\\') {
                        chars.nth(2);
                    } else if rest.chars().nth(1) == Some('\'') {
                        chars.nth(1);
                    }
                }
                '"' => {
                    let (start, mut text) = (line, String::new());
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => {
                                if chars.next() == Some('\n') {
                                    line += 1;
                                }
                            }
                            '"' => break,
                            c => {
                                if c == '\n' {
                                    line += 1;
                                }
                                text.push(c);
                            }
                        }
                    }
                    out.push((start, text));
                }
                _ => {}
            }
        }
        out
    }

    /// A letter only Vietnamese (of the page's two languages) writes: accented Latin, "đ".
    fn vietnamese(text: &str) -> bool {
        text.chars()
            .any(|c| c.is_alphabetic() && matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF))
    }

    #[test]
    fn no_component_writes_a_vietnamese_sentence_of_its_own() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/components");
        let mut found = Vec::new();
        let entries = std::fs::read_dir(dir).expect("the components' folder");
        for entry in entries {
            let path = entry.expect("a file").path();
            let source = std::fs::read_to_string(&path).expect("a source file");
            for (line, text) in literals(&source) {
                if vietnamese(&text) {
                    found.push(format!("{}:{line}: “{text}”", path.display()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "words belong in i18n.rs (words::…):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_scan_finds_a_sentence_and_skips_comments() {
        let source = "// “Đóng” in a comment\nlet a = '\"'; let b = \"Đóng\";\nlet c = \"Close\";";
        let said: Vec<(usize, String)> = literals(source)
            .into_iter()
            .filter(|(_, t)| vietnamese(t))
            .collect();
        assert_eq!(said, [(2, "Đóng".to_owned())]);
    }
}
