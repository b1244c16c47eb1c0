//! A minimal PDF writer for the tests: objects written as given, an xref table, a trailer.
//! Enough to make the small PDFs the corpus lacks (a scan, an encrypted file, a font without
//! ToUnicode, fill-and-stroke text), byte by byte, with nothing hidden.
#![allow(dead_code)]

/// A PDF under construction. Object 1 is the catalog and object 2 the page tree; pages are
/// added with [`Pdf::page`].
pub struct Pdf {
    objects: Vec<Vec<u8>>,
    pub pages: Vec<usize>,
    /// Extra entries for the trailer dictionary.
    pub trailer: String,
}

impl Default for Pdf {
    fn default() -> Self {
        Self::new()
    }
}

impl Pdf {
    pub fn new() -> Self {
        Pdf {
            // Placeholders for the catalog and the page tree, written by `finish`.
            objects: vec![Vec::new(), Vec::new()],
            pages: Vec::new(),
            trailer: String::new(),
        }
    }

    /// How many objects there are (the number of the last one added).
    pub fn count(&self) -> usize {
        self.objects.len()
    }

    /// Adds an object; returns its number.
    pub fn add(&mut self, body: impl AsRef<[u8]>) -> usize {
        self.objects.push(body.as_ref().to_vec());
        self.objects.len()
    }

    /// Adds a stream object with the given dictionary entries (without /Length).
    pub fn stream(&mut self, dict: &str, data: &[u8]) -> usize {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.add(body)
    }

    /// Adds an A4 page with this content and these resources (a dictionary's inside);
    /// `extra` goes into the page dictionary (/Rotate 90).
    pub fn page_with(&mut self, content: &[u8], resources: &str, extra: &str) -> usize {
        let c = self.stream("", content);
        let n = self.add(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {c} 0 R /Resources << {resources} >> {extra} >>"
        ));
        self.pages.push(n);
        n
    }

    pub fn page(&mut self, content: &[u8], resources: &str) -> usize {
        self.page_with(content, resources, "")
    }

    /// The file's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>".to_vec();
        let kids: Vec<String> = self.pages.iter().map(|p| format!("{p} 0 R")).collect();
        self.objects[1] = format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            self.pages.len()
        )
        .into_bytes();
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n", self.objects.len() + 1).as_bytes());
        out.extend_from_slice(b"0000000000 65535 f \n");
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R {} >>\nstartxref\n{xref}\n%%EOF\n",
                self.objects.len() + 1,
                self.trailer
            )
            .as_bytes(),
        );
        out
    }
}

/// A Helvetica font resource (not embedded: one of the standard 14).
pub const HELVETICA: &str =
    "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>";

/// Text at (x, y) in points from the page's bottom left, in Helvetica 12.
pub fn text(x: f64, y: f64, s: &str) -> String {
    format!("BT /F1 12 Tf {x} {y} Td ({s}) Tj ET\n")
}

/// A PDF with one page of Helvetica text.
pub fn simple(lines: &[(f64, f64, &str)]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let content: String = lines.iter().map(|(x, y, s)| text(*x, *y, s)).collect();
    pdf.page(content.as_bytes(), HELVETICA);
    pdf.finish()
}

/// The bytes of `s` in GBK (the few characters the tests use, and ASCII).
pub fn gbk(s: &str) -> Vec<u8> {
    let table: &[(char, [u8; 2])] = &[
        ('预', [0xd4, 0xa4]),
        ('算', [0xcb, 0xe3]),
        ('收', [0xca, 0xd5]),
        ('入', [0xc8, 0xeb]),
        ('合', [0xba, 0xcf]),
        ('计', [0xbc, 0xc6]),
        ('支', [0xd6, 0xa7]),
        ('出', [0xb3, 0xf6]),
        ('万', [0xcd, 0xf2]),
        ('元', [0xd4, 0xaa]),
    ];
    let mut out = Vec::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            let (_, b) = table
                .iter()
                .find(|(k, _)| *k == c)
                .expect("a character in the table");
            out.extend_from_slice(b);
        }
    }
    out
}

/// A PDF string literal's inside for these bytes: every byte as an octal escape.
pub fn octal(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:03o}")).collect()
}

/// A one-pixel-high gray image object (`w` × 1), for pages that are pictures.
pub fn image(pdf: &mut Pdf, w: usize) -> usize {
    let data: Vec<u8> = (0..w).map(|i| (i * 37 % 256) as u8).collect();
    pdf.stream(
        &format!(
            "/Type /XObject /Subtype /Image /Width {w} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
        ),
        &data,
    )
}

