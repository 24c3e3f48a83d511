//! HTML for rich email paste, rendered from the summary document: one
//! self-contained page with inline `style=` attributes only (mail clients
//! drop `<style>`, `<link>` and `<script>`), readable from 400 pixels wide
//! (items are stacked blocks, not wide tables), dates unbroken, the why
//! tree's indentation capped. Escaping is by construction: markup comes
//! only from the fixed strings here, and every piece of text goes through
//! [`Writer::text`].

use super::document::{Block, Fact, Item, Run, Summary, Text};

const BODY: &str = "margin:0;padding:16px;background:#ffffff;color:#1f2328;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;overflow-wrap:anywhere";
const PAGE: &str = "max-width:760px;margin:0 auto";
const H1: &str = "font-size:22px;line-height:1.3;margin:0 0 12px 0;color:#1f2328";
const H2: &str = "font-size:17px;margin:28px 0 8px 0;padding-bottom:4px;border-bottom:1px solid #d0d7de;color:#1f2328";
const LINE: &str = "margin:0 0 2px 0";
const LABEL: &str = "color:#57606a";
const STATUS: &str = "margin:12px 0 0 0;padding:8px 12px;background:#f6f8fa;border-radius:6px";
const PARAGRAPH: &str = "margin:8px 0";
const ITEM: &str = "margin:0 0 12px 0;padding:4px 0 4px 12px;border-left:3px solid #d0d7de";
const BEFORE: &str = "color:#57606a;font-style:italic";
const FACT: &str = "margin:0;font-size:14px";
const LIST: &str = "margin:0;padding-left:20px";
const WARN: &str = "color:#b3261e;font-weight:bold";
const NOWRAP: &str = "white-space:nowrap";
const FOOTER: &str = "color:#57606a;font-size:12px;margin-top:32px";
/// Tree entries indent by depth, up to four steps: deep chains keep their
/// width on a phone.
const DEPTH: [&str; 5] = [
    "margin:0 0 10px 0;padding:4px 0 4px 12px;border-left:3px solid #d0d7de",
    "margin:0 0 10px 16px;padding:4px 0 4px 12px;border-left:3px solid #d0d7de",
    "margin:0 0 10px 32px;padding:4px 0 4px 12px;border-left:3px solid #d0d7de",
    "margin:0 0 10px 48px;padding:4px 0 4px 12px;border-left:3px solid #d0d7de",
    "margin:0 0 10px 64px;padding:4px 0 4px 12px;border-left:3px solid #d0d7de",
];

/// Writes HTML: markup only from `&'static str`, text always escaped.
struct Writer {
    out: String,
}

impl Writer {
    fn open(&mut self, tag: &'static str, style: &'static str) {
        self.out.push('<');
        self.out.push_str(tag);
        if !style.is_empty() {
            self.out.push_str(" style=\"");
            self.out.push_str(style);
            self.out.push('"');
        }
        self.out.push('>');
    }

    fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn markup(&mut self, fixed: &'static str) {
        self.out.push_str(fixed);
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&#39;"),
                c => self.out.push(c),
            }
        }
    }

    fn element(&mut self, tag: &'static str, style: &'static str, text: &str) {
        self.open(tag, style);
        self.text(text);
        self.close(tag);
    }

    fn runs(&mut self, text: &Text) {
        for run in text {
            match run {
                Run::Plain(s) => self.text(s),
                Run::Strong(s) => self.element("strong", "", s),
                Run::Warn(s) => self.element("span", WARN, s),
                Run::Unbroken(s) => self.element("span", NOWRAP, s),
            }
        }
    }

    fn fact(&mut self, style: &'static str, fact: &Fact) {
        self.open("div", style);
        self.open("span", LABEL);
        self.text(&fact.label);
        self.markup(":</span> ");
        self.runs(&fact.value);
        self.close("div");
    }

    fn item(&mut self, style: &'static str, item: &Item) {
        self.open("div", style);
        if let Some(before) = &item.before {
            self.open("div", BEFORE);
            self.runs(before);
            self.close("div");
        }
        self.open("div", "");
        if let Some(label) = &item.label {
            self.element("strong", "", label.text());
            self.markup(" ");
        }
        self.runs(&item.text);
        self.close("div");
        for f in &item.facts {
            self.fact(FACT, f);
        }
        self.close("div");
        self.markup("\n");
    }
}

/// Renders the summary as one HTML page.
pub fn render(doc: &Summary) -> String {
    let mut w = Writer { out: String::new() };
    w.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.element("title", "", &doc.subject);
    w.markup("\n</head>\n");
    w.open("body", BODY);
    w.markup("\n");
    w.open("div", PAGE);
    w.markup("\n");
    w.element("h1", H1, &doc.title);
    w.markup("\n");
    for f in &doc.facts {
        w.fact(LINE, f);
        w.markup("\n");
    }
    w.open("div", STATUS);
    w.open("span", LABEL);
    w.markup("Status:</span> ");
    w.runs(&doc.status);
    w.close("div");
    w.markup("\n");
    for section in &doc.sections {
        w.element("h2", H2, &section.heading);
        w.markup("\n");
        let tree = section.heading.starts_with("Appendix");
        for block in &section.blocks {
            match block {
                Block::Paragraphs(paragraphs) => {
                    for p in paragraphs {
                        w.element("p", PARAGRAPH, p);
                        w.markup("\n");
                    }
                }
                Block::Facts(facts) => {
                    for f in facts {
                        w.fact(LINE, f);
                        w.markup("\n");
                    }
                }
                Block::Items(items) => {
                    for item in items {
                        let style = if tree {
                            DEPTH[item.depth.min(DEPTH.len() - 1)]
                        } else {
                            ITEM
                        };
                        w.item(style, item);
                    }
                }
                Block::Bullets(list) => {
                    w.open("ul", LIST);
                    w.markup("\n");
                    for t in list {
                        w.open("li", "");
                        w.runs(t);
                        w.close("li");
                        w.markup("\n");
                    }
                    w.close("ul");
                    w.markup("\n");
                }
            }
        }
    }
    w.element("p", FOOTER, "Written with fivewhys.");
    w.markup("\n");
    w.close("div");
    w.markup("\n");
    w.close("body");
    w.markup("\n</html>\n");
    w.out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut w = Writer { out: String::new() };
    w.text(text);
    w.out
}
