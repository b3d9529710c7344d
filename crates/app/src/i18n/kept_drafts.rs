//! The words of `kept_drafts.rs`.

use super::{w, W};
use tdg_model::Lang;

pub const DRAFTS_SET_ASIDE: W = w("Bản nháp cất riêng", "Drafts set aside");

pub const APP_COULD_NOT_READ: W = w(
    "Ứng dụng không đọc được các dữ liệu dưới đây nên đã cất riêng, không ghi đè và không tự xóa. Hãy tải về để giữ (ví dụ, mở bằng phiên bản mới hơn của ứng dụng hoặc gửi cho người hỗ trợ).",
    "The app could not read the data below, so it set it aside: it is not overwritten and not deleted automatically. Download it to keep it (for example, to open it with a newer version of the app, or to send it to support).",
);

pub const DELETE_SET_ASIDE_DATA: W = w(
    "Xóa hẳn dữ liệu cất riêng này khỏi máy? Không thể hoàn tác. (Nên tải về trước.)",
    "Delete this set-aside data from this computer for good? This cannot be undone. (Download it first.)",
);

pub const DOWNLOAD_FILE: W = w("Tải về tệp", "Download as a file");

pub const DELETE: W = w("Xóa", "Delete");

/// `why` is why the data was set aside, in both languages.
pub fn kept_entry(lang: Lang, when: &str, bytes: usize, why: (&str, &str)) -> String {
    match lang {
        Lang::Vi => format!("Cất lúc {when}, {bytes} byte: {}.", why.0),
        Lang::En => format!("Set aside {when}, {bytes} bytes: {}.", why.1),
    }
}
