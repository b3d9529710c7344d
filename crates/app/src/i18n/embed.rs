//! The words of `embed.rs`.

use super::{w, W};
use tdg_model::Text;

pub const PAGE_EMBEDDING_TOOL_OFFERS: W = w(
    "Trang nhúng công cụ đề nghị điền sẵn thông tin khác với thông tin bạn đã nhập. Hãy chọn giữ thông tin nào.",
    "The page embedding the tool offers details that differ from what you entered. Choose which to keep.",
);

pub const BROWSER_DOES_NOT_ALLOW: W = w(
    "Trình duyệt không cho phép dùng bản nháp và khóa của công cụ trong khung này. Bản nháp vẫn được lưu, riêng cho trang nhúng này.",
    "The browser does not allow the tool's own drafts and key in this frame. The draft is still saved, for this embedding page only.",
);

pub const SAVING_FRAME_ALLOWED_SAVED: W = w(
    "Đã được phép lưu trong khung này và đã mở bản nháp đã lưu. Bản đang làm dở (nếu có) được giữ trong “Các bản nháp trước”.",
    "Saving in this frame is allowed, and the saved draft is open. The draft in progress (if any) is kept under “Previous drafts”.",
);

pub const SAVING_ALLOWED_DRAFT_FRAME: W = w(
    "Đã được phép lưu: bản nháp trong khung này được giữ trên máy.",
    "Saving is allowed: the draft in this frame is kept on this device.",
);

/// embed.json could not be used at all (`fell_back`), or some of its entries could not;
/// `problems` lists them, one string per language.
pub fn config_problems(fell_back: bool, problems_vi: &str, problems_en: &str) -> Text {
    let (vi, en) = if fell_back {
        ("Tệp cấu hình nhúng embed.json không dùng được, công cụ dùng cấu hình mặc định an toàn (không trang nào được nhúng và trao đổi với công cụ)", "The embedding configuration embed.json cannot be used; the tool uses the safe defaults (no page may embed it and exchange messages with it)")
    } else {
        ("Tệp cấu hình nhúng embed.json có mục không dùng được (các mục đó dùng giá trị mặc định)", "The embedding configuration embed.json has entries that cannot be used (they take their defaults)")
    };
    Text::new(
        format!("{vi}: {problems_vi}"),
        format!("{en}: {problems_en}"),
    )
}

pub fn link_ignored(ignored_vi: &str, ignored_en: &str) -> Text {
    Text::new(
        format!("Liên kết mở công cụ có tham số không dùng được (đã bỏ qua): {ignored_vi}"),
        format!("The link that opened the tool has parameters that cannot be used (ignored): {ignored_en}"),
    )
}

/// How the portal is named when embed.json gives no name.
pub const THE_PORTAL: W = w("cổng thông tin", "the portal");
