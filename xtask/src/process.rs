//! Running commands: echo them, fail clearly, and optionally tee their output for counting.

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs a command with inherited output; an error names the command.
pub fn run(cmd: &mut Command) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    if !status.success() {
        bail!("{} failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs a command with its output appended to `log`; on failure the error carries the log's
/// last lines, so a background install that fails still says why.
pub fn run_logged(cmd: &mut Command, log: &Path) -> Result<()> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("opening {}", log.display()))?;
    let status = cmd
        .stdout(file.try_clone()?)
        .stderr(file)
        .status()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    if !status.success() {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "{} failed ({status}); the end of {}:\n{}",
            describe(cmd),
            log.display(),
            tail.join("\n")
        );
    }
    Ok(())
}

/// Runs a command, printing its standard output as it comes and returning it, with success.
pub fn tee(cmd: &mut Command) -> Result<(bool, String)> {
    eprintln!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    let mut captured = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.unwrap_or_default();
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let status = child.wait()?;
    Ok((status.success(), captured))
}

/// True when the program answers `--version`.
pub fn exists(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The command as a shell would run it, with the variables it sets (a build under
/// `RUSTC_BOOTSTRAP=1` copied without it would fail), each word quoted where a shell would
/// split or expand it.
pub fn describe(cmd: &Command) -> String {
    let mut words = Vec::new();
    for (name, value) in cmd.get_envs() {
        if let Some(value) = value {
            words.push(format!(
                "{}={}",
                name.to_string_lossy(),
                shell_word(&value.to_string_lossy())
            ));
        }
    }
    words.push(shell_word(&cmd.get_program().to_string_lossy()));
    words.extend(cmd.get_args().map(|a| shell_word(&a.to_string_lossy())));
    words.join(" ")
}

/// `word` as one shell word: as it is when only safe characters, else in single quotes.
fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_described_command_can_be_pasted_into_a_shell() {
        let mut cmd = Command::new("cargo");
        cmd.env("RUSTFLAGS", "-Cpasses=a -Cllvm-args=b")
            .args([
                "build",
                "--config",
                "profile.release.panic=\"immediate-abort\"",
            ])
            .arg("it's");
        assert_eq!(
            describe(&cmd),
            "RUSTFLAGS='-Cpasses=a -Cllvm-args=b' cargo build --config \
             'profile.release.panic=\"immediate-abort\"' 'it'\\''s'"
        );
    }
}
