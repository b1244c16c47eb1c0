//! The reviewed corpus: real documents in the copies people paste, each with a hand review
//! (`review.toml`: metadata, totals, tables and every real problem, written before looking at
//! the checker) and a classification of every error and warning the checker reports on each
//! copy (`findings.toml`: real, with the problem it is, or false, with its cause).
//!
//! [`evaluate`] runs the checker over every copy and sets what it reports against the two
//! files: a finding nobody classified, a classified finding that is gone, a real problem neither
//! reported nor listed as a known miss, and a known miss that is now reported are
//! [`Violation`]s. The corpus test fails on any; `disclosure corpus` prints the [`report`].
//!
//! Identity across copies is by rule, severity, values and tables: line numbers and wording
//! differ from copy to copy and are not compared.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use disclosure::analyze::Figure;
use disclosure::check::{Finding, Severity};
use disclosure::{Analysis, Decimal};
use serde::{Deserialize, Serialize};

/// `corpus.toml`: the documents of the corpus.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// Every document, in report order.
    pub document: Vec<DocumentEntry>,
}

/// One document of `corpus.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    /// Its folder under the corpus directory; also the id in its review.
    pub id: String,
    /// Where the document and its copies came from.
    pub source: String,
    /// The copies, by the tool that made them; each is `<id>/<copy>.txt` unless `files` says,
    /// and the copy [`PDF_COPY`] is the PDF itself, `<id>/document.pdf`, read by the PDF reader.
    pub copies: Vec<String>,
    /// Paths of copies kept elsewhere, relative to the corpus directory.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    /// Set aside: reviewed, but neither checked nor reported until it is let in.
    #[serde(default)]
    pub held_out: bool,
}

/// `review.toml`: the hand review of one document.
#[derive(Debug, Deserialize)]
pub struct Review {
    /// What the document is.
    pub document: ReviewedDocument,
    /// Its headline totals as printed.
    #[serde(default)]
    pub totals: BTreeMap<String, PrintedAmount>,
    /// Its tables.
    #[serde(default)]
    pub tables: Vec<ReviewedTable>,
    /// Every real problem the reviewer could prove from the text.
    #[serde(default)]
    pub problems: Vec<Problem>,
}

/// The review's metadata.
#[derive(Debug, Deserialize)]
pub struct ReviewedDocument {
    /// The folder name.
    pub id: String,
    /// The body the budget or accounts belong to.
    pub department: String,
    /// The budget or accounts year.
    pub year: u16,
    /// "budget" or "final".
    pub kind: String,
    /// "department" or "unit".
    pub scope: String,
    /// "shanghai" or "xinjiang".
    pub family: String,
    /// The unit most tables are printed in.
    pub unit: String,
    /// The copy the review's line numbers refer to.
    pub reference_copy: String,
}

/// An amount as printed, with its unit and line.
#[derive(Debug, Deserialize)]
pub struct PrintedAmount {
    /// Digits as printed, without separators.
    pub value: Decimal,
    /// "元" or "万元".
    pub unit: String,
    /// The line in the reference copy.
    pub line: u32,
}

impl PrintedAmount {
    /// The amount in 万元, exactly.
    pub fn wan(&self) -> Option<Decimal> {
        match self.unit.as_str() {
            "万元" => Some(self.value),
            "元" => Some(self.value / Decimal::from(10_000)),
            _ => None,
        }
    }
}

/// A table of the review.
#[derive(Debug, Deserialize)]
pub struct ReviewedTable {
    /// Its printed number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// The unit of its own header.
    pub unit: String,
}

/// A real problem of the document.
#[derive(Debug, Deserialize)]
pub struct Problem {
    /// `<document>/<n>`.
    pub id: String,
    /// Its lines in the reference copy.
    pub lines: Vec<u32>,
    /// Why it is a problem, with the arithmetic.
    pub reason: String,
}

/// `findings.toml`: every error and warning the checker reports on the document's copies,
/// classified by hand, and the real problems it does not report.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// Classified findings.
    #[serde(default)]
    pub finding: Vec<Classified>,
    /// Real problems not reported, by copy.
    #[serde(default)]
    pub miss: Vec<Miss>,
}

