//! Web origins, written exactly as browsers serialise them (`MessageEvent.origin`), so that
//! matching is plain string equality: no wildcards, no prefixes, no guessing.
//!
//! Why no wildcards: `https://*.haiphong.gov.vn` would let any page on any sub-domain (a
//! forgotten test site, a department's blog) configure the tool and receive signed reports.
//! A portal lists the few origins that embed it; that list is short and checkable.

use std::fmt;

/// An origin: scheme, host and port, lowercase, default port left out.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin(String);

/// Why a text is not an origin the tool accepts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OriginError {
    #[error("an origin starts with https:// (or http://)")]
    Scheme,
    #[error("wildcards (*) are not accepted: list each origin")]
    Wildcard,
    #[error("an origin has no path, query or fragment: only scheme://host[:port]")]
    Path,
    #[error("an origin has no user name or password (@)")]
    UserInfo,
    #[error("the host name is empty or has characters a host name cannot have (write an international name in its xn-- form)")]
    Host,
    #[error("the port is not a number from 1 to 65535")]
    Port,
}

impl OriginError {
    fn vietnamese(&self) -> &'static str {
        match self {
            OriginError::Scheme => "nguồn (origin) phải bắt đầu bằng https:// (hoặc http://)",
            OriginError::Wildcard => "không chấp nhận ký tự đại diện (*): hãy liệt kê từng nguồn",
            OriginError::Path => {
                "nguồn chỉ gồm giao thức://tên-miền[:cổng], không có đường dẫn, truy vấn hay #"
            }
            OriginError::UserInfo => "nguồn không chứa tên người dùng hay mật khẩu (@)",
            OriginError::Host => {
                "tên miền trống hoặc có ký tự không hợp lệ (tên miền tiếng Việt hãy viết dạng xn--)"
            }
            OriginError::Port => "cổng phải là số từ 1 đến 65535",
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for OriginError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese().to_string(),
            tdg_model::Lang::En => self.to_string(),
        }
    }
}

impl Origin {
    /// Parses an origin as an administrator writes it. Upper case and a default port are
    /// normalised, one trailing `/` is tolerated; anything else beyond scheme://host[:port]
    /// is refused.
    pub fn parse(text: &str) -> Result<Origin, OriginError> {
        let text = text.trim();
        if text.contains('*') {
            return Err(OriginError::Wildcard);
        }
        let lower = text.to_ascii_lowercase();
        let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
            ("https", rest)
        } else if let Some(rest) = lower.strip_prefix("http://") {
            ("http", rest)
        } else {
            return Err(OriginError::Scheme);
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains(['/', '?', '#', '\\']) {
            return Err(OriginError::Path);
        }
        if rest.contains('@') {
            return Err(OriginError::UserInfo);
        }
        let (host, port) = split_port(rest)?;
        if !valid_host(host) {
            return Err(OriginError::Host);
        }
        let default = if scheme == "https" { 443 } else { 80 };
        Ok(Origin(match port {
            Some(p) if p != default => format!("{scheme}://{host}:{p}"),
            _ => format!("{scheme}://{host}"),
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `serialized` (a `MessageEvent.origin`) is exactly this origin. `"null"`
    /// (sandboxed frames, `file:`) never matches.
    pub fn matches(&self, serialized: &str) -> bool {
        self.0 == serialized
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// True when `origin` is one of `allowed`.
pub fn is_allowed(allowed: &[Origin], origin: &str) -> bool {
    allowed.iter().any(|a| a.matches(origin))
}

fn split_port(rest: &str) -> Result<(&str, Option<u32>), OriginError> {
    // An IPv6 literal keeps its colons inside brackets.
    let colon = match rest.rfind(']') {
        Some(end) => rest[end..].find(':').map(|i| end + i),
        None => rest.rfind(':'),
    };
    match colon {
        None => Ok((rest, None)),
        Some(i) => {
            let digits = &rest[i + 1..];
            if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(OriginError::Port);
            }
            let port: u32 = digits.parse().map_err(|_| OriginError::Port)?;
            if port == 0 || port > 65535 {
                return Err(OriginError::Port);
            }
            Ok((&rest[..i], Some(port)))
        }
    }
}

fn valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':');
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_default_ports_and_one_trailing_slash() {
        let o = |t: &str| Origin::parse(t).map(|o| o.0);
        assert_eq!(
            o("https://Cong.HaiPhong.gov.vn"),
            Ok("https://cong.haiphong.gov.vn".into())
        );
        assert_eq!(o("https://a.vn:443/"), Ok("https://a.vn".into()));
        assert_eq!(o("http://a.vn:80"), Ok("http://a.vn".into()));
        assert_eq!(
            o("http://localhost:8080"),
            Ok("http://localhost:8080".into())
        );
        assert_eq!(o("https://a.vn:80"), Ok("https://a.vn:80".into()));
        assert_eq!(o("http://[::1]:9000"), Ok("http://[::1]:9000".into()));
        assert_eq!(o("  https://a.vn  "), Ok("https://a.vn".into()));
    }

    #[test]
    fn refuses_what_is_not_exactly_an_origin() {
        let e = |t: &str| Origin::parse(t).err();
        assert_eq!(e("https://*.haiphong.gov.vn"), Some(OriginError::Wildcard));
        assert_eq!(e("*"), Some(OriginError::Wildcard));
        assert_eq!(e("cong.haiphong.gov.vn"), Some(OriginError::Scheme));
        assert_eq!(e("ftp://a.vn"), Some(OriginError::Scheme));
        assert_eq!(e("javascript://a.vn"), Some(OriginError::Scheme));
        assert_eq!(e("https://a.vn/tu-danh-gia"), Some(OriginError::Path));
        assert_eq!(e("https://a.vn?x"), Some(OriginError::Path));
        assert_eq!(e("https://a.vn//"), Some(OriginError::Path));
        assert_eq!(e("https://u:p@a.vn"), Some(OriginError::UserInfo));
        assert_eq!(e("https://"), Some(OriginError::Host));
        assert_eq!(e("https://hải-phòng.vn"), Some(OriginError::Host));
        assert_eq!(e("https://a..vn"), Some(OriginError::Host));
        assert_eq!(e("https://a.vn:0"), Some(OriginError::Port));
        assert_eq!(e("https://a.vn:65536"), Some(OriginError::Port));
        assert_eq!(e("https://a.vn:"), Some(OriginError::Port));
        assert_eq!(e("https://a.vn:8x"), Some(OriginError::Port));
        assert_eq!(e("null"), Some(OriginError::Scheme));
    }

    #[test]
    fn matching_is_exact() {
        let allowed =
            vec![Origin::parse("https://cong.haiphong.gov.vn").unwrap_or_else(|e| panic!("{e}"))];
        assert!(is_allowed(&allowed, "https://cong.haiphong.gov.vn"));
        for other in [
            "http://cong.haiphong.gov.vn",
            "https://cong.haiphong.gov.vn:8443",
            "https://evil.cong.haiphong.gov.vn",
            "https://cong.haiphong.gov.vn.evil.vn",
            "https://haiphong.gov.vn",
            "null",
            "",
        ] {
            assert!(!is_allowed(&allowed, other), "{other}");
        }
    }
}
