//! The words of `storage_access.rs`.

use super::{w, W};

pub const EXPORT_DRAFT_FILE: W = w("Xuất bản nháp ra tệp", "Export the draft to a file");

pub const BROWSER_DOES_NOT_ALLOW: W = w(
    "Trình duyệt không cho phép lưu bản nháp trong khung này.",
    "The browser does not allow saving the draft in this frame.",
);

pub const DRAFT_NOT_BEING_SAVED: W = w(
    "Bản nháp chưa được lưu: công cụ đang nằm trong trang của một trang web khác, và trình duyệt chặn lưu trữ ở đây.",
    "The draft is not being saved: the tool sits inside another website's page, and the browser blocks storage here.",
);

pub const OPEN_TOOL_NEW_TAB: W = w(
    "Hãy mở công cụ trong thẻ mới (ở đó bản nháp được lưu trên máy), hoặc xuất bản nháp ra tệp trước khi đóng trang.",
    "Open the tool in a new tab (there the draft is saved on this device), or export the draft to a file before closing the page.",
);

pub const IF_ALLOW_DRAFT_UNIT: W = w(
    "Nếu cho phép, bản nháp và khóa của đơn vị được lưu trên máy này như khi mở công cụ trực tiếp; không có gì được gửi đi.",
    "If you allow it, the draft and the unit's key are kept on this device as when the tool is opened directly; nothing is sent anywhere.",
);

pub const ALLOW_SAVING_DRAFT_FRAME: W = w(
    "Cho phép lưu bản nháp trong khung này",
    "Allow saving the draft in this frame",
);

pub const OPEN_NEW_TAB: W = w("Mở trong thẻ mới", "Open in a new tab");