/// One classified finding: every finding with its key, on the copies listed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Classified {
    /// The rule id.
    pub rule: String,
    /// "error" or "warning".
    pub severity: String,
    /// The value the rest of the document implies, if the finding has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Decimal>,
    /// The value printed, if the finding has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
    /// The tables the finding involves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<u8>,
    /// The copies that report it.
    pub copies: Vec<String>,
    /// "real", "false", or "unreviewed" (an entry [`update`] added; fails the test).
    pub verdict: String,
    /// For a real finding: the id of the review's problem it reports, or a list of them when
    /// one key stands for several printings (a paragraph printed twice gives two findings with
    /// the same values).
    #[serde(default, skip_serializing_if = "Problems::is_none")]
    pub problem: Problems,
    /// For a false finding: what the reader got wrong (one of [`CAUSES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// Why, in a line.
    #[serde(default)]
    pub reason: String,
    /// The finding's message on one copy, for the person reading the file (not compared).
    #[serde(default)]
    pub message: String,
}

/// The problems a real finding reports: none, one id, or a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Problems {
    /// Not given (a false or unreviewed finding).
    #[default]
    None,
    /// One problem.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl Problems {
    fn is_none(&self) -> bool {
        matches!(self, Problems::None)
    }

    /// The ids.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Problems::None => Vec::new(),
            Problems::One(p) => vec![p.as_str()],
            Problems::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A real problem the checker does not report on some copies.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Miss {
    /// The review's problem id.
    pub problem: String,
    /// The copies on which it is not reported.
    pub copies: Vec<String>,
    /// Why the checker misses it.
    pub reason: String,
}

/// What a false finding's reader got wrong.
pub const CAUSES: &[&str] = &[
    // A table's rows or columns were misread (cells shifted, rows merged or lost).
    "table-misread",
    // The narrative's sentence was misread (wrong subject, amount or item).
    "narrative-misread",
    // Amounts compared across units, or a table's unit read wrongly.
    "unit",
    // The rule's premise does not hold for this document.
    "rule-premise",
    // A difference rounding explains, reported as an error or warning.
    "rounding",
    // Department, year, kind or the tables present were misread.
    "metadata",
    // Something else (say what in the reason).
    "other",
];

/// The key a finding is identified by across copies.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    rule: String,
    severity: String,
    expected: Option<Decimal>,
    actual: Option<Decimal>,
    tables: Vec<u8>,
}

impl Key {
    fn of(f: &Finding) -> Key {
        Key {
            rule: f.rule.clone(),
            severity: f.severity.slug().to_owned(),
            expected: f.expected.map(|d| d.normalize()),
            actual: f.actual.map(|d| d.normalize()),
            tables: f.tables.clone(),
        }
    }

    fn of_entry(c: &Classified) -> Key {
        Key {
            rule: c.rule.clone(),
            severity: c.severity.clone(),
            expected: c.expected.map(|d| d.normalize()),
            actual: c.actual.map(|d| d.normalize()),
            tables: c.tables.clone(),
        }
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.rule, self.severity)?;
        if let Some(e) = self.expected {
            write!(f, " expected {e}")?;
        }
        if let Some(a) = self.actual {
            write!(f, " actual {a}")?;
        }
        if !self.tables.is_empty() {
            write!(f, " tables {:?}", self.tables)?;
        }
        Ok(())
    }
}

/// Something the corpus test fails on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Violation {
    /// An error or warning no entry of `findings.toml` lists for this copy.
    Unclassified {
        /// The finding's key.
        key: String,
        /// Its lines on this copy.
        lines: Vec<u32>,
        /// Its message.
        message: String,
    },
    /// An entry lists this copy, and the copy no longer reports it.
    Gone {
        /// The entry's key.
        key: String,
    },
    /// An entry still marked "unreviewed".
    Unreviewed {
        /// The entry's key.
        key: String,
    },
    /// A real problem neither reported on this copy nor listed as missed there.
    Missed {
        /// The problem.
        problem: String,
    },
    /// A problem listed as missed on this copy is now reported: shorten the list.
    NowFound {
        /// The problem.
        problem: String,
    },
    /// The manifests contradict themselves (an unknown problem id, cause or copy).
    Manifest {
        /// What is wrong.
        what: String,
    },
}

