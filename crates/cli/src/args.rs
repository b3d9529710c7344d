//! A small argument parser: flags with values, boolean switches and positional arguments.

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ArgError {
    #[error("{0} needs a value")]
    MissingValue(String),
    #[error("unknown option {0}")]
    Unknown(String),
}

#[derive(Debug, Default)]
pub struct Args {
    /// Every flag with its value, in order (a flag may repeat, e.g. `--catalog`).
    pub values: Vec<(String, String)>,
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
                args.values.push((arg.clone(), value.clone()));
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
