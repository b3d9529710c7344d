//! The words of `date_input.rs`.

use super::{w, W};

pub const DAY_MONTH_YEAR_EXAMPLE: W = w(
    "Ngày/tháng/năm, ví dụ 05/03/2026",
    "Day/month/year, for example 05/03/2026",
);
