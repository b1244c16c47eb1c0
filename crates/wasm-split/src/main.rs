//! `wasm-split INPUT.wasm OUT_DIR MAIN_JS`: splits the page's wasm as linked (with
//! `--emit-relocs`, before wasm-bindgen) at its `#[wasm_split]` points. Writes OUT_DIR/main.wasm
//! (for wasm-bindgen), one wasm per split module and OUT_DIR/split.js, the loader, which imports
//! `initSync` from MAIN_JS (the wasm-bindgen glue's path relative to it).
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out, main_js] = &args[..] else {
        eprintln!("usage: wasm-split INPUT.wasm OUT_DIR MAIN_JS");
        return ExitCode::from(2);
    };
    let wasm = match std::fs::read(input) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("wasm-split: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = PathBuf::from(out);
    let main_out = out.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&wasm);
    opts.output_dir = &out;
    opts.main_out_path = &main_out;
    opts.link_name = "./split.js";
    opts.main_module = main_js;
    match wasm_split_cli_support::transform(opts) {
        Ok(split) => {
            for m in &split.split_modules {
                println!("{}", m.strip_prefix(&out).unwrap_or(Path::new(m)).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("wasm-split: {e:?}");
            ExitCode::FAILURE
        }
    }
}