/// One copy of one document, evaluated.
#[derive(Debug, Clone, Serialize)]
pub struct CopyResult {
    /// The document.
    pub document: String,
    /// The copy.
    pub copy: String,
    /// Department, year, kind and unit as read, each right or not.
    pub meta: Vec<(String, bool)>,
    /// The review's totals this copy reads right.
    pub totals_right: usize,
    /// The review's totals.
    pub totals_known: usize,
    /// Totals read wrong or not at all: (name, the review's value in 万元, what was read).
    pub totals_wrong: Vec<(String, String, String)>,
    /// Errors classified real and false.
    pub errors_real: usize,
    /// See `errors_real`.
    pub errors_false: usize,
    /// Warnings classified real and false.
    pub warnings_real: usize,
    /// See `warnings_real`.
    pub warnings_false: usize,
    /// The review's problems this copy reports.
    pub problems_found: usize,
    /// The review's problems.
    pub problems_known: usize,
    /// What the test fails on.
    pub violations: Vec<Violation>,
}

/// The whole corpus, evaluated.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusResult {
    /// Every copy of every document checked.
    pub copies: Vec<CopyResult>,
}

impl CorpusResult {
    /// Every violation, with its document and copy.
    pub fn violations(&self) -> Vec<(String, String, Violation)> {
        self.copies
            .iter()
            .flat_map(|c| {
                c.violations
                    .iter()
                    .map(|v| (c.document.clone(), c.copy.clone(), v.clone()))
            })
            .collect()
    }
}

/// Reads a TOML file of the corpus.
fn load<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The copy that is the document's PDF itself, as the PDF reader (crates/disclosure-pdf, the
/// page's and the CLI's) rebuilds its text.
pub const PDF_COPY: &str = "pdf";

/// A copy's path.
pub fn copy_path(dir: &Path, d: &DocumentEntry, copy: &str) -> PathBuf {
    match d.files.get(copy) {
        Some(p) => dir.join(p),
        None if copy == PDF_COPY => dir.join(&d.id).join("document.pdf"),
        None => dir.join(&d.id).join(format!("{copy}.txt")),
    }
}

