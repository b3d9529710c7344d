//! The words of `draft_tools.rs`.

use super::{w, W};
use std::fmt::Display;
use tdg_model::Text;

pub const DRAFT: W = w("Bản nháp", "Draft");

pub const EVERY_CHANGE_SAVED_ONCE: W = w(
    "Mọi thay đổi được lưu ngay trên máy này.",
    "Every change is saved at once on this computer.",
);

pub const EXPORT_DRAFT: W = w("Xuất bản nháp", "Export the draft");

pub const IMPORT_DRAFT_FILE: W = w("Nhập bản nháp từ tệp", "Import a draft file");

pub const RESTORE_PREVIOUS_DRAFT: W = w("Khôi phục bản nháp trước", "Restore previous draft");

pub const CLEAR_START_AGAIN: W = w("Xóa và làm lại", "Clear and start again");

pub fn draft_imported_previous_draft(name: &dyn Display) -> Text {
    Text::new(
        format!("Đã nhập bản nháp từ {name}. Bản nháp trước được giữ để khôi phục."),
        format!("Draft imported from {name}. The previous draft is kept and can be restored."),
    )
}

pub const CLEAR_AND_START_AGAIN: W = w(
    "Xóa bản nháp hiện tại và bắt đầu lại? (Có thể khôi phục bản vừa xóa.)",
    "Clear the current draft and start again? (The cleared draft can be restored.)",
);
