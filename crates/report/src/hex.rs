//! Lowercase hexadecimal, as the report and the key backup write hashes, salts and nonces.

pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of `text`, or `None` if it is not whole pairs of hex digits.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    // `from_str_radix` alone would take a sign: "+f" would decode to [15] (found by fuzzing).
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Exactly `N` bytes from hex.
pub fn decode_array<const N: usize>(text: &str) -> Option<[u8; N]> {
    decode(text)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_bad_text() {
        assert_eq!(encode(&[0, 15, 255]), "000fff");
        assert_eq!(decode("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(decode("0f0"), None);
        assert_eq!(decode("zz"), None);
        assert_eq!(decode("é0"), None);
        assert_eq!(decode("+f"), None);
        assert_eq!(decode("00+f"), None);
        assert_eq!(decode_array::<1>("+a"), None);
        assert_eq!(decode_array::<2>("abcd"), Some([0xab, 0xcd]));
        assert_eq!(decode_array::<3>("abcd"), None);
    }
}
