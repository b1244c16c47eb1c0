//! `disclosure`: check and compare budget disclosures from the command line.
//!
//! ```text
//! disclosure check [--json] [--lang zh|en] FILE...
//! disclosure text FILE
//! disclosure rules [--json] [--lang zh|en]
//! disclosure compare [--csv|--json] [--lang zh|en] FILE...
//! disclosure corpus [--json] [--held-out] [--update ID] [DIR]
//! ```
//!
//! `-` reads standard input. Exit status: 0 when every input was read (whatever it contains),
//! 2 when an input could not be read (the others are still processed), 64 for a usage error,
//! 70 when the analysis of an input failed inside the core (a bug: please report it).
#![forbid(unsafe_code)]

mod check;
mod input;

use disclosure_cli::{corpus, table};

use std::io::Write;
use std::process::ExitCode;

pub use disclosure::analyze::compare::Lang;
use input::Outcome;

const USAGE: &str = "\
disclosure: check and compare Chinese government budget disclosures (部门预算/决算公开)

usage:
  disclosure check [--json] [--lang zh|en] FILE...
      parse and check each file: department, year, totals and findings
  disclosure text [--lang zh|en] FILE
      print the text the checker reads (of a PDF: the text rebuilt from it, whose
      lines the findings' line numbers count)
  disclosure rules [--json] [--lang zh|en]
      list every rule of the checker
  disclosure compare [--csv|--json] [--lang zh|en] FILE...
      compare the documents side by side (default: an aligned table)
  disclosure corpus [--json] [--held-out] [DIR]
      check the reviewed corpus (default fixtures/corpus): a row per document and copy
  disclosure corpus --update ID [DIR]
      print the document's findings.toml brought up to date: gone findings and misses
      dropped, new findings added as unreviewed, new misses added without a reason

FILE may be - for standard input. A PDF (its text layer: no OCR) is read by its text
and the place of each character; other files that are not UTF-8 are read as GB18030 (GBK).
Files are analysed on one thread per core; DISCLOSURE_THREADS=N sets the number.
exit status: 0 every file read; 2 a file could not be read; 64 usage error; 70 internal error";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
struct Args {
    command: Command,
    format: Format,
    lang: Lang,
    files: Vec<String>,
    /// `corpus --held-out`: the documents set aside instead of the others.
    held_out: bool,
    /// `corpus --update ID`.
    update: Option<String>,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Command {
    Check,
    Text,
    Rules,
    Compare,
    Corpus,
    Help,
    Version,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Format {
    Text,
    Json,
    Csv,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        Some("check") => Command::Check,
        Some("text") => Command::Text,
        Some("rules") => Command::Rules,
        Some("compare") => Command::Compare,
        Some("corpus") => Command::Corpus,
        Some("help" | "-h" | "--help") | None => Command::Help,
        Some("-V" | "--version") => Command::Version,
        Some(other) => return Err(format!("unknown command '{other}'")),
    };
    let mut a = Args {
        command,
        format: Format::Text,
        lang: Lang::Zh,
        files: Vec::new(),
        held_out: false,
        update: None,
    };
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            a.files.push(arg.clone());
            continue;
        }
        match arg.as_str() {
            "--" => only_files = true,
            "--json" => a.format = Format::Json,
            "--csv" if command == Command::Compare => a.format = Format::Csv,
            "--held-out" if command == Command::Corpus => a.held_out = true,
            "--update" if command == Command::Corpus => {
                a.update = Some(it.next().ok_or("--update takes a document id")?.clone());
            }
            "-h" | "--help" => a.command = Command::Help,
            "--lang" => {
                a.lang = lang(it.next().map(String::as_str))?;
            }
            s if s.starts_with("--lang=") => a.lang = lang(s.strip_prefix("--lang="))?,
            s => return Err(format!("unknown option '{s}'")),
        }
    }
    match a.command {
        Command::Check | Command::Compare if a.files.is_empty() => {
            Err("no input files (use - for standard input)".to_owned())
        }
        Command::Rules if !a.files.is_empty() => Err("rules takes no files".to_owned()),
        Command::Text if a.files.len() != 1 => Err("text takes one file".to_owned()),
        Command::Corpus if a.files.len() > 1 => Err("corpus takes one directory".to_owned()),
        _ => Ok(a),
    }
}

fn lang(s: Option<&str>) -> Result<Lang, String> {
    match s {
        Some("zh") => Ok(Lang::Zh),
        Some("en") => Ok(Lang::En),
        _ => Err("--lang takes zh or en".to_owned()),
    }
}

/// What went wrong with an input, for the exit status.
#[derive(Default)]
struct Trouble {
    unreadable: bool,
    crashed: bool,
}

impl Trouble {
    fn note<T>(&mut self, file: &str, o: Outcome<T>) -> Option<T> {
        match o {
            Outcome::Done(t) => Some(t),
            Outcome::Unreadable(e) => {
                eprintln!("disclosure: cannot read {file}: {e}");
                self.unreadable = true;
                None
            }
            Outcome::Crashed(e) => {
                eprintln!("disclosure: internal error while analysing {file}: {e}");
                self.crashed = true;
                None
            }
        }
    }

