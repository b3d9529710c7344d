//! The words of `print_host.rs`.

use super::{w, W};

pub const LOADING_PRINTED_COPY: W = w("Đang tải bản in…", "Loading the printed copy…");

pub const TRY_AGAIN: W = w("Thử lại", "Try again");

pub fn could_not_open(why: &str) -> (String, String) {
    (
        format!("Phần bản in không mở được: {why}"),
        format!("The print view could not open: {why}"),
    )
}

pub fn module_not_loaded(why: &str) -> (String, String) {
    (
        format!("Không tải được phần bản in (tdg_views): {why}. Kiểm tra kết nối tới trang rồi thử lại."),
        format!("The print view (tdg_views) could not be loaded: {why}. Check the connection to the site and try again."),
    )
}
