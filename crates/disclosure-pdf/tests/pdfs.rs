//! Small PDFs made here, byte by byte (tests/common), for what the corpus lacks: fonts the PDF
//! does not embed, text drawn twice, tables with rules, rotated pages, and every kind of bad
//! input, each of which must end in a clear error or a note, never a panic or garbage.

mod common;

use common::{simple, text, Pdf, HELVETICA};
use disclosure_pdf::{extract, extract_with, Limits, Note, PdfError};

fn lines(bytes: &[u8]) -> Vec<String> {
    let x = extract(bytes).unwrap_or_else(|e| panic!("{}", e.message_en()));
    x.text.lines().map(str::to_owned).collect()
}

#[test]
fn a_standard_font_not_embedded_reads() {
    let pdf = simple(&[
        (72.0, 700.0, "Budget 2025"),
        (72.0, 680.0, "Total 1,234.50"),
    ]);
    assert_eq!(lines(&pdf), ["Budget 2025", "Total 1,234.50"]);
}

#[test]
fn lines_go_top_to_bottom_whatever_the_drawing_order() {
    let pdf = simple(&[
        (72.0, 600.0, "third"),
        (72.0, 700.0, "first"),
        (72.0, 650.0, "second"),
    ]);
    assert_eq!(lines(&pdf), ["first", "second", "third"]);
}

#[test]
fn text_on_one_baseline_is_one_line_and_a_wide_gap_is_a_cell() {
    // A label and its amount far to the right, drawn separately, and a word beside the label.
    let pdf = simple(&[
        (72.0, 700.0, "Total"),
        (110.0, 700.0, "income"),
        (400.0, 700.5, "12.00"),
    ]);
    assert_eq!(lines(&pdf), ["Total income\t12.00"]);
}

#[test]
fn pages_follow_each_other_and_know_their_first_line() {
    let mut pdf = Pdf::new();
    pdf.page(text(72.0, 700.0, "one").as_bytes(), HELVETICA);
    pdf.page(b"", HELVETICA);
    pdf.page(
        (text(72.0, 700.0, "two") + &text(72.0, 680.0, "three")).as_bytes(),
        HELVETICA,
    );
    let x = extract(&pdf.finish()).unwrap();
    assert_eq!(x.text, "one\ntwo\nthree\n");
    let first: Vec<usize> = x.pages.iter().map(|p| p.first_line).collect();
    assert_eq!(first, [1, 2, 2]);
    assert!(x.notes.is_empty());
}

/// A Type0 font in GBK-EUC-H, not embedded and without ToUnicode, as Chinese office software
/// writes: the text comes from the predefined CMap (GBK bytes to Adobe-GB1 CIDs) and the
/// Adobe-GB1-UCS2 map (CIDs to Unicode).
#[test]
fn a_gbk_euc_h_font_without_tounicode_reads_as_chinese() {
    assert_eq!(lines(&common::gbk_euc_h()), ["预算收入合计\t1,234.50 万元"]);
}

/// Bold made by filling and stroking the text (rendering mode 2: the engine draws it twice),
/// and bold made by drawing it again a fraction of a point to the right: read once.
#[test]
fn text_drawn_twice_reads_once() {
    assert_eq!(
        lines(&common::bold()),
        ["Fill and stroke", "Overprinted 42", "Overprinted 42"]
    );
}

#[test]
fn invisible_text_over_an_image_is_read() {
    // An OCR layer: text in rendering mode 3 over a scan.
    let mut pdf = Pdf::new();
    let img = pdf.stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        b"\x80",
    );
    let content =
        "q 595 0 0 842 0 0 cm /Im1 Do Q\nBT /F1 12 Tf 3 Tr 72 700 Td (Hidden layer) Tj ET\n";
    pdf.page(
        content.as_bytes(),
        &format!("{HELVETICA} /XObject << /Im1 {img} 0 R >>"),
    );
    assert_eq!(lines(&pdf.finish()), ["Hidden layer"]);
}

