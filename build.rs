//! The page's wasm keeps its relocations (`--emit-relocs`): the build's splitter
//! (crates/wasm-split) reads them to move the code a paste does not use into a module of its own.
fn main() {
    // It reads nothing but the target: without this, cargo would run it again (and rebuild the
    // page) whenever any file of the package changed.
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
