//! The words of `training_banner.rs`.

use super::{w, W};

pub const DELETE_EVERY_TRAINING_DRAFT: W = w(
    "Xóa mọi bản nháp, bài tập đã nhập và khóa tập huấn trên máy này để học viên tiếp theo bắt đầu lại? Bản nháp và khóa thật của đơn vị không bị ảnh hưởng. Các tệp đã tải xuống (tên kết thúc bằng “TAP-HUAN”) vẫn còn trong thư mục Tải về: hãy xóa bằng tay.",
    "Delete every training draft, imported exercise and the training key on this computer, so that the next participant starts afresh? The unit's own drafts and key are not affected. Files already downloaded (names ending in “TAP-HUAN”) stay in the Downloads folder: delete them by hand.",
);

pub const TRAINING_MODE: W = w("Chế độ tập huấn", "Training mode");

pub const DRAFTS_KEY_MODE_KEPT: W = w(
    "Bản nháp và khóa ở chế độ này tách riêng khỏi bản nháp và khóa thật của đơn vị. Báo cáo ký ở đây được ghi là báo cáo tập huấn: không có giá trị nộp.",
    "Drafts and the key in this mode are kept apart from the unit's own. Reports signed here are marked as training reports: not valid as a submission.",
);

pub const RESET_NEXT_PARTICIPANT: W = w(
    "Làm lại cho học viên tiếp theo",
    "Reset for the next participant",
);

pub const LEAVE_TRAINING_MODE: W = w("Thoát chế độ tập huấn", "Leave training mode");
