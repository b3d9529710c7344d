//! The words of `draft_history.rs`.

use super::{w, W};
use tdg_model::Lang;

pub const NO_UNIT_NAME: W = w("(chưa đặt tên đơn vị)", "(no unit name)");

pub const PREVIOUS_DRAFTS: W = w("Các bản nháp trước", "Previous drafts");

pub const RESTORE: W = w("Khôi phục", "Restore");

pub fn explain(lang: Lang, kept: usize) -> String {
    match lang {
        Lang::Vi => format!("Khi nhập bản nháp, mở đơn vị mẫu hoặc xóa làm lại, bản đang làm được giữ ở đây (tối đa {kept} bản; đơn vị mẫu không được giữ)."),
        Lang::En => format!("Importing a draft, opening a sample or starting again keeps the draft you were working on here (up to {kept}; samples are not kept)."),
    }
}

pub fn entry(lang: Lang, who: &str, answers: usize) -> String {
    match lang {
        Lang::Vi => format!("{who} ({answers} tiêu chí đã trả lời)"),
        Lang::En => format!("{who} ({answers} criteria answered)"),
    }
}

pub fn restore_label(lang: Lang, name: &str, when: &str) -> String {
    match lang {
        Lang::Vi => format!("Khôi phục bản nháp {name} lúc {when}"),
        Lang::En => format!("Restore the draft {name} of {when}"),
    }
}