/// The small PDFs the corpus lacks, by name: the files of fixtures/pdf (see its README).
pub fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("scanned.pdf", scanned()),
        ("encrypted.pdf", encrypted()),
        ("broken.pdf", broken()),
        ("no-text.pdf", no_text()),
        ("garbled.pdf", garbled()),
        ("too-many-pages.pdf", too_many_pages()),
        ("gbk-euc-h.pdf", gbk_euc_h()),
        ("bold.pdf", bold()),
    ]
}

/// Two pages, each an image covering it, no text: a scan.
pub fn scanned() -> Vec<u8> {
    let mut pdf = Pdf::new();
    let img = image(&mut pdf, 16);
    for _ in 0..2 {
        pdf.page(
            b"q 595 0 0 842 0 0 cm /Im1 Do Q",
            &format!("/XObject << /Im1 {img} 0 R >>"),
        );
    }
    pdf.finish()
}

/// Encrypted with a user password (standard security handler, revision 2): the empty
/// password does not open it.
pub fn encrypted() -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.page(text(72.0, 700.0, "secret").as_bytes(), HELVETICA);
    let enc = pdf.add(format!(
        "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -44 >>",
        "11".repeat(32),
        "22".repeat(32)
    ));
    pdf.trailer = format!("/Encrypt {enc} 0 R /ID [<{0}> <{0}>]", "ab".repeat(16));
    pdf.finish()
}

/// A PDF header and nothing readable after it.
pub fn broken() -> Vec<u8> {
    b"%PDF-1.7\nthis is not a PDF body\n%%EOF\n".to_vec()
}

/// A page with a drawing and no text.
pub fn no_text() -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.page(b"72 72 m 500 700 l S", "");
    pdf.finish()
}

/// Text in a font that gives no Unicode (Identity-H, no ToUnicode, not embedded).
pub fn garbled() -> Vec<u8> {
    let mut pdf = Pdf::new();
    let cid = pdf.add(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    );
    let font = pdf.add(format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H /DescendantFonts [{cid} 0 R] >>"
    ));
    pdf.page(
        b"BT /F1 12 Tf 72 700 Td <0102030405060708> Tj ET",
        &format!("/Font << /F1 {font} 0 R >>"),
    );
    pdf.finish()
}

/// 301 pages, one more than the reader reads.
pub fn too_many_pages() -> Vec<u8> {
    let mut pdf = Pdf::new();
    let content = pdf.stream("", text(72.0, 700.0, "page").as_bytes());
    for _ in 0..301 {
        let n = pdf.add(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << {HELVETICA} >> >>"
        ));
        pdf.pages.push(n);
    }
    pdf.finish()
}

/// A Type0 font in GBK-EUC-H, not embedded and without ToUnicode (as Chinese office software
/// writes), with a label and its amount.
pub fn gbk_euc_h() -> Vec<u8> {
    let mut pdf = Pdf::new();
    let desc = pdf.add(
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] \
         /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
    );
    let cid = pdf.add(format!(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> \
         /FontDescriptor {desc} 0 R /DW 1000 /W [1 95 500] >>"
    ));
    let font = pdf.add(format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H \
         /DescendantFonts [{cid} 0 R] >>"
    ));
    let content = format!(
        "BT /F1 12 Tf 72 700 Td ({}) Tj ET\nBT /F1 12 Tf 300 700 Td ({}) Tj ET\n",
        octal(&gbk("预算收入合计")),
        octal(&gbk("1,234.50 万元")),
    );
    pdf.page(content.as_bytes(), &format!("/Font << /F1 {font} 0 R >>"));
    pdf.finish()
}

/// Bold made by filling and stroking the text (rendering mode 2: drawn twice), and by drawing
/// it again a fraction of a point to the right.
pub fn bold() -> Vec<u8> {
    let content = "BT /F1 12 Tf 2 Tr 72 700 Td (Fill and stroke) Tj ET\n\
                   BT /F1 12 Tf 72 680 Td (Overprinted 42) Tj ET\n\
                   BT /F1 12 Tf 72.3 680 Td (Overprinted 42) Tj ET\n\
                   BT /F1 12 Tf 72 660 Td (Overprinted 42) Tj ET\n";
    let mut pdf = Pdf::new();
    pdf.page(content.as_bytes(), HELVETICA);
    pdf.finish()
}
