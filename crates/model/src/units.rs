//! Fixed-point units. Scores never touch floating point (design invariant 2): native and
//! WebAssembly builds must agree to the last digit, and the signed report holds integers only.

use crate::text::Lang;

/// Points in thousandths of a point: 100 points = 100_000.
pub type MilliPoints = u32;
/// A share in basis points: 70% = 7_000, 100% = 10_000.
pub type BasisPoints = u32;

pub const FULL_SHARE: BasisPoints = 10_000;

/// Formats a whole number with the language's thousands separator:
/// Vietnamese `12.345`, English `12,345`.
pub fn format_int(value: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// The sign before the decimals: `87,5` in Vietnamese, `87.5` in English.
pub fn decimal_sign(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

/// Formats an integer number of `1/10^places` units with at most `places` decimals, trailing
/// zeros dropped: Vietnamese `87,5`, English `87.5`.
fn format_fixed(value: u64, places: u32, lang: Lang) -> String {
    let scale = 10u64.pow(places);
    let whole = format_int(value / scale, lang);
    let frac = value % scale;
    if frac == 0 {
        return whole;
    }
    let mut frac_text = format!("{:0width$}", frac, width = places as usize);
    while frac_text.ends_with('0') {
        frac_text.pop();
    }
    let dec = decimal_sign(lang);
    format!("{whole}{dec}{frac_text}")
}

/// Points shown to people exactly, with up to three decimals: `87,25`, `85,625`.
pub fn format_points(points: MilliPoints, lang: Lang) -> String {
    // Exact: points are counted in thousandths, and a total rounded half up to 0,001 must not
    // be shown cut to two decimals (85,625 read as 85,62 beside "rounded half up").
    format_fixed(u64::from(points), 3, lang)
}

/// A share shown as a percentage with up to two decimals: `70%`, `66,67%`.
pub fn format_share(share: BasisPoints, lang: Lang) -> String {
    format!("{}%", format_fixed(u64::from(share), 2, lang))
}

/// "Tỷ lệ điểm đạt" (the share of points achieved), 0–1 in millionths, shown as a
/// percentage with one decimal: `87,3%`. A 0–1 value ("0,873") read like the national DTI
/// index (review L2), whatever the scale they share.
pub fn format_index(index_millionths: u32, lang: Lang) -> String {
    // Rounded half up to the tenth of a percent, like every other rounding in the model.
    let per_mille = (index_millionths + 500) / 1_000;
    let dec = decimal_sign(lang);
    match per_mille % 10 {
        0 => format!("{}%", per_mille / 10),
        tenth => format!("{}{dec}{tenth}%", per_mille / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_vietnamese_and_english_numbers() {
        assert_eq!(format_int(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(format_int(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_int(999, Lang::Vi), "999");
        assert_eq!(format_points(87_500, Lang::Vi), "87,5");
        assert_eq!(format_points(87_500, Lang::En), "87.5");
        assert_eq!(format_points(100_000, Lang::Vi), "100");
        assert_eq!(
            format_points(12_345, Lang::Vi),
            "12,345",
            "exact, never cut"
        );
        assert_eq!(format_points(85_625, Lang::En), "85.625");
        assert_eq!(format_index(639_600, Lang::Vi), "64%", "rounded half up");
        assert_eq!(format_index(856_250, Lang::Vi), "85,6%");
        assert_eq!(format_index(856_500, Lang::En), "85.7%");
        assert_eq!(format_share(6_667, Lang::Vi), "66,67%");
        assert_eq!(format_share(7_000, Lang::En), "70%");
        assert_eq!(format_index(873_000, Lang::Vi), "87,3%");
        assert_eq!(format_index(1_000_000, Lang::En), "100%");
    }
}
