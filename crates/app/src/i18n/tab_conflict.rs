//! The words of `tab_conflict.rs`.

use super::{w, W};

pub const DRAFT_BEING_EDITED_TWO: W = w(
    "Bản nháp đang được sửa ở hai thẻ. Thẻ này tạm ngừng lưu.",
    "The draft is being edited in two tabs. This tab has stopped saving.",
);

pub const OPEN_OTHER_TAB_DRAFT: W = w("Mở bản của thẻ kia", "Open the other tab's draft");

pub const KEEP_TAB_DRAFT: W = w("Giữ bản của thẻ này", "Keep this tab's draft");
