//! A command's arguments, read with `lexopt` (small, maintained, no dependencies of its own):
//! `--flag value` or `--flag=value`, `--` ends the options, and an argument that is not UTF-8
//! is refused with a message instead of a panic. Which flags exist is each command's table.

use std::ffi::OsStr;

/// What is wrong with the arguments (exit status 2). The English text is `Display`;
/// its `Localized` message gives the Vietnamese.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArgError {
    #[error("{0} needs a value (--help lists the options)")]
    MissingValue(String),
    #[error("unknown option {0} (--help lists the options)")]
    Unknown(String),
    #[error("{option} takes no value, not '{value}'")]
    UnexpectedValue { option: String, value: String },
    #[error("an argument is not UTF-8 text: {0}")]
    NotUtf8(String),
}

impl ArgError {
    fn vietnamese(&self) -> String {
        match self {
            ArgError::MissingValue(flag) => {
                format!("{flag} cần một giá trị (--help liệt kê các tùy chọn)")
            }
            ArgError::Unknown(option) => {
                format!("không có tùy chọn {option} (--help liệt kê các tùy chọn)")
            }
            ArgError::UnexpectedValue { option, value } => {
                format!("{option} không nhận giá trị, không phải '{value}'")
            }
            ArgError::NotUtf8(text) => format!("một tham số không phải văn bản UTF-8: {text}"),
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for ArgError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
        }
    }
}

impl From<lexopt::Error> for ArgError {
    fn from(e: lexopt::Error) -> ArgError {
        match e {
            lexopt::Error::MissingValue { option } => {
                ArgError::MissingValue(option.unwrap_or_default())
            }
            lexopt::Error::UnexpectedValue { option, value } => ArgError::UnexpectedValue {
                option,
                value: value.to_string_lossy().into_owned(),
            },
            lexopt::Error::NonUnicodeValue(value) => {
                ArgError::NotUtf8(value.to_string_lossy().into_owned())
            }
            lexopt::Error::UnexpectedOption(option) => ArgError::Unknown(option),
            // Not produced by the calls below (`next`, `value`, `string`); kept total.
            other => ArgError::Unknown(other.to_string()),
        }
    }
}

#[derive(Debug, Default)]
pub struct Args {
    /// Every flag with its value, in order (a flag may repeat, e.g. `--catalog`).
    pub values: Vec<(String, String)>,
    pub switches: Vec<String>,
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `raw` knowing which flags (`"--name"`) take a value and which are switches.
    /// Short options are unknown (`-h` is answered before, with the command's help).
    pub fn parse<A: AsRef<OsStr>>(
        raw: &[A],
        with_value: &[&str],
        switches: &[&str],
    ) -> Result<Args, ArgError> {
        use lexopt::{Arg, ValueExt};
        let mut parser = lexopt::Parser::from_args(raw.iter().map(|a| a.as_ref().to_owned()));
        let mut args = Args::default();
        while let Some(arg) = parser.next()? {
            match arg {
                Arg::Long(name) => {
                    let flag = format!("--{name}");
                    if with_value.contains(&flag.as_str()) {
                        let value = parser.value()?.string()?;
                        args.values.push((flag, value));
                    } else if switches.contains(&flag.as_str()) {
                        args.switches.push(flag);
                    } else {
                        return Err(ArgError::Unknown(flag));
                    }
                }
                Arg::Short(c) => return Err(ArgError::Unknown(format!("-{c}"))),
                Arg::Value(value) => args.positional.push(value.string()?),
            }
        }
        Ok(args)
    }

    /// The last value given for `flag`.
    pub fn value(&self, flag: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(f, _)| f == flag)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given for `flag`, in order.
    pub fn all(&self, flag: &str) -> Vec<&str> {
        self.values
            .iter()
            .filter(|(f, _)| f == flag)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, switch: &str) -> bool {
        self.switches.iter().any(|s| s == switch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tdg_model::Localized;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_values_switches_and_positionals() {
        let a = Args::parse(
            &strings(&["--tier", "xa", "a.json", "--json"]),
            &["--tier"],
            &["--json"],
        )
        .expect("ok");
        assert_eq!(a.value("--tier"), Some("xa"));
        assert!(a.has("--json"));
        assert_eq!(a.positional, vec!["a.json"]);
        assert_eq!(
            Args::parse(&strings(&["--tier"]), &["--tier"], &[]).expect_err("no value"),
            ArgError::MissingValue("--tier".into())
        );
        assert!(Args::parse(&strings(&["--bogus"]), &[], &[]).is_err());
    }

    #[test]
    fn equals_form_repeats_and_the_end_of_options() {
        let a = Args::parse(
            &strings(&["--catalog=a.json", "--catalog", "b.json", "--", "--json"]),
            &["--catalog"],
            &["--json"],
        )
        .expect("ok");
        assert_eq!(a.all("--catalog"), vec!["a.json", "b.json"]);
        assert_eq!(a.value("--catalog"), Some("b.json"));
        assert!(!a.has("--json"), "after -- it is a file name");
        assert_eq!(a.positional, vec!["--json"]);
        // A value is taken as given, even one that looks like an option (as before).
        let a = Args::parse(&strings(&["--label", "--x"]), &["--label"], &[]).expect("ok");
        assert_eq!(a.value("--label"), Some("--x"));
    }

    #[test]
    fn every_wrong_argument_is_a_typed_error_in_both_languages() {
        let cases = [
            (vec!["-x"], ArgError::Unknown("-x".into())),
            (vec!["--bogus"], ArgError::Unknown("--bogus".into())),
            (
                vec!["--json=yes"],
                ArgError::UnexpectedValue {
                    option: "--json".into(),
                    value: "yes".into(),
                },
            ),
            (vec!["--tier"], ArgError::MissingValue("--tier".into())),
        ];
        for (raw, expected) in cases {
            let e = Args::parse(&strings(&raw), &["--tier"], &["--json"]).expect_err("refused");
            assert_eq!(e, expected);
            assert!(
                !e.message(tdg_model::Lang::Vi).is_empty()
                    && e.message(tdg_model::Lang::Vi) != e.to_string()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_non_utf8_argument_is_refused_not_a_panic() {
        use std::ffi::OsString;
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'a', 0xff, b'.', b'j']);
        let e = Args::parse(std::slice::from_ref(&bad), &[], &[]).expect_err("positional");
        assert!(matches!(e, ArgError::NotUtf8(_)), "{e:?}");
        let e = Args::parse(&[OsString::from("--tier"), bad], &["--tier"], &[]).expect_err("value");
        assert!(matches!(e, ArgError::NotUtf8(_)), "{e:?}");
    }
}
