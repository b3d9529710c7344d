//! Entry point of the WebAssembly binary that `cargo xtask dist` ships.

fn main() {
    tdg_app::start();
}
