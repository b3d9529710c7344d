//! The words of `print_view.rs`.

use super::{w, W};

pub const BACK_ASSESSMENT: W = w("← Quay lại đánh giá", "← Back to the assessment");

pub const PRINT_A4: W = w("In (A4)", "Print (A4)");

pub const REPORT_NOT_SIGNED_YET: W = w(
    "Báo cáo chưa được ký: bản in sẽ ghi là bản nháp. Hãy ký trước khi in bản chính thức.",
    "The report is not signed yet: the copy will say draft. Sign it before printing the official copy.",
);

pub const PRINTED_COPY: W = w("Bản in", "Printed copy");

pub const DECREE_30_FORMAT: W = w(
    "Bản in theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP), khổ A4. Chữ ký và con dấu trên bản in xác nhận thẩm quyền; mã SHA-256 gắn bản in với tệp JSON.",
    "Printed in the administrative format of Decree 30/2020/NĐ-CP, A4. The signature and seal on paper carry the authority; the SHA-256 binds the paper to the JSON file.",
);

/// The printed report's own wording, in Vietnamese only: the document follows Decree
/// 30/2020/NĐ-CP's forms whatever the screen's language.
pub mod document {
    pub const TRAINING_WATERMARK: &str = "TẬP HUẤN — KHÔNG CÓ GIÁ TRỊ NỘP";
    pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
    pub const DRAFT_MARK: &str = "BẢN NHÁP — CHƯA KÝ";
    pub const FULL_NAME: &str = "Họ và tên";
    pub const POSITION: &str = "Chức vụ";
    pub const WORKPLACE: &str = "Đơn vị công tác";
    pub const SECTION_RESULTS: &str = "I. KẾT QUẢ TỰ CHẤM ĐIỂM";
    pub const SECTION_SHORTCOMINGS: &str = "II. TỒN TẠI, HẠN CHẾ";
    pub const SECTION_PROPOSALS: &str = "III. ĐỀ XUẤT, KIẾN NGHỊ";
    /// The results table's columns; the last is left blank for the council.
    pub const COLUMNS: [&str; 7] = [
        "TT",
        "Tiêu chí",
        "Kết quả",
        "Minh chứng",
        "Điểm tối đa",
        "Điểm tự chấm",
        "Điểm thẩm định",
    ];
    pub const NOT_COUNTED: &str = "không tính";
    pub const CRITERIA_POINTS: &str = "Điểm các tiêu chí";
    pub const BONUS: &str = "Điểm thưởng";
    pub const BONUS_COUNTED: &str = "Điểm thưởng được tính (tối đa)";
    pub const PENALTY: &str = "Điểm trừ";
    pub const TOTAL: &str = "Tổng điểm";
    pub const REPORT_FILE: &str = "Tệp báo cáo điện tử";
    pub const KEY_FINGERPRINT: &str = "Dấu vân tay khóa";
    pub const HEAD_CONFIRMS: &str = "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ";
    pub const SIGN_NAME_SEAL: &str = "(Ký, ghi rõ họ tên và đóng dấu)";
    pub const REPORTER: &str = "NGƯỜI BÁO CÁO";
    pub const SIGN_NAME: &str = "(Ký, ghi rõ họ tên)";
    pub const RECIPIENTS: &str = "Nơi nhận:";
    /// Until the unit names a position, the places to write it by hand (Decree 30's forms).
    pub const SIGNER_POSITION_BLANK: &str = "(Chức vụ người ký)";
    pub const SIGN_NAME_SEAL_BLANK: &str = "(Ký, ghi rõ họ tên, đóng dấu)";
    pub const QR_LABEL: &str = "QR: SHA-256 và dấu vân tay khóa";

    /// "Label: value", the document's way of giving a field.
    pub fn labelled(label: &str, value: &str) -> String {
        format!("{label}: {value}")
    }

    pub fn title(individual: bool) -> &'static str {
        if individual {
            "BÁO CÁO THÀNH TÍCH"
        } else {
            "BÁO CÁO"
        }
    }

    pub fn subtitle(individual: bool, year: i32) -> String {
        if individual {
            format!("Tham gia phong trào thi đua chuyển đổi số năm {year}")
        } else {
            format!("Tự đánh giá kết quả thực hiện phong trào thi đua chuyển đổi số năm {year}")
        }
    }

    pub fn basis(basis: &str) -> String {
        format!("(theo {basis})")
    }

    pub fn addressee(office: &str) -> String {
        format!("Kính gửi: {office}.")
    }

    pub fn tier(tier: &str, variant: &str) -> String {
        format!("Đối tượng: {tier}{variant}")
    }

    pub fn share(index: &str) -> String {
        format!("Tỷ lệ điểm đạt: {index}.")
    }

    pub fn model_note(basis_short: &str) -> String {
        format!("Ghi chú: chỉ tiêu theo {basis_short}; điểm tối đa, cách tính điểm, điểm thưởng, điểm trừ và mức xếp loại theo cách chấm điểm mặc định của công cụ (Kế hoạch chưa quy định). Cột “Điểm thẩm định” dành cho Hội đồng Thi đua – Khen thưởng.")
    }

    /// An individual is the contact: only the phone is given.
    pub fn contact(individual: bool, name: &str, phone: &str) -> String {
        if individual {
            format!("Điện thoại: {phone}.")
        } else {
            format!("Người liên hệ: {name}; điện thoại: {phone}.")
        }
    }
}
