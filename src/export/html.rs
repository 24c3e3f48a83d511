//! HTML for rich email paste, rendered from the summary document: one
//! self-contained page with inline `style=` attributes only (mail clients
//! drop `<style>`, `<link>` and `<script>`), compact enough that the first
//! screen holds what happened, why and what we ask of whom, and readable
//! from 400 pixels wide. The actions are a real table; the why tree's
//! indentation is capped. Escaping is by construction: markup comes only
//! from the fixed strings here, every piece of text goes through
//! [`Writer::text`], and only an http(s) address becomes a link
//! (`rel="noopener"`, its address escaped).

use super::document::{Block, Fact, Item, Piece, Run, Summary, Text, pieces};

const BODY: &str = "margin:0;padding:16px;background:#ffffff;color:#1f2328;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.4;overflow-wrap:anywhere";
const PAGE: &str = "max-width:900px;margin:0 auto";
const H1: &str = "font-size:21px;line-height:1.3;margin:0 0 6px 0;color:#1f2328";
const H2: &str = "font-size:16px;margin:12px 0 4px 0;padding-bottom:2px;border-bottom:1px solid #d0d7de;color:#1f2328";
const HEADLINE: &str = "margin:0";
const STATUS: &str = "margin:0;color:#57606a;font-size:14px";
const LINE: &str = "margin:0 0 2px 0";
const LABEL: &str = "color:#57606a";
const PARAGRAPH: &str = "margin:0 0 6px 0";
const ITEM: &str = "margin:0 0 6px 0";
const FACT: &str = "margin:0;font-size:13px;line-height:1.3;color:#3d444d";
const LIST: &str = "margin:0;padding-left:20px;font-size:14px;line-height:1.35";
const WARN: &str = "color:#b3261e;font-weight:bold";
const QUIET: &str = "color:#57606a";
const NOWRAP: &str = "white-space:nowrap";
const LINK: &str = "color:#0969da";
const TABLE: &str = "border-collapse:collapse;width:100%;font-size:15px;overflow-wrap:normal";
const TH: &str = "text-align:left;font-weight:normal;color:#57606a;font-size:13px;padding:0 8px 2px 0;border-bottom:1px solid #d0d7de";
const TD: &str =
    "vertical-align:top;padding:4px 8px 4px 0;border-bottom:1px solid #eaeef2;overflow-wrap:normal";
const TD_LABEL: &str = "vertical-align:top;padding:4px 8px 4px 0;border-bottom:1px solid #eaeef2;white-space:nowrap;font-weight:bold";
const FOOTER: &str = "color:#57606a;font-size:12px;margin:16px 0 0 0";
/// Tree lines indent by depth, up to six steps: deep chains keep their
/// width on a phone (each line names what it answers anyway).
const DEPTH: [&str; 7] = [
    "margin:0 0 1px 0;font-size:13px;line-height:1.3",
    "margin:0 0 1px 14px;font-size:13px;line-height:1.3",
    "margin:0 0 1px 28px;font-size:13px;line-height:1.3",
    "margin:0 0 1px 42px;font-size:13px;line-height:1.3",
    "margin:0 0 1px 56px;font-size:13px;line-height:1.3",
    "margin:0 0 1px 70px;font-size:13px;line-height:1.3",
    "margin:0 0 1px 84px;font-size:13px;line-height:1.3",
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

    /// Text with every http(s) address in it a link.
    fn linked(&mut self, text: &str) {
        for piece in pieces(text) {
            match piece {
                Piece::Words(w) => self.text(w),
                Piece::Address(url) => {
                    self.markup("<a href=\"");
                    self.text(url);
                    self.markup("\" rel=\"noopener\" style=\"");
                    self.markup(LINK);
                    self.markup("\">");
                    self.text(url);
                    self.markup("</a>");
                }
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
                Run::Plain(s) => self.linked(s),
                Run::Strong(s) => self.element("strong", "", s),
                Run::Warn(s) => self.element("span", WARN, s),
                Run::Unbroken(s) => self.element("span", NOWRAP, s),
                Run::Quiet(s) => {
                    self.open("span", QUIET);
                    self.linked(s);
                    self.close("span");
                }
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

    fn item(&mut self, item: &Item) {
        self.open("div", ITEM);
        self.open("div", "");
        self.element("strong", "", &item.label);
        self.markup(" ");
        self.runs(&item.text);
        self.close("div");
        for f in &item.facts {
            self.fact(FACT, f);
        }
        self.close("div");
        self.markup("\n");
    }

    fn line(&mut self, style: &'static str, text: &Text) {
        self.open("div", style);
        self.runs(text);
        self.close("div");
        self.markup("\n");
    }

    fn table(&mut self, table: &super::document::Table) {
        self.open("table", TABLE);
        self.markup("\n<tr>");
        for head in &table.head {
            self.element("th", TH, head);
        }
        self.markup("</tr>\n");
        for row in &table.rows {
            self.markup("<tr>");
            for (i, cell) in row.iter().enumerate() {
                self.open("td", if i == 0 { TD_LABEL } else { TD });
                self.runs(cell);
                self.close("td");
            }
            self.markup("</tr>\n");
        }
        self.close("table");
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
    if !doc.headline.is_empty() {
        w.line(HEADLINE, &doc.headline);
    }
    w.line(STATUS, &doc.status);
    for section in &doc.sections {
        w.element("h2", H2, &section.heading);
        w.markup("\n");
        for block in &section.blocks {
            match block {
                Block::Paragraphs(paragraphs) => {
                    for p in paragraphs {
                        w.open("p", PARAGRAPH);
                        w.linked(p);
                        w.close("p");
                        w.markup("\n");
                    }
                }
                Block::Lines(lines) => {
                    for line in lines {
                        w.line(LINE, line);
                    }
                }
                Block::Items(items) => {
                    for item in items {
                        w.item(item);
                    }
                }
                Block::Table(table) => w.table(table),
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
                Block::Tree(lines) => {
                    for (depth, line) in lines {
                        w.line(DEPTH[(*depth).min(DEPTH.len() - 1)], line);
                    }
                }
            }
        }
    }
    w.open("div", FOOTER);
    for line in &doc.footer {
        w.open("div", "");
        w.linked(line);
        w.close("div");
    }
    w.element("div", "", "Written with fivewhys.");
    w.close("div");
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