/// A copy's text: the file as it is, or for [`PDF_COPY`] the text the PDF reader rebuilds.
pub fn read_copy(dir: &Path, d: &DocumentEntry, copy: &str) -> Result<String, String> {
    let path = copy_path(dir, d, copy);
    if copy == PDF_COPY {
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        return disclosure_pdf::extract(&bytes)
            .map(|x| x.text)
            .map_err(|e| format!("{}: {}", path.display(), e.message_en()));
    }
    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Reads `corpus.toml` of `dir`.
pub fn load_corpus(dir: &Path) -> Result<Corpus, String> {
    load(&dir.join("corpus.toml"))
}

/// Reads a document's review and classification (an absent `findings.toml` is an empty one).
pub fn load_document(dir: &Path, d: &DocumentEntry) -> Result<(Review, Classification), String> {
    let review: Review = load(&dir.join(&d.id).join("review.toml"))?;
    let path = dir.join(&d.id).join("findings.toml");
    let classification = if path.exists() {
        load(&path)?
    } else {
        Classification::default()
    };
    Ok((review, classification))
}

fn counted(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
}

fn figure_wan(f: &Option<Figure>) -> Option<Decimal> {
    f.as_ref().map(|f| f.wan)
}

/// The summary's figure for a review's total.
fn summary_total(a: &Analysis, name: &str) -> Option<Option<Decimal>> {
    let s = &a.summary;
    Some(figure_wan(match name {
        "income_total" => &s.income_total,
        "expense_total" => &s.expense_total,
        "basic" => &s.basic,
        "project" => &s.project,
        "personnel" => &s.personnel,
        "public" => &s.public,
        "three_public" => &s.three_public,
        "carryover" => &s.carryover,
        _ => return None,
    }))
}

/// Sets one copy's analysis against its document's review and classification.
pub fn evaluate_copy(
    document: &str,
    copy: &str,
    a: &Analysis,
    review: &Review,
    cls: &Classification,
) -> CopyResult {
    let meta = &a.document.meta;
    let r = &review.document;
    let meta_checks = vec![
        (
            "department".to_owned(),
            meta.department.as_ref().map(|d| d.value.as_str()) == Some(r.department.as_str()),
        ),
        (
            "year".to_owned(),
            meta.year.as_ref().map(|y| y.value) == Some(r.year),
        ),
        ("kind".to_owned(), meta.kind.slug() == r.kind),
        ("unit".to_owned(), meta.unit.label() == r.unit),
    ];
    let mut violations = Vec::new();
    let mut totals_right = 0;
    let mut totals_wrong = Vec::new();
    for (name, printed) in &review.totals {
        match (summary_total(a, name), printed.wan()) {
            (Some(read), Some(want)) => {
                if read.map(|d| d.normalize()) == Some(want.normalize()) {
                    totals_right += 1;
                } else {
                    totals_wrong.push((
                        name.clone(),
                        want.normalize().to_string(),
                        read.map_or_else(|| "—".to_owned(), |d| d.normalize().to_string()),
                    ));
                }
            }
            _ => violations.push(Violation::Manifest {
                what: format!("review total '{name}' unknown or in an unknown unit"),
            }),
        }
    }

    let problems: BTreeSet<&str> = review.problems.iter().map(|p| p.id.as_str()).collect();
    for c in &cls.finding {
        let bad = match c.verdict.as_str() {
            "real" => {
                let ids = c.problem.ids();
                match ids.iter().find(|p| !problems.contains(**p)) {
                    Some(p) => Some(format!("{}: unknown problem '{p}'", Key::of_entry(c))),
                    None if ids.is_empty() => {
                        Some(format!("{}: real, but names no problem", Key::of_entry(c)))
                    }
                    None => None,
                }
            }
            "false" => match &c.cause {
                Some(cause) if CAUSES.contains(&cause.as_str()) => None,
                other => Some(format!(
                    "{}: cause {other:?} is not one of {CAUSES:?}",
                    Key::of_entry(c)
                )),
            },
            "unreviewed" => None,
            v => Some(format!("{}: verdict '{v}'", Key::of_entry(c))),
        };
        let bad = bad.or_else(|| {
            (c.verdict != "unreviewed" && c.reason.trim().is_empty())
                .then(|| format!("{}: no reason given", Key::of_entry(c)))
        });
        if let Some(what) = bad {
            violations.push(Violation::Manifest { what });
        }
    }
    for m in &cls.miss {
        if !problems.contains(m.problem.as_str()) {
            violations.push(Violation::Manifest {
                what: format!("miss of unknown problem '{}'", m.problem),
            });
        } else if m.reason.trim().is_empty() && m.copies.iter().any(|x| x == copy) {
            violations.push(Violation::Manifest {
                what: format!("miss of '{}' gives no reason", m.problem),
            });
        }
    }

    let entries: Vec<&Classified> = cls
        .finding
        .iter()
        .filter(|c| c.copies.iter().any(|x| x == copy))
        .collect();
    let by_key: BTreeMap<Key, &Classified> =
        entries.iter().map(|c| (Key::of_entry(c), *c)).collect();
    let mut seen: BTreeSet<Key> = BTreeSet::new();
    let (mut errors_real, mut errors_false, mut warnings_real, mut warnings_false) = (0, 0, 0, 0);
    let mut found: BTreeSet<&str> = BTreeSet::new();
    for f in a.findings.iter().filter(|f| counted(f)) {
        let key = Key::of(f);
        match by_key.get(&key) {
            Some(c) => {
                let real = c.verdict == "real";
                match (f.severity, real) {
                    (Severity::Error, true) => errors_real += 1,
                    (Severity::Error, false) => errors_false += 1,
                    (_, true) => warnings_real += 1,
                    (_, false) => warnings_false += 1,
                }
                if real {
                    found.extend(c.problem.ids());
                }
                seen.insert(key);
            }
            None => violations.push(Violation::Unclassified {
                key: key.to_string(),
                lines: f.lines.clone(),
                message: f.message_zh.clone(),
            }),
        }
    }
    for (key, c) in &by_key {
        if !seen.contains(key) {
            violations.push(Violation::Gone {
                key: key.to_string(),
            });
        } else if c.verdict == "unreviewed" {
            violations.push(Violation::Unreviewed {
                key: key.to_string(),
            });
        }
    }
    for p in &review.problems {
        let missed_here = cls
            .miss
            .iter()
            .any(|m| m.problem == p.id && m.copies.iter().any(|x| x == copy));
        match (found.contains(p.id.as_str()), missed_here) {
            (true, true) => violations.push(Violation::NowFound {
                problem: p.id.clone(),
            }),
            (false, false) => violations.push(Violation::Missed {
                problem: p.id.clone(),
            }),
            _ => {}
        }
    }
    CopyResult {
        document: document.to_owned(),
        copy: copy.to_owned(),
        meta: meta_checks,
        totals_right,
        totals_known: review.totals.len(),
        totals_wrong,
        errors_real,
        errors_false,
        warnings_real,
        warnings_false,
        problems_found: found.len(),
        problems_known: review.problems.len(),
        violations,
    }
}

/// Evaluates every document of the corpus in `dir` (the held-out ones only when asked).
pub fn evaluate(dir: &Path, held_out: bool) -> Result<CorpusResult, String> {
    let corpus = load_corpus(dir)?;
    let mut copies = Vec::new();
    for d in corpus.document.iter().filter(|d| d.held_out == held_out) {
        let (review, cls) = load_document(dir, d)?;
        if review.document.id != d.id {
            return Err(format!(
                "{}: review.toml names '{}'",
                d.id, review.document.id
            ));
        }
        for c in cls
            .finding
            .iter()
            .flat_map(|c| &c.copies)
            .chain(cls.miss.iter().flat_map(|m| &m.copies))
        {
            if !d.copies.contains(c) {
                return Err(format!("{}/findings.toml: unknown copy '{c}'", d.id));
            }
        }
        for copy in &d.copies {
            let text = read_copy(dir, d, copy)?;
            let a = disclosure::analyze(&text);
            copies.push(evaluate_copy(&d.id, copy, &a, &review, &cls));
        }
    }
    Ok(CorpusResult { copies })
}

/// A document's `findings.toml` brought up to date with what the checker reports now: each entry
/// lists the copies that report it now (an entry none reports is dropped), every error or
/// warning no entry lists is added as "unreviewed", each miss keeps only the copies on which its
/// problem is still not reported, and a problem newly not reported on a copy gets a miss entry
/// with an empty reason (which the test refuses until one is written).
pub fn update(dir: &Path, id: &str) -> Result<String, String> {
    let corpus = load_corpus(dir)?;
    let d = corpus
        .document
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| format!("no document '{id}' in corpus.toml"))?;
    let (review, mut cls) = load_document(dir, d)?;
    let mut reported: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    let mut fresh: BTreeMap<Key, Classified> = BTreeMap::new();
    for copy in &d.copies {
        let text = read_copy(dir, d, copy)?;
        let a = disclosure::analyze(&text);
        for f in a.findings.iter().filter(|f| counted(f)) {
            let key = Key::of(f);
            let copies = reported.entry(key.clone()).or_default();
            if !copies.contains(copy) {
                copies.push(copy.clone());
            }
            if cls.finding.iter().any(|c| Key::of_entry(c) == key) {
                continue;
            }
            let e = fresh.entry(key).or_insert_with(|| Classified {
                rule: f.rule.clone(),
                severity: f.severity.slug().to_owned(),
                expected: f.expected,
                actual: f.actual,
                tables: f.tables.clone(),
                copies: Vec::new(),
                verdict: "unreviewed".to_owned(),
                problem: Problems::None,
                cause: None,
                reason: String::new(),
                message: format!("{} (line {:?} of {copy})", f.message_zh, f.lines),
            });
            if !e.copies.contains(copy) {
                e.copies.push(copy.clone());
            }
        }
    }
    // A finding is the same finding on every copy that reports it (identity is by key): its
    // classification follows it to a copy that reports it now, and leaves one that no longer does.
    for c in &mut cls.finding {
        c.copies = reported.get(&Key::of_entry(c)).cloned().unwrap_or_default();
    }
    cls.finding.retain(|c| !c.copies.is_empty());
    cls.finding.extend(fresh.into_values());
    // Which problems each copy reports, by the classified real entries.
    let found = |problem: &str, copy: &String| {
        cls.finding.iter().any(|c| {
            c.verdict == "real" && c.problem.ids().contains(&problem) && c.copies.contains(copy)
        })
    };
    let mut misses = Vec::new();
    for m in &cls.miss {
        let mut m = m.clone();
        m.copies.retain(|x| !found(&m.problem, x));
        if !m.copies.is_empty() {
            misses.push(m);
        }
    }
    for p in &review.problems {
        let new: Vec<String> = d
            .copies
            .iter()
            .filter(|x| !found(&p.id, x))
            .filter(|x| {
                !misses
                    .iter()
                    .any(|m: &Miss| m.problem == p.id && m.copies.contains(x))
            })
            .cloned()
            .collect();
        if !new.is_empty() {
            misses.push(Miss {
                problem: p.id.clone(),
                copies: new,
                reason: String::new(),
            });
        }
    }
    cls.miss = misses;
    toml::to_string(&cls).map_err(|e| e.to_string())
}

