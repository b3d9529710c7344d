//! The words of `key_store.rs`: why a key step failed.

use crate::key_store::KeyError;
use tdg_model::Localized;

/// Vietnamese, then English.
pub fn texts(error: &KeyError) -> (String, String) {
    match error {
        KeyError::Signer(e) => e.both(),
        KeyError::Storage(why) => (
            format!("Trình duyệt không lưu được khóa (bộ nhớ bị chặn, đầy, hoặc chế độ riêng tư): {why}"),
            format!("The browser could not store the key (storage blocked, full, or private mode): {why}"),
        ),
        KeyError::WebCrypto(why) => (
            format!("Bộ mật mã của trình duyệt (WebCrypto) báo lỗi: {why}"),
            format!("The browser's cryptography (WebCrypto) failed: {why}"),
        ),
        KeyError::NotThisKey { expected, opened } => (
            format!("Tệp này là bản sao lưu của khóa {opened}, không phải của khóa {expected} vừa tạo. Hãy chọn tệp vừa tải xuống."),
            format!("This file is the backup of key {opened}, not of the key {expected} just made. Choose the file that just downloaded."),
        ),
        KeyError::Locked => (
            "Hãy nhập mật khẩu của tệp sao lưu khóa để mở khóa trong phiên này.".into(),
            "Enter the key backup's password to unlock the key for this session.".into(),
        ),
        KeyError::NoKey => (
            "Chưa có khóa dùng được trên máy này.".into(),
            "There is no usable key on this computer.".into(),
        ),
        KeyError::Unreadable(fingerprint) => {
            let fp = if fingerprint.is_empty() { "?" } else { fingerprint };
            (
                format!("Khóa lưu trên máy này (dấu vân tay {fp}) không đọc được. Hãy khôi phục nó từ tệp sao lưu, hoặc bấm “Quên khóa này trên máy này” trước khi tạo khóa mới."),
                format!("The key kept on this computer (fingerprint {fp}) cannot be read. Restore it from its backup, or use “Forget this key on this computer” before making a new one."),
            )
        }
        KeyError::Declined => (
            "Đã giữ nguyên khóa hiện có.".into(),
            "The existing key is kept.".into(),
        ),
        KeyError::Random => (
            "Trình duyệt không tạo được số ngẫu nhiên an toàn.".into(),
            "The browser cannot make secure random numbers.".into(),
        ),
    }
}
