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