fn ratio(a: usize, b: usize) -> String {
    format!("{a}/{b}")
}

/// "right/known", and how many were read as a wrong value (not merely left unread).
fn totals_cell(right: usize, known: usize, wrong: usize) -> String {
    match wrong {
        0 => ratio(right, known),
        w => format!("{right}/{known}, {w} wrong"),
    }
}

impl CopyResult {
    /// The review's totals this copy reads as a different value (not those it leaves unread).
    pub fn misread_totals(&self) -> usize {
        self.totals_wrong
            .iter()
            .filter(|(_, _, got)| got != "—")
            .count()
    }
}

/// The corpus report: a row per document and copy, and the totals.
pub fn report(r: &CorpusResult) -> String {
    let header = [
        "document",
        "copy",
        "meta",
        "totals right/known",
        "errors real/false",
        "warnings real/false",
        "problems found/known",
        "violations",
    ];
    let mut rows: Vec<[String; 8]> = Vec::new();
    let mut sum = [0usize; 10];
    for c in &r.copies {
        let meta_ok = c.meta.iter().filter(|(_, ok)| *ok).count();
        rows.push([
            c.document.clone(),
            c.copy.clone(),
            ratio(meta_ok, c.meta.len()),
            totals_cell(c.totals_right, c.totals_known, c.misread_totals()),
            ratio(c.errors_real, c.errors_false),
            ratio(c.warnings_real, c.warnings_false),
            ratio(c.problems_found, c.problems_known),
            c.violations.len().to_string(),
        ]);
        for (s, v) in sum.iter_mut().zip([
            meta_ok,
            c.meta.len(),
            c.totals_right,
            c.totals_known,
            c.errors_real,
            c.errors_false,
            c.warnings_real,
            c.warnings_false,
            c.problems_found,
            c.problems_known,
        ]) {
            *s += v;
        }
    }
    let violations: usize = r.copies.iter().map(|c| c.violations.len()).sum();
    rows.push([
        "total".to_owned(),
        format!("{} copies", r.copies.len()),
        ratio(sum[0], sum[1]),
        totals_cell(
            sum[2],
            sum[3],
            r.copies.iter().map(CopyResult::misread_totals).sum(),
        ),
        ratio(sum[4], sum[5]),
        ratio(sum[6], sum[7]),
        ratio(sum[8], sum[9]),
        violations.to_string(),
    ]);
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| crate::table::width(&r[i]))
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let line = |out: &mut String, cells: &[&str]| {
        out.push('|');
        for (cell, w) in cells.iter().zip(&widths) {
            let pad = w - crate::table::width(cell);
            let _ = write!(out, " {cell}{} |", " ".repeat(pad));
        }
        out.push('\n');
    };
    line(&mut out, &header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(
        &mut out,
        &rule.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for r in &rows {
        line(&mut out, &r.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

/// Every violation and misread total, one per line, for the test's failure message.
pub fn details(r: &CorpusResult) -> String {
    let mut out = String::new();
    for c in &r.copies {
        for (name, want, got) in &c.totals_wrong {
            let _ = writeln!(
                out,
                "{}/{}: total {name}: review {want} 万元, read {got}",
                c.document, c.copy
            );
        }
        for v in &c.violations {
            let _ = writeln!(out, "{}/{}: {}", c.document, c.copy, describe(v));
        }
    }
    out
}

fn describe(v: &Violation) -> String {
    match v {
        Violation::Unclassified {
            key,
            lines,
            message,
        } => {
            format!("not in findings.toml: {key} (lines {lines:?}) {message}")
        }
        Violation::Gone { key } => format!("listed but no longer reported: {key}"),
        Violation::Unreviewed { key } => format!("still unreviewed: {key}"),
        Violation::Missed { problem } => {
            format!("real problem {problem} neither reported nor listed as a known miss")
        }
        Violation::NowFound { problem } => {
            format!("problem {problem} is listed as missed but is now reported")
        }
        Violation::Manifest { what } => format!("manifest: {what}"),
    }
}
