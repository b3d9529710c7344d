//! The words of `sign_panel.rs`.

use super::{w, W};
use std::fmt::Display;
use tdg_model::Lang;
use tdg_model::Text;

pub const BROWSER_KEEPS_KEY_NOBODY: W = w(
    "Khóa được trình duyệt giữ, không ai sao chép được khỏi máy này.",
    "The browser keeps the key: nobody can copy it off this computer.",
);

pub const BROWSER_CANNOT_KEEP_UNCOPYABLE: W = w(
    "Trình duyệt này không giữ được khóa không sao chép được: khóa chỉ được lưu dưới dạng bản sao lưu có mật khẩu, mở một lần mỗi phiên.",
    "This browser cannot keep an uncopyable key: the key is kept only as its password-protected backup, unlocked once per session.",
);

pub const KEY_MADE_BUT_NOT: W = w(
    "Khóa đã được tạo nhưng chưa dùng được: hãy mở lại tệp sao lưu vừa tải xuống.",
    "The key is made but not usable yet: re-open the backup file that just downloaded.",
);

pub const KEY_KEPT_UNPROTECTED_OLDER: W = w(
    "Khóa đang được lưu không có bảo vệ (phiên bản cũ). Lần ký tới sẽ sao lưu nó có mật khẩu rồi chuyển vào kho khóa của trình duyệt.",
    "The key is kept unprotected (older version). The next signing backs it up with a password and moves it into the browser's key store.",
);

pub const KEY_KEPT_COMPUTER_CANNOT: W = w(
    "Khóa lưu trên máy này không đọc được. Hãy khôi phục từ tệp sao lưu, hoặc quên khóa này.",
    "The key kept on this computer cannot be read. Restore it from its backup, or forget it.",
);

pub const SIGN_DOWNLOAD_REPORT: W = w("Ký và tải báo cáo", "Sign and download the report");

/// What the first signing does, with the one who reports named as the tier names it (“khóa ký
/// của người báo cáo”, review 7, M3). `who`: the tier's title (`UnitLabels::title`).
pub fn first_signing(lang: Lang, who: &str) -> String {
    let who = who.to_lowercase();
    match lang {
        Lang::Vi => format!("Lần ký đầu tiên sẽ tạo khóa ký của {who} ngay trên máy này. Khóa dùng để chứng minh báo cáo không bị sửa sau khi ký và do cùng một {who} lập qua các năm. Khóa không thay chữ ký, con dấu trên bản in. Trước khi dùng, khóa được sao lưu thành tệp có mật khẩu, và tệp đó phải được mở lại một lần để chứng tỏ đã được giữ. Sau đó hãy đăng ký dấu vân tay khóa với cơ quan thường trực."),
        Lang::En => format!("The first signing makes the {who}'s signing key on this computer. The key proves that the report was not changed after signing and that it comes from the same {who} year after year. It does not replace the signature and seal on the printed copy. Before it is used, the key is backed up as a password-protected file, and that file must be re-opened once to show it was kept. Then register the key's fingerprint with the office."),
    }
}

pub const WORKING: W = w("Đang xử lý…", "Working…");

pub const SIGN_DOWNLOAD_REPORT_JSON: W = w(
    "Ký và tải báo cáo (JSON)",
    "Sign and download the report (JSON)",
);

pub const PROTECT_EXISTING_KEY_CHOOSE: W = w(
    "Bảo vệ khóa hiện có: chọn mật khẩu cho tệp sao lưu của nó.",
    "Protect the existing key: choose a password for its backup file.",
);

pub const MAKE_SIGNING_KEY_CHOOSE: W = w(
    "Tạo khóa ký: chọn mật khẩu cho tệp sao lưu khóa.",
    "Make the signing key: choose a password for its backup file.",
);

pub const PASSWORD_LEAST_12_CHARACTERS: W = w(
    "Mật khẩu (ít nhất 12 ký tự)",
    "Password (at least 12 characters)",
);

pub const PASSWORD_AGAIN: W = w("Nhập lại mật khẩu", "Password again");

pub const SUGGEST_PASSPHRASE: W = w("Gợi ý một cụm từ mật khẩu", "Suggest a passphrase");

pub const SUGGESTED_PASSPHRASE_8_WORDS: W = w(
    "Cụm từ gợi ý (8 từ, 64 bit; hãy chép lại và cất riêng):",
    "Suggested passphrase (8 words, 64 bits; write it down and keep it apart):",
);

pub const MAKE_KEY_DOWNLOAD_BACKUP: W = w(
    "Tạo khóa và tải tệp sao lưu",
    "Make the key and download its backup",
);

pub const RE_OPEN_BACKUP_FILE: W = w(
    "Mở lại tệp sao lưu vừa tải xuống, với mật khẩu của nó: như vậy chắc chắn tệp đã được giữ. Chỉ sau đó khóa mới được dùng để ký.",
    "Re-open the backup file that just downloaded, with its password: this proves the file was kept. Only then is the key used to sign.",
);

