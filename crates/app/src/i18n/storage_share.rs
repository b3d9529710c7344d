//! The words of `storage_share.rs`.

use super::{w, W};

pub const DRAFT_FRAME_SAVED_EMBEDDING: W = w(
    "Bản nháp trong khung này được lưu riêng cho trang nhúng.",
    "The draft in this frame is saved for this embedding page only.",
);

pub const DRAFTS_UNIT_KEY_TOOL: W = w(
    "Bản nháp và khóa của đơn vị khi mở công cụ trực tiếp không dùng được ở đây. Nếu cho phép, khung này dùng chung chúng (trên máy này; không có gì được gửi đi).",
    "The drafts and the unit's key of the tool opened directly are not available here. If you allow it, this frame shares them (on this device; nothing is sent anywhere).",
);

pub const USE_TOOL_OWN_DRAFTS: W = w(
    "Dùng bản nháp và khóa của công cụ trên máy này",
    "Use the tool's own drafts and key on this device",
);
