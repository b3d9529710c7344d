//! One libFuzzer binary for every target of `tdg-fuzz`, the target named by `TDG_FUZZ_TARGET`
//! (one build instead of six). libFuzzer's own mutations alternate with the structure-aware ones
//! of `tdg_fuzz::mutate` (number forms, key order, escapes, @context).
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use std::sync::OnceLock;
use tdg_fuzz::{mutate::mutate, rng::Rng, Target};

fn target() -> Target {
    static TARGET: OnceLock<Target> = OnceLock::new();
    *TARGET.get_or_init(|| {
        let name = std::env::var("TDG_FUZZ_TARGET").unwrap_or_default();
        Target::from_name(&name).unwrap_or_else(|| {
            eprintln!("TDG_FUZZ_TARGET must name a target of tdg-fuzz, not '{name}'");
            std::process::exit(2)
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = target().run(data);
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    if seed % 2 == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let mut rng = Rng::new(u64::from(seed));
    let out = mutate(&data[..size], &[], &mut rng);
    let n = out.len().min(max_size);
    data[..n].copy_from_slice(&out[..n]);
    n
});
