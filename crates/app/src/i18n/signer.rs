//! The words of `signer.rs`: why the signing module failed.

use crate::signer::SignerError;

/// Vietnamese, then English.
pub fn texts(error: &SignerError) -> (String, String) {
    match error {
        SignerError::Load(why) => (
            format!("Không tải được phần ký số (tdg_signer): {why}. Kiểm tra kết nối tới trang rồi thử lại."),
            format!("The signing module (tdg_signer) could not be loaded: {why}. Check the connection to the site and try again."),
        ),
        SignerError::Crashed(why) => (
            format!("Phần ký số bị dừng đột ngột ({why}). Nó sẽ được tải lại: hãy thử lại."),
            format!("The signing module stopped unexpectedly ({why}). It will be loaded again: try again."),
        ),
        SignerError::Refused(r) => (r.text.vi.clone(), r.text.en.clone()),
        SignerError::BadReply(why) => (
            format!("Phần ký số trả lời không đúng dạng ({why}): ứng dụng và phần ký số khác phiên bản? Hãy tải lại trang."),
            format!("The signing module answered in an unexpected form ({why}): app and module of different versions? Reload the page."),
        ),
    }
}
