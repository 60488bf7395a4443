//! Property test: export → import on the same text gives back exactly the same
//! annotations (ids, offsets, tags, notes, times, creators, extras, orphans), for
//! random annotation sets over random Unicode text. Deterministic RNG.

use claimmark::annotation::{Annotation, Op, Store};
use claimmark::w3c::{export_collection, import_into, ExportOptions, ImportMode, ImportOptions};
use claimmark::Span;

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const PIECES: &[&str] = &[
    "the",
    "talks",
    "Kim",
    "said",
    "“yes”",
    "\"no\"",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}cole",
    "韓国",
    "北朝鮮",
    "\n",
    "\n\n",
    ",",
    ".",
    "—",
    "🇰🇷",
    "ñ",
    "a\u{30a}",
    "\t",
    "’",
    "ひらがな",
];

fn random_text(r: &mut Rng) -> String {
    let n = 20 + r.below(300);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(r.pick(PIECES));
        if r.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

fn random_store(r: &mut Rng, text: &str) -> Store {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut st = Store::new(text);
    for i in 0..r.below(25) {
        let a0 = r.below(bounds.len() - 1);
        let a1 = a0 + 1 + r.below((bounds.len() - a0 - 1).min(60));
        let span = Span::new(bounds[a0], bounds[a1]);
        let id = match r.below(3) {
            0 => format!("{:08x}-aaaa-4bbb-8ccc-{:012x}", r.below(1 << 30), i),
            1 => format!("urn:x-test:{i}"),
            _ => format!("id {i} “ü”"),
        };
        let note = r.pick(&["", "note", "multi\nline \"q\"", "😀 e\u{301}", "<b>x</b>"]);
        let time = r.pick(&[
            "2024-02-29T23:59:59Z",
            "2024-01-01T00:00:00.123+09:00",
            "yesterday",
        ]);
        let mut a = Annotation::new(
            id,
            text,
            span,
            r.pick(&["fact", "analysis", "quote"]),
            note,
            time,
        )
        .unwrap();
        a.modified = r.pick(&["2024-03-01T00:00:00Z", "later"]).to_string();
        if r.below(2) == 0 {
            a.creator = Some(r.pick(&["Ann", "Bé 😀", "https://x.org/me"]).to_string());
        }
        if r.below(4) == 0 {
            a.extra = vec![
                (
                    r.pick(&["describing", "x-custom", "questioning"])
                        .to_string(),
                    r.pick(&["v", "https://x.org/v", "ü"]).to_string(),
                ),
                (
                    String::new(),
                    r.pick(&["plain text", "https://x.org/iri"]).to_string(),
                ),
            ];
        }
        if r.below(8) == 0 {
            // An orphan: its text is gone from this article (so import cannot
            // re-attach it); it keeps quote and context.
            a.span = None;
            a.quote = format!("a sentence deleted by the editors {i} 😀");
            a.prefix = r.pick(&["", "before it “", "e\u{301}"]).to_string();
            a.suffix = r.pick(&["", "” after", "\n"]).to_string();
        }
        st.apply(Op::Add(a)).unwrap();
    }
    for _ in 0..r.below(3) {
        let _ = st.apply(Op::SetBlock {
            block: r.below(5),
            in_article: Some(r.below(2) == 0),
        });
    }
    st
}

fn sorted(st: &Store) -> Vec<Annotation> {
    let mut v = st.annotations().to_vec();
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

#[test]
fn export_then_import_is_identity() {
    let mut r = Rng(0x5EED_1234_ABCD_0001);
    let (mut total, mut with_copies) = (0, 0);
    let eopts = ExportOptions {
        generated_at: Some("2024-06-01T00:00:00Z".into()),
        ..Default::default()
    };
    for round in 0..150 {
        let text = random_text(&mut r);
        let src = random_store(&mut r, &text);
        let json = export_collection(&src, &eopts);
        with_copies += json.matches("\"claimmark:copies\"").count();
        for mode in [ImportMode::Replace, ImportMode::Merge] {
            let mut dst = Store::new(text.as_str());
            let opts = ImportOptions {
                mode,
                time: "2030-01-01T00:00:00Z",
                block_count: None,
            };
            let (_, rep) = import_into(&mut dst, &json, &opts)
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert_eq!(rep.imported, src.annotations().len());
            let (want, got) = (sorted(&src), sorted(&dst));
            for (w, g) in want.iter().zip(&got) {
                // Orphans keep quote and context as exported (context trimmed to 32 chars).
                assert_eq!(w, g, "round {round}: annotation differs\ntext {text:?}");
            }
            assert_eq!(want.len(), got.len());
            assert_eq!(
                src.block_choices(),
                dst.block_choices(),
                "round {round}: blocks"
            );
            if mode == ImportMode::Replace {
                // Exported again, the same file: extensions (claimmark:copies
                // where a quote recurs) included.
                assert_eq!(export_collection(&dst, &eopts), json, "round {round}");
            }
            // Importing the same file again into the result replaces, changes nothing.
            let (_, again) = import_into(
                &mut dst,
                &json,
                &ImportOptions {
                    mode: ImportMode::Merge,
                    ..opts
                },
            )
            .unwrap();
            assert_eq!(again.replaced, src.annotations().len());
            assert_eq!(sorted(&dst), want);
        }
        total += src.annotations().len();
    }
    assert!(total > 500, "too few annotations generated: {total}");
    assert!(with_copies > 100, "too few recurring quotes: {with_copies}");
}