pub const BACKUP_FILE_JUST_DOWNLOADED: W =
    w("Tệp sao lưu vừa tải", "The backup file just downloaded");

pub const DOWNLOADED_FILE_PASSWORD: W =
    w("Mật khẩu của tệp vừa tải", "The downloaded file's password");

pub const OPEN_BACKUP_SIGN: W = w("Mở tệp sao lưu và ký", "Open the backup and sign");

pub const DOWNLOAD_BACKUP_AGAIN: W = w("Tải lại tệp sao lưu", "Download the backup again");

pub const KEY_BACKUP_PASSWORD_UNLOCKS: W = w(
    "Mật khẩu của tệp sao lưu khóa (mở khóa cho phiên này)",
    "The key backup's password (unlocks it for this session)",
);

pub const UNLOCK_SIGN: W = w("Mở khóa và ký", "Unlock and sign");

pub const SIGNED: W = w("Đã ký:", "Signed:");

pub const PRINTABLE_COPY: W = w("Xem bản in", "Printable copy");

pub const TRAINING_KEY_FINGERPRINT_NEVER: W = w(
    "Dấu vân tay khóa tập huấn (không đăng ký với cơ quan thường trực):",
    "Training key fingerprint (never registered with the office):",
);

pub const KEY_FINGERPRINT_REGISTER_OFFICE: W = w(
    "Dấu vân tay khóa (đăng ký với cơ quan thường trực):",
    "Key fingerprint (register it with the office):",
);

pub const DOWNLOAD_KEY_BACKUP_AGAIN: W =
    w("Tải lại tệp sao lưu khóa", "Download the key backup again");

pub const FORGET_KEY_COMPUTER: W = w(
    "Quên khóa này trên máy này",
    "Forget this key on this computer",
);

pub const USE_BACKED_UP_KEY: W = w(
    "Dùng khóa đã sao lưu (máy khác)",
    "Use a backed-up key (from another computer)",
);

pub const KEY_BACKUP_FILE: W = w("Tệp sao lưu khóa", "Key backup file");

pub const BACKUP_PASSWORD: W = w("Mật khẩu của tệp sao lưu", "The backup's password");

pub const RESTORE_KEY: W = w("Khôi phục khóa", "Restore the key");

pub const SEND_REPORT: W = w("Gửi báo cáo lên", "Send the report to");

/// Signing refused for want of the unit's name or code: each missing field under its own label
/// and the first step under its own name ("“Họ và tên” … ở bước 1 “Người báo cáo”").
pub fn enter_unit_fields(
    catalog: &tdg_model::Catalog,
    sheet: &tdg_model::AnswerSheet,
    name_missing: bool,
    code_missing: bool,
) -> Text {
    let say = |lang: Lang, and: &str| {
        let labels = super::unit::UnitLabels::of_sheet(catalog, sheet, lang);
        let fields: Vec<String> = [(name_missing, labels.name), (code_missing, labels.code)]
            .into_iter()
            .filter(|(missing, _)| *missing)
            .map(|(_, label)| format!("“{label}”"))
            .collect();
        (fields.join(and), labels.title.to_string())
    };
    let ((vi, vi_step), (en, en_step)) = (say(Lang::Vi, " và "), say(Lang::En, " and "));
    Text::from((
        format!("Cần nhập {vi} (ở bước 1 “{vi_step}”) trước khi ký."),
        format!("Fill in {en} (in step 1, “{en_step}”) before signing."),
    ))
}

pub const TWO_PASSWORDS_DIFFER: W = w(
    "Mật khẩu nhập lại không khớp với mật khẩu trên.",
    "This does not match the password above.",
);

pub const CHOOSE_KEY_BACKUP_FILE: W =
    w("Hãy chọn tệp sao lưu khóa.", "Choose the key backup file.");

pub const PAGE_NO_LONGER_HOLDS: W = w(
    "Không còn bản báo cáo đã ký trong trang này: hãy ký lại.",
    "This page no longer holds the signed report: sign again.",
);

pub fn signed_downloaded(name: &dyn Display) -> Text {
    Text::new(
        format!("Đã ký và tải xuống {name}."),
        format!("Signed and downloaded {name}."),
    )
}

/// Said under the password field, with what was typed so far.
pub fn password_too_short(min: usize, typed: usize) -> Text {
    Text::new(
        format!("Mật khẩu cần ít nhất {min} ký tự (mới có {typed}), hoặc dùng cụm từ gợi ý."),
        format!("The password needs at least {min} characters ({typed} so far), or use the suggested passphrase."),
    )
}

pub fn key_made_backup_downloaded(fp: &dyn Display, name: &dyn Display) -> Text {
    Text::new(format!("Đã tạo khóa {fp} và tải xuống tệp sao lưu {name}. Hãy mở lại tệp đó dưới đây, với mật khẩu, để hoàn tất."), format!("Key {fp} is made and its backup {name} downloaded. Re-open that file below, with its password, to finish."))
}