/// A table drawn with rules, whose label wraps over two lines and whose amounts are set
/// between them: one row, the label whole.
#[test]
fn a_ruled_table_row_reads_whole() {
    let mut content = String::new();
    // Rules: rows at 720, 690, 650; columns at 60, 120, 300, 400.
    for y in [720, 690, 650] {
        content += &format!("60 {y} m 400 {y} l S\n");
    }
    for x in [60, 120, 300, 400] {
        content += &format!("{x} 650 m {x} 720 l S\n");
    }
    content += &text(64.0, 700.0, "201");
    content += &text(124.0, 700.0, "Total");
    content += &text(304.0, 700.0, "5.00");
    content += &text(64.0, 672.0, "202");
    content += &text(124.0, 676.0, "Other general");
    content += &text(124.0, 662.0, "services");
    content += &text(304.0, 669.0, "7.00");
    let mut pdf = Pdf::new();
    pdf.page(content.as_bytes(), HELVETICA);
    assert_eq!(
        lines(&pdf.finish()),
        ["201\tTotal\t5.00", "202\tOther general services\t7.00"]
    );
}

/// Text framed by a box (no rule divides it) is not a table row: its heading and paragraphs
/// stay lines of their own.
#[test]
fn a_framed_paragraph_keeps_its_lines() {
    let mut content = String::from("60 600 m 500 600 l S 60 720 m 500 720 l S\n");
    content += "60 600 m 60 720 l S 500 600 m 500 720 l S\n";
    content += &text(64.0, 700.0, "Main duties");
    content += &text(64.0, 680.0, "First paragraph.");
    content += &text(64.0, 660.0, "Second paragraph.");
    let mut pdf = Pdf::new();
    pdf.page(content.as_bytes(), HELVETICA);
    assert_eq!(
        lines(&pdf.finish()),
        ["Main duties", "First paragraph.", "Second paragraph."]
    );
}

#[test]
fn a_rule_between_two_close_amounts_separates_them() {
    // Two amounts a few points apart, a column rule between them.
    let content = format!(
        "60 720 m 400 720 l S 60 690 m 400 690 l S 60 690 m 60 720 l S 200 690 m 200 720 l S 400 690 m 400 720 l S\n{}{}",
        text(160.0, 700.0, "1.50"),
        text(203.0, 700.0, "2.50")
    );
    let mut pdf = Pdf::new();
    pdf.page(content.as_bytes(), HELVETICA);
    assert_eq!(lines(&pdf.finish()), ["1.50\t2.50"]);
}

#[test]
fn a_rotated_page_reads_upright() {
    let mut pdf = Pdf::new();
    let content = text(72.0, 700.0, "Landscape table") + &text(72.0, 680.0, "second line");
    pdf.page_with(content.as_bytes(), HELVETICA, "/Rotate 90");
    assert_eq!(lines(&pdf.finish()), ["Landscape table", "second line"]);
}

#[test]
fn text_turned_on_the_page_reads_along_its_direction() {
    // The whole page's text turned a quarter (as a landscape table printed on a portrait
    // page: its lines run up the page, the next one to the right), and a diagonal watermark
    // left out.
    let content = "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Rotated line one) Tj ET\n\
                   BT /F1 12 Tf 0 1 -1 0 320 100 Tm (Rotated line two) Tj ET\n\
                   BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 100 100 Tm (DRAFT) Tj ET\n";
    let mut pdf = Pdf::new();
    pdf.page(content.as_bytes(), HELVETICA);
    let x = extract(&pdf.finish()).unwrap();
    assert_eq!(x.text, "Rotated line one\nRotated line two\n");
    assert_eq!(
        x.notes,
        [Note::Sideways {
            glyphs: 5,
            pages: vec![1]
        }]
    );
    assert!(x.notes[0].message_zh().contains("水印"));
}

#[test]
fn text_off_the_page_is_not_read() {
    let pdf = simple(&[
        (72.0, 700.0, "Seen"),
        (72.0, 900.0, "Hidden above"),
        (-300.0, 700.0, "Hidden left"),
    ]);
    assert_eq!(lines(&pdf), ["Seen"]);
}

