//! Work over many files on every core (natively; in the browser each worker runs its share one
//! after another). The office reads and verifies thousands of reports: each is independent.

/// `f` of every item, in the items' order, the items cut into one run per core.
pub fn map_on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if threads > 1 && items.len() > 1 {
            let chunk = items.len().div_ceil(threads);
            let f = &f;
            return std::thread::scope(|scope| {
                // A part whose thread the system refuses (a limit on threads) is done here, in
                // its turn: nothing is left out.
                let runs: Vec<_> = items
                    .chunks(chunk)
                    .map(|part| {
                        std::thread::Builder::new()
                            .spawn_scoped(scope, move || part.iter().map(f).collect::<Vec<_>>())
                            .map_err(|_| part)
                    })
                    .collect();
                runs.into_iter()
                    .flat_map(|run| match run {
                        // A run only panics if `f` does, which the office's never do on any
                        // input (fuzzed); were one to, the whole batch should stop loudly.
                        Ok(r) => r.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                        Err(part) => part.iter().map(f).collect(),
                    })
                    .collect()
            });
        }
    }
    items.iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::map_on_every_core;

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1_001).collect();
        let doubled = map_on_every_core(&items, |n| n * 2);
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert!(map_on_every_core(&[] as &[u32], |n| *n).is_empty());
    }
}
