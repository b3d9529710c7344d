//! The words of `training.rs`.

use super::{w, W};

pub const NOT_STORED: W = w(
    "Trình duyệt không cho lưu trên máy này, nên không đổi được chế độ tập huấn.",
    "The browser does not allow storage on this computer, so training mode cannot be switched.",
);

pub fn exercises_not_read(url: &str, detail: &str) -> (String, String) {
    (
        format!("Không đọc được tệp bài tập {url}: {detail}"),
        format!("Could not read the exercises file {url}: {detail}"),
    )
}

pub fn module_not_loaded(why: &str) -> (String, String) {
    (
        format!("Không tải được phần bài tập tập huấn (tdg_views): {why}. Kiểm tra kết nối tới trang rồi tải lại trang."),
        format!("The training exercises part (tdg_views) could not be loaded: {why}. Check the connection to the site and reload the page."),
    )
}
