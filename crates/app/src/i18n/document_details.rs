//! The words of `document_details.rs`.

use super::{w, W};
use tdg_model::Lang;

pub const SIGNS_OWN_NAME_NOTHING: W = w(
    "Ký trực tiếp (không ghi)",
    "Signs in own name (nothing printed)",
);

pub const KT_SIGNS_HEAD: W = w("KT. (ký thay người đứng đầu)", "KT. (signs for the head)");

pub const TL_ORDER: W = w("TL. (thừa lệnh)", "TL. (by order)");

pub const TM_BEHALF_COLLECTIVE_BODY: W = w(
    "TM. (thay mặt tập thể)",
    "TM. (on behalf of the collective body)",
);

pub const TUQ_DELEGATION: W = w("TUQ. (thừa ủy quyền)", "TUQ. (by delegation)");

pub const DETAILS_PRINTED_REPORT: W = w("Thông tin trên bản in", "Details of the printed report");

pub const THESE_DETAILS_PRINTED_PAPER: W = w(
    "Các thông tin này chỉ in trên văn bản giấy (ký tay, đóng dấu); chúng không nằm trong báo cáo JSON đã ký.",
    "These details are printed on the paper copy only (signed by hand and sealed); they are not in the signed JSON report.",
);

pub const GOVERNING_BODY_ABOVE_UNIT: W = w(
    "Cơ quan, tổ chức chủ quản (cấp trên)",
    "Governing body (above the unit)",
);

pub const FULL_NAME_PERSON_REPORTING: W = w(
    "Họ và tên người báo cáo",
    "Full name of the person reporting",
);

pub const POSITION: W = w("Chức vụ", "Position");

pub const WORKPLACE: W = w("Đơn vị công tác", "Workplace");

pub const FULL_NAME_HEAD_UNIT: W = w(
    "Họ và tên thủ trưởng đơn vị xác nhận",
    "Full name of the head of unit who confirms",
);

pub const POSITION_HEAD_UNIT: W = w(
    "Chức vụ của thủ trưởng đơn vị",
    "Position of the head of unit",
);

pub const ADDRESSED: W = w("Kính gửi", "Addressed to");

pub const CATALOG_SAYS: W = w("Theo danh mục:", "The catalog says:");

pub const DOCUMENT_NUMBER_LEAVE_EMPTY: W = w(
    "Số văn bản (để trống nếu văn thư cấp số)",
    "Document number (leave empty if the records office assigns it)",
);

pub const ISSUING_BODY_ABBREVIATION_AFTER: W = w(
    "Chữ viết tắt tên cơ quan (sau “BC-”)",
    "Issuing body's abbreviation (after “BC-”)",
);

pub const PLACE: W = w("Địa danh", "Place");

pub const INTENDED_SEND_DATE: W = w("Ngày dự kiến gửi", "Intended send date");

pub const SIGNER: W = w("Người ký", "Signer");

pub const SIGNING_AUTHORITY: W = w("Thẩm quyền ký", "Signing authority");

pub const SIGNS_HEAD_TITLE_COLLECTIVE: W = w(
    "Ký thay cho (chức vụ người đứng đầu hoặc tên tập thể)",
    "Signs for (the head's title or the collective body)",
);

pub const SIGNER_POSITION: W = w("Chức vụ người ký", "Signer's position");

pub const SIGNER_FULL_NAME: W = w("Họ và tên người ký", "Signer's full name");

pub const RECIPIENTS_ONE_LINE_EMPTY: W = w(
    "Nơi nhận (mỗi dòng một nơi; để trống: “Như trên”, “Lưu: VT”)",
    "Recipients (one a line; empty: “Như trên”, “Lưu: VT”)",
);

pub const SHORTCOMINGS: W = w("Tồn tại, hạn chế", "Shortcomings");

pub const PROPOSALS: W = w("Đề xuất, kiến nghị", "Proposals");

pub const CONTACT_PERSON: W = w("Người liên hệ", "Contact person");

pub const CONTACT_PHONE: W = w("Số điện thoại liên hệ", "Contact phone");

/// Examples shown in the fields (placeholders), in the document's language: Vietnamese.
pub const EXAMPLE_GOVERNING_BODY: &str = "UBND THÀNH PHỐ HẢI PHÒNG";
pub const EXAMPLE_ON_BEHALF_OF: &str = "GIÁM ĐỐC";
pub const EXAMPLE_SIGNER_POSITION: &str = "PHÓ GIÁM ĐỐC";

pub fn signed_on(lang: Lang, day: &str) -> String {
    match lang {
        Lang::Vi => format!("Báo cáo đã ký ngày {day}: bản in và điểm thưởng, điểm trừ theo ngày ký."),
        Lang::En => format!("The report was signed on {day}: the print and the bonus and penalty follow the signing day."),
    }
}