// Bad input.

fn error(bytes: &[u8]) -> PdfError {
    match extract(bytes) {
        Ok(x) => panic!("read, as {:?}", x.text),
        Err(e) => e,
    }
}

#[test]
fn a_scan_without_text_is_said_to_be_an_image() {
    let e = error(&common::scanned());
    assert_eq!(e, PdfError::Scanned);
    assert_eq!(e.message_zh(), "这份 PDF 是图片，本工具不做文字识别。");
    assert!(e.message_en().contains("no OCR"), "{}", e.message_en());
}

#[test]
fn scanned_pages_among_text_pages_are_noted() {
    let mut pdf = Pdf::new();
    let img = pdf.stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        b"\x80",
    );
    pdf.page(text(72.0, 700.0, "Text page").as_bytes(), HELVETICA);
    pdf.page(
        b"q 595 0 0 842 0 0 cm /Im1 Do Q",
        &format!("/XObject << /Im1 {img} 0 R >>"),
    );
    let x = extract(&pdf.finish()).unwrap();
    assert_eq!(x.text, "Text page\n");
    assert_eq!(x.notes, [Note::ImagePages(vec![2])]);
    assert!(x.notes[0].message_zh().contains("第 2 页是图片"));
}

#[test]
fn a_pdf_without_any_text_says_so() {
    assert_eq!(error(&common::no_text()), PdfError::NoText);
}

#[test]
fn an_encrypted_pdf_is_refused_with_a_message() {
    // Standard security handler, revision 2, with a user password: the empty password does
    // not open it.
    let e = error(&common::encrypted());
    assert_eq!(e, PdfError::Encrypted);
    assert!(e.message_zh().contains("密码"));
}

#[test]
fn what_is_not_a_pdf_is_said_not_to_be_one() {
    assert_eq!(error(b"hello, world"), PdfError::NotPdf);
    assert_eq!(error(b""), PdfError::NotPdf);
    assert_eq!(error("预算收入合计 1,234.50".as_bytes()), PdfError::NotPdf);
}

#[test]
fn a_broken_pdf_is_said_to_be_broken() {
    assert_eq!(error(&common::broken()), PdfError::Broken);
    assert_eq!(error(b"%PDF-1.4"), PdfError::Broken);
}

/// Every prefix and a few corruptions of a good PDF: an error or a text, never a panic (the
/// engine recovers what it can from a damaged file; whatever it reads is checked as usual).
#[test]
fn damaged_pdfs_never_panic() {
    let good = simple(&[
        (72.0, 700.0, "Budget 2025"),
        (72.0, 680.0, "Total 1,234.50"),
    ]);
    for cut in (0..good.len()).step_by(7) {
        let _ = extract(&good[..cut]);
    }
    for at in (9..good.len()).step_by(11) {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        let _ = extract(&bad);
        let mut bad = good.clone();
        bad.drain(at..(at + 5).min(good.len()));
        let _ = extract(&bad);
    }
}

#[test]
fn a_file_over_the_limits_is_refused_before_it_is_read() {
    let mut pdf = Pdf::new();
    for i in 0..3 {
        pdf.page(
            text(72.0, 700.0, &format!("page {i}")).as_bytes(),
            HELVETICA,
        );
    }
    let pdf = pdf.finish();
    let limits = Limits::default();
    let few_pages = Limits {
        max_pages: 2,
        ..limits
    };
    assert_eq!(
        extract_with(&pdf, &few_pages),
        Err(PdfError::TooManyPages { pages: 3, max: 2 })
    );
    let few_glyphs = Limits {
        max_glyphs: 10,
        ..limits
    };
    assert_eq!(
        extract_with(&pdf, &few_glyphs),
        Err(PdfError::TooManyGlyphs { max: 10 })
    );
    let small = Limits {
        max_bytes: 100,
        ..limits
    };
    let e = extract_with(&pdf, &small).unwrap_err();
    assert!(matches!(e, PdfError::TooLarge { max: 100, .. }));
    assert!(e.message_zh().contains("上限"), "{}", e.message_zh());
    // The defaults: a 50 MB file, or 500 pages, is over them.
    assert!(limits.max_bytes < 50 * 1024 * 1024 && limits.max_pages < 500);
    assert_eq!(
        error(&common::too_many_pages()),
        PdfError::TooManyPages {
            pages: 301,
            max: 300
        }
    );
}

