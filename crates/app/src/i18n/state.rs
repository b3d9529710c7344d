//! The words of `state.rs`.

use super::{w, W};

pub const DRAFT_DATA_COMPUTER_COULD: W = w(
    "Có dữ liệu bản nháp trên máy này không đọc được (do phiên bản mới hơn của ứng dụng ghi, hoặc bị hỏng). Dữ liệu đó được cất riêng, không bị ghi đè: xem mục “Bản nháp cất riêng” ở màn hình đầu để tải về.",
    "Draft data on this computer could not be read (written by a newer version of the app, or damaged). It is set aside and will not be overwritten: see “Drafts set aside” on the start screen to download it.",
);

pub const PREVIOUS_DRAFT_RESTORED: W = w(
    "Đã khôi phục bản nháp trước đó.",
    "The previous draft is restored.",
);

pub const SAMPLE_UNIT_CLOSED_SAMPLES: W = w(
    "Đã đóng đơn vị mẫu (đơn vị mẫu không được giữ trong các bản nháp trước).",
    "The sample unit is closed (samples are not kept among the previous drafts).",
);

pub const DRAFT_CLEARED_CLEARED_DRAFT: W = w(
    "Đã xóa bản nháp. Có thể khôi phục bản vừa xóa bằng nút “Khôi phục bản nháp trước”.",
    "The draft is cleared. The cleared draft can be restored with “Restore previous draft”.",
);

pub const DRAFT_ALSO_OPEN_ANOTHER: W = w(
    "Bản nháp này cũng đang mở ở một thẻ (cửa sổ) khác; thẻ này vừa nhận các thay đổi từ thẻ đó.",
    "This draft is also open in another tab (or window); this tab now shows the changes made there.",
);

pub const DRAFT_WAS_JUST_CHANGED: W = w(
    "Bản nháp này vừa được sửa ở một thẻ (cửa sổ) khác trong khi thẻ này cũng có thay đổi. Thẻ này tạm ngừng lưu; hãy chọn giữ bản nào (bản còn lại được giữ trong “Các bản nháp trước”).",
    "This draft was just changed in another tab (or window) while this tab has changes too. This tab has stopped saving; choose which to keep (the other is kept under “Previous drafts”).",
);

pub const OTHER_TAB_DRAFT_OPEN: W = w(
    "Đã mở bản nháp của thẻ kia. Bản của thẻ này được giữ trong “Các bản nháp trước”.",
    "The other tab's draft is open. This tab's draft is kept under “Previous drafts”.",
);

pub const TAB_DRAFT_KEPT_OTHER: W = w(
    "Đã giữ bản nháp của thẻ này. Bản của thẻ kia được giữ trong “Các bản nháp trước”.",
    "This tab's draft is kept. The other tab's draft is kept under “Previous drafts”.",
);