pub fn key_was_already_made(fp: &dyn Display) -> Text {
    Text::new(format!("Khóa {fp} đã được tạo trước đó (ở thẻ khác hoặc lần bấm trước): không tạo khóa mới."), format!("Key {fp} was already made (in another tab or by an earlier click): no new key is made."))
}

pub fn backup_opens_key_ready(fp: &dyn Display) -> Text {
    Text::new(
        format!("Tệp sao lưu mở được: khóa {fp} đã sẵn sàng trên máy này."),
        format!("The backup opens: key {fp} is ready on this computer."),
    )
}

pub fn key_forgotten_computer(fp: &dyn Display) -> Text {
    Text::new(
        format!("Đã quên khóa {fp} trên máy này."),
        format!("Key {fp} is forgotten on this computer."),
    )
}

pub fn key_restored_computer(fp: &dyn Display) -> Text {
    Text::new(
        format!("Đã khôi phục khóa {fp} trên máy này."),
        format!("Key {fp} restored on this computer."),
    )
}

pub fn handed_to_portal(portal: &Text) -> Text {
    Text::new(
        format!("Đã chuyển báo cáo đã ký cho {}.", portal.vi),
        format!("The signed report was handed to {}.", portal.en),
    )
}

pub fn forget_key_question(lang: Lang, fingerprint: &str) -> String {
    match lang {
        Lang::Vi => format!("Quên khóa {fingerprint} trên máy này? Chỉ ký lại được bằng tệp sao lưu của khóa và mật khẩu của nó."),
        Lang::En => format!("Forget key {fingerprint} on this computer? Signing with it again needs its backup file and password."),
    }
}

pub fn replace_key_question(lang: Lang, fingerprint: &str) -> String {
    match lang {
        Lang::Vi => format!("Thay khóa {fingerprint} đang có trên máy này bằng khóa trong tệp sao lưu? Khóa cũ chỉ dùng lại được nếu còn tệp sao lưu của nó."),
        Lang::En => format!("Replace key {fingerprint} on this computer with the key in the backup file? The old key can be used again only from its own backup."),
    }
}

pub fn flows_not_loaded(why: &dyn Display) -> Text {
    Text::new(
        format!("Không tải được phần ký và sao lưu khóa (tdg_views): {why}. Kiểm tra kết nối tới trang rồi thử lại."),
        format!("The signing and key backup part (tdg_views) could not be loaded: {why}. Check the connection to the site and try again."),
    )
}

pub fn flow_failed(why: &dyn Display) -> Text {
    Text::new(
        format!("Phần ký và sao lưu khóa gặp lỗi: {why}. Hãy tải lại trang rồi thử lại."),
        format!("The signing and key backup part failed: {why}. Reload the page and try again."),
    )
}

pub const TO_FIRST_OPEN: W = w(
    "Đến tiêu chí đầu tiên cần làm",
    "Go to the first criterion to do",
);

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> tdg_model::Catalog {
        (*crate::state::tests::loaded().catalog.0).clone()
    }

    fn sheet(tier: &str) -> tdg_model::AnswerSheet {
        tdg_model::AnswerSheet {
            tier: tier.into(),
            period: 2026,
            ..Default::default()
        }
    }

    #[test]
    fn signing_without_the_name_says_the_tiers_own_field_and_step() {
        let catalog = catalog();
        let person = enter_unit_fields(&catalog, &sheet("ca-nhan"), true, false);
        assert_eq!(
            person.vi,
            "Cần nhập “Họ và tên” (ở bước 1 “Người báo cáo”) trước khi ký."
        );
        assert_eq!(
            person.en,
            "Fill in “Full name” (in step 1, “Reporting person”) before signing."
        );
        let firm = enter_unit_fields(&catalog, &sheet("doanh-nghiep"), true, true);
        assert_eq!(
            firm.vi,
            "Cần nhập “Tên doanh nghiệp” và “Mã số doanh nghiệp” (ở bước 1 “Doanh nghiệp”) trước khi ký."
        );
        assert!(first_signing(Lang::Vi, "Người báo cáo")
            .starts_with("Lần ký đầu tiên sẽ tạo khóa ký của người báo cáo ngay trên máy này. Khóa dùng để chứng minh báo cáo không bị sửa sau khi ký và do cùng một người báo cáo lập qua các năm."));
        assert!(first_signing(Lang::En, "Enterprise")
            .starts_with("The first signing makes the enterprise's signing key"));
        let commune = enter_unit_fields(&catalog, &sheet("xa-phuong"), false, true);
        assert_eq!(
            commune.vi,
            "Cần nhập “Mã đơn vị” (ở bước 1 “Đơn vị”) trước khi ký."
        );
    }
}