/// The files of fixtures/pdf are what tests/common makes (`UPDATE_PDF_FIXTURES=1` writes
/// them), and each reads as its README says.
#[test]
fn the_pdf_fixtures_are_what_the_tests_make() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let update = std::env::var_os("UPDATE_PDF_FIXTURES").is_some();
    for (name, bytes) in common::fixtures() {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, &bytes).expect("write a fixture");
        }
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        assert!(
            on_disk == bytes,
            "{name} differs from what tests/common makes"
        );
        let got = match extract(&bytes) {
            Ok(x) => x.text.lines().next().unwrap_or_default().to_owned(),
            Err(e) => e.code().to_owned(),
        };
        let want = match name {
            "scanned.pdf" => "pdf/scanned",
            "encrypted.pdf" => "pdf/encrypted",
            "broken.pdf" => "pdf/broken",
            "no-text.pdf" => "pdf/no-text",
            "garbled.pdf" => "pdf/garbled",
            "too-many-pages.pdf" => "pdf/too-many-pages",
            "gbk-euc-h.pdf" => "预算收入合计\t1,234.50 万元",
            "bold.pdf" => "Fill and stroke",
            _ => panic!("{name}: not described"),
        };
        assert_eq!(got, want, "{name}");
    }
}

/// A font whose glyphs have no Unicode at all (Identity-H, no ToUnicode, no character
/// collection to fall back on): the text would be garbage, so it is refused.
#[test]
fn text_without_unicode_is_refused_as_garbled() {
    let e = error(&common::garbled());
    assert!(
        matches!(
            e,
            PdfError::Garbled {
                garbled: 4,
                total: 4,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.message_zh().contains("乱码"));
}

/// A ToUnicode map for a simple font: code 0x41 ('A') onwards to `targets`.
fn to_unicode(pdf: &mut Pdf, targets: &[&str]) -> usize {
    let mut map = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Test def 1 begincodespacerange <00> <FF> endcodespacerange\n",
    );
    map += &format!("{} beginbfchar\n", targets.len());
    for (i, t) in targets.iter().enumerate() {
        let hex: String = t.encode_utf16().map(|u| format!("{u:04X}")).collect();
        map += &format!("<{:02X}> <{hex}>\n", 0x41 + i);
    }
    map += "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    pdf.stream("", map.as_bytes())
}

fn with_to_unicode(targets: &[&str], content: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let tu = to_unicode(&mut pdf, targets);
    pdf.page(
        content.as_bytes(),
        &format!("/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {tu} 0 R >> >>"),
    );
    pdf.finish()
}

#[test]
fn a_private_use_bullet_away_from_numbers_is_noted_not_refused() {
    // "A" is a bullet in the private-use area (as symbol fonts map them), "B".. are letters.
    let letters: Vec<String> = "Budget".chars().map(String::from).collect();
    let mut targets = vec!["\u{f06c}"];
    targets.extend(letters.iter().map(String::as_str));
    // One bullet among more than a hundred letters.
    let mut content = String::from("BT /F1 12 Tf 72 700 Td (A) Tj 20 0 Td (BCDEFG) Tj ET\n");
    for i in 0..5 {
        content += &format!(
            "BT /F1 12 Tf 72 {} Td (BCDEFGBCDEFGBCDEFGBCDEFG) Tj ET\n",
            680 - 20 * i
        );
    }
    let x = extract(&with_to_unicode(&targets, &content)).unwrap();
    assert!(x.text.starts_with("\u{fffd} Budget\n"), "{:?}", x.text);
    assert_eq!(
        x.notes,
        [Note::Unreadable {
            glyphs: 1,
            pages: vec![1]
        }]
    );
}

#[test]
fn an_unreadable_character_inside_a_number_is_refused() {
    // "1,2?4.00": a digit that could not be read would make another number.
    let targets = ["1", ",", "2", "\u{e000}", "4", ".", "0"];
    let letters = "BT /F1 12 Tf 72 700 Td (ABCDEFGG) Tj ET\n";
    let mut content = String::from(letters);
    // Enough other text that the share of garbled characters is small.
    for i in 0..40 {
        content += &format!("BT /F1 12 Tf 72 {} Td (AAAAAAAAAA) Tj ET\n", 680 - i * 14);
    }
    let e = error(&with_to_unicode(&targets, &content));
    let PdfError::Garbled { sample, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(sample, "1,2\u{fffd}4.00");
}

#[test]
fn mojibake_is_refused_as_garbled() {
    // GBK bytes read as Latin-1: "Ô¤ËãÊÕÈë" for 预算收入.
    let targets = ["Ô", "¤", "Ë", "ã", "Ê", "Õ", "È", "ë"];
    let e = error(&with_to_unicode(
        &targets,
        "BT /F1 12 Tf 72 700 Td (ABCDEFGH) Tj ET",
    ));
    assert!(matches!(e, PdfError::Garbled { .. }), "{e:?}");
}

/// A page dense with drawing (a chart of 20 000 short segments, more than a page keeps) and a
/// thousand words: read in well under a second (the rules are searched by position).
#[test]
fn a_page_dense_with_rules_reads_quickly() {
    let mut content = String::new();
    for i in 0..10_000 {
        let (x, y) = (50.0 + (i % 100) as f64 * 5.0, 50.0 + (i / 100) as f64 * 7.0);
        content += &format!("{x} {y} m {} {y} l {x} {y} m {x} {} l\n", x + 2.0, y + 3.0);
    }
    content += "S\n";
    for i in 0..1000 {
        let (x, y) = (50.0 + (i % 10) as f64 * 50.0, 60.0 + (i / 10) as f64 * 7.0);
        content += &text(x, y, "w1");
    }
    let mut pdf = Pdf::new();
    pdf.page(content.as_bytes(), HELVETICA);
    let pdf = pdf.finish();
    let t0 = std::time::Instant::now();
    let x = extract(&pdf).unwrap();
    assert_eq!(x.text.lines().count(), 100);
    assert!(t0.elapsed().as_secs_f64() < 2.0, "{:?}", t0.elapsed());
}

/// A real document's PDF (a corpus PDF, not the held-out one's), truncated and with bytes
/// changed all over it: an error or a text, never a panic; what a damaged file yields is
/// mostly the PDF's own lines (and is checked like any text).
#[test]
fn a_damaged_real_pdf_never_panics() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/corpus/zhengfu-bangongshi-unit-2025/document.pdf");
    let good = std::fs::read(&path).expect("the corpus PDF");
    let whole = extract(&good).expect("the PDF reads").text;
    let n = good.len();
    let mut outcomes = (0, 0);
    for k in 1..16 {
        let cut = n * k / 16;
        match extract(&good[..cut]) {
            Ok(_) => outcomes.0 += 1,
            Err(_) => outcomes.1 += 1,
        }
    }
    // A simple generator (no dependency): bytes changed at spread-out places.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..24 {
        let mut bad = good.clone();
        for _ in 0..8 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = (state >> 33) as usize % n;
            bad[at] = (state >> 17) as u8;
        }
        match extract(&bad) {
            Ok(x) => {
                outcomes.0 += 1;
                // Whatever reads is text the PDF holds: its lines are lines of the whole.
                let kept = x.text.lines().filter(|l| whole.contains(l)).count();
                assert!(kept * 2 >= x.text.lines().count(), "mostly other text");
            }
            Err(_) => outcomes.1 += 1,
        }
    }
    assert_eq!(outcomes.0 + outcomes.1, 15 + 24);
}
