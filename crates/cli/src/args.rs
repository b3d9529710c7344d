//! A small argument parser: flags with values, boolean switches and positional arguments.

use std::collections::HashMap;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ArgError {
    #[error("{0} needs a value")]
    MissingValue(String),
    #[error("unknown option {0}")]
    Unknown(String),
}

#[derive(Debug, Default)]
pub struct Args {
    pub values: HashMap<String, String>,
    pub switches: Vec<String>,
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `raw` knowing which flags take a value and which are switches.
    pub fn parse(raw: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, ArgError> {
        let mut args = Args::default();
        let mut iter = raw.iter();
        while let Some(arg) = iter.next() {
            if with_value.contains(&arg.as_str()) {
                let value = iter
                    .next()
                    .ok_or_else(|| ArgError::MissingValue(arg.clone()))?;
                args.values.insert(arg.clone(), value.clone());
            } else if switches.contains(&arg.as_str()) {
                args.switches.push(arg.clone());
            } else if arg.starts_with("--") {
                return Err(ArgError::Unknown(arg.clone()));
            } else {
                args.positional.push(arg.clone());
            }
        }
        Ok(args)
    }

    pub fn value(&self, flag: &str) -> Option<&str> {
        self.values.get(flag).map(String::as_str)
    }

    pub fn has(&self, switch: &str) -> bool {
        self.switches.iter().any(|s| s == switch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