    fn code(&self) -> ExitCode {
        if self.crashed {
            ExitCode::from(70)
        } else if self.unreadable {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = match parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("disclosure: {e}\n\n{USAGE}");
            return ExitCode::from(64);
        }
    };
    let mut out = String::new();
    let code = match a.command {
        Command::Help => {
            out = format!("{USAGE}\n");
            ExitCode::SUCCESS
        }
        Command::Version => {
            out = format!("disclosure {}\n", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Rules => {
            out = rules(a.format, a.lang);
            ExitCode::SUCCESS
        }
        Command::Check => check(&a, &mut out),
        Command::Text => text(&a, &mut out),
        Command::Compare => compare(&a, &mut out),
        Command::Corpus => corpus(&a, &mut out),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`disclosure check … | head`) is not an error worth a message.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush());
    code
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
}

fn check(a: &Args, out: &mut String) -> ExitCode {
    let mut trouble = Trouble::default();
    match a.format {
        Format::Json => {
            let outcomes = input::analyse_all(&a.files, a.lang, check::view);
            let mut documents = Vec::new();
            let mut unreadable = Vec::new();
            for (file, o) in a.files.iter().zip(outcomes) {
                if let Outcome::Unreadable(e) = &o {
                    unreadable.push(check::Unreadable {
                        file: file.clone(),
                        error: e.clone(),
                    });
                }
                documents.extend(trouble.note(file, o));
            }
            *out = json(&check::CheckOutput {
                documents,
                unreadable,
            });
        }
        _ => {
            let lang = a.lang;
            let outcomes =
                input::analyse_all(&a.files, lang, |f, an, src| check::report(f, an, src, lang));
            let reports: Vec<String> = a
                .files
                .iter()
                .zip(outcomes)
                .filter_map(|(file, o)| trouble.note(file, o))
                .collect();
            *out = reports.join("\n");
        }
    }
    trouble.code()
}

/// `disclosure text FILE`: the text as the checker reads it, line for line.
fn text(a: &Args, out: &mut String) -> ExitCode {
    let file = &a.files[0];
    match input::read(file, a.lang) {
        Ok(source) => {
            *out = source.text;
            if let Some(pdf) = &source.pdf {
                for n in &pdf.notes {
                    let msg = match a.lang {
                        Lang::Zh => n.message_zh(),
                        Lang::En => n.message_en(),
                    };
                    eprintln!("disclosure: {file}: {msg}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("disclosure: cannot read {file}: {e}");
            ExitCode::from(2)
        }
    }
}

fn compare(a: &Args, out: &mut String) -> ExitCode {
    let mut trouble = Trouble::default();
    let outcomes = input::analyse_all(&a.files, a.lang, |f, an, _| {
        disclosure::analyze::compare::entry(f, an)
    });
    let entries: Vec<_> = a
        .files
        .iter()
        .zip(outcomes)
        .filter_map(|(file, o)| trouble.note(file, o))
        .collect();
    let c = disclosure::analyze::compare::compare_entries(entries);
    *out = match a.format {
        Format::Json => json(&c),
        Format::Csv => disclosure::analyze::compare::to_csv(&c, a.lang),
        Format::Text => table::render(&c, a.lang),
    };
    trouble.code()
}

/// `disclosure corpus`: exit 0 when the corpus agrees with its manifests, 1 when it does not
/// (the report and every disagreement are printed), 2 when a manifest cannot be read.
fn corpus(a: &Args, out: &mut String) -> ExitCode {
    let dir = std::path::Path::new(a.files.first().map_or("fixtures/corpus", String::as_str));
    if let Some(id) = &a.update {
        return match corpus::update(dir, id) {
            Ok(s) => {
                *out = s;
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("disclosure: {e}");
                ExitCode::from(2)
            }
        };
    }
    let r = match corpus::evaluate(dir, a.held_out) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("disclosure: {e}");
            return ExitCode::from(2);
        }
    };
    if a.format == Format::Json {
        *out = json(&r);
    } else {
        *out = corpus::report(&r);
        let details = corpus::details(&r);
        if !details.is_empty() {
            out.push('\n');
            out.push_str(&details);
        }
    }
    // Held-out documents have no classification yet: they are reported, not judged.
    if a.held_out || r.violations().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[derive(serde::Serialize)]
struct RuleView {
    id: &'static str,
    title_zh: &'static str,
    title_en: &'static str,
}

fn rules(format: Format, lang: Lang) -> String {
    let rules: Vec<RuleView> = disclosure::check::RULES
        .iter()
        .map(|r| RuleView {
            id: r.id,
            title_zh: r.title_zh,
            title_en: r.title_en,
        })
        .collect();
    if format == Format::Json {
        #[derive(serde::Serialize)]
        struct Rules {
            rules: Vec<RuleView>,
        }
        return json(&Rules { rules });
    }
    let w = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    rules
        .iter()
        .map(|r| {
            let title = if lang == Lang::Zh {
                r.title_zh
            } else {
                r.title_en
            };
            format!("{:w$}  {title}\n", r.id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Args, String> {
        parse_args(&s.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
    }

    #[test]
    fn command_lines() {
        let a = args("check --json a.txt - b.txt").unwrap();
        assert_eq!(a.command, Command::Check);
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.files, ["a.txt", "-", "b.txt"]);
        let a = args("compare --csv --lang en x").unwrap();
        assert_eq!((a.format, a.lang), (Format::Csv, Lang::En));
        assert_eq!(args("check -- --json").unwrap().files, ["--json"]);
        assert_eq!(args("rules --lang=en").unwrap().lang, Lang::En);
        assert_eq!(args("").unwrap().command, Command::Help);
        assert_eq!(args("check --help").unwrap().command, Command::Help);
        assert!(args("check").is_err());
        assert!(args("check --csv a").is_err());
        assert!(args("check --lang fr a").is_err());
        assert!(args("frobnicate").is_err());
        assert!(args("rules a.txt").is_err());
        assert_eq!(args("text a.pdf").unwrap().command, Command::Text);
        assert!(args("text").is_err());
        assert!(args("text a.pdf b.pdf").is_err());
    }
}
